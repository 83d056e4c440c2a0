using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// NextToken values: base64url of [version 1][offset, int32 big-endian][first 16 bytes of SHA-256 of the listing key].
/// Binding the token to the listing (operation, filters, sort) catches clients that mix tokens between
/// listings, which the real service rejects too; MaxResults is deliberately not part of the key because the
/// service lets a client change the page size between pages.
/// </summary>
internal static class PageToken
{
    private const byte Version = 1;
    private const int HashLength = 16;
    private const int Length = 1 + 4 + HashLength;

    /// <summary>Builds the listing key from the parameters that define a listing; nulls and defaults must already be resolved.</summary>
    public static string ListingKey(string[] parts) => string.Join('\u001f', parts);

    public static string Create(int offset, string listingKey)
    {
        var bytes = new byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(1, 4), offset);
        Hash(listingKey).CopyTo(bytes.AsSpan(5));
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The offset a token points at; a token this listing did not issue is a ValidationException, as at the service.</summary>
    public static int Read(string token, string listingKey)
    {
        var bytes = Decode(token);
        if (bytes is not { Length: Length } || bytes[0] != Version || Offset(bytes) < 0)
        {
            throw ServiceError.InvalidPaginationToken("the token is not one this service issued.");
        }

        if (!CryptographicOperations.FixedTimeEquals(bytes.AsSpan(5), Hash(listingKey)))
        {
            throw ServiceError.InvalidPaginationToken("the token was issued for a different request (operation, tuning job, sort or filter differ).");
        }

        return Offset(bytes);
    }

    private static int Offset(byte[] bytes) => BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1, 4));

    private static byte[] Decode(string token)
    {
        var base64 = token.Replace('-', '+').Replace('_', '/');
        try
        {
            return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[] Hash(string listingKey) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(listingKey)).AsSpan(0, HashLength).ToArray();
}
