using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// NextToken values: base64url of [offset, int32 big-endian][first 16 bytes of SHA-256 of the listing key].
/// Binding the token to the listing (operation, filters, sort) catches clients that mix tokens between
/// listings, which the real service rejects too; MaxResults is deliberately not part of the key because the
/// service lets a client change the page size between pages.
/// </summary>
internal static class PageToken
{
    private const int HashLength = 16;

    public static string Create(int offset, string listingKey)
    {
        var bytes = new byte[4 + HashLength];
        BinaryPrimitives.WriteInt32BigEndian(bytes, offset);
        Hash(listingKey).CopyTo(bytes, 4);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The offset a token points at; a token this listing did not issue is a ValidationException, as at the service.</summary>
    public static int Read(string token, string listingKey)
    {
        var bytes = new byte[Base64Url.GetMaxDecodedLength(token.Length)];
        var issued = Base64Url.TryDecodeFromChars(token, bytes, out var length) && length == 4 + HashLength;
        if (!issued || BinaryPrimitives.ReadInt32BigEndian(bytes) < 0)
        {
            throw ServiceError.InvalidPaginationToken("the token is not one this service issued.");
        }

        if (!CryptographicOperations.FixedTimeEquals(bytes.AsSpan(4, HashLength), Hash(listingKey)))
        {
            throw ServiceError.InvalidPaginationToken("the token was issued for a different request (operation, tuning job, sort or filter differ).");
        }

        return BinaryPrimitives.ReadInt32BigEndian(bytes);
    }

    private static byte[] Hash(string listingKey) => SHA256.HashData(Encoding.UTF8.GetBytes(listingKey)).AsSpan(0, HashLength).ToArray();
}
