using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// Checks that a request is signed with AWS Signature Version 4 (header form) for service sagemaker with the one key
/// pair the endpoint knows, by computing the signature itself: a wrong secret, a changed header or body, or a scope
/// for another service is rejected with the error code AWS uses, and so is a signature dated more than
/// <see cref="AllowedSkew"/> from the endpoint's clock. The endpoint serves POST / without a query, so the
/// canonical URI and query are fixed. Messages never contain a secret.
/// </summary>
internal static class SigV4Verifier
{
    private const string Algorithm = "AWS4-HMAC-SHA256";
    private const string BasicFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>How far a signature's X-Amz-Date may be from the endpoint's clock, either way: SigV4's 15 minutes.</summary>
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    /// <param name="signingRegion">The one region a credential scope may name, as a regional AWS endpoint has; null accepts any.</param>
    /// <param name="now">The endpoint's clock.</param>
    /// <returns>Who signed: the access key id and the region of the credential scope.</returns>
    public static (string AccessKeyId, string Region) Verify(HttpRequest request, byte[] body, string signingRegion, DateTimeOffset now)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            throw new ServiceError(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        var parts = authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal)
            ? authorization.Substring(Algorithm.Length + 1).Split(',').Select(p => p.Trim().Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1])
            : null;
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        var scope = parts != null && parts.TryGetValue("Credential", out var credential) ? credential.Split('/') : [];
        if (scope.Length != 5 || !parts.ContainsKey("SignedHeaders") || !parts.ContainsKey("Signature") || amzDate.Length < 8)
        {
            throw ServiceError.IncompleteSignature("Authorization header requires 'Credential', 'Signature', 'SignedHeaders' parameters and an X-Amz-Date header.");
        }

        var (accessKeyId, date, region, service, terminator) = (scope[0], scope[1], scope[2], scope[3], scope[4]);
        if (service != "sagemaker" || terminator != "aws4_request" || date != amzDate.Substring(0, 8))
        {
            throw ServiceError.IncompleteSignature($"Credential should be scoped to a valid date, region, service 'sagemaker' and terminator 'aws4_request': '{string.Join('/', scope)}'.");
        }

        if (signingRegion != null && region != signingRegion)
        {
            throw new ServiceError(403, "InvalidSignatureException", $"Credential should be scoped to a valid region, not '{region}'. ");
        }

        if (accessKeyId != LocalSageMakerEndpoint.DefaultAccessKeyId)
        {
            throw new ServiceError(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
        }

        if (!DateTimeOffset.TryParseExact(amzDate, BasicFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            throw ServiceError.IncompleteSignature($"Date must be in ISO-8601 'basic format'. Got '{amzDate}'.");
        }

        // awsJson services answer a signature outside the allowed window with 400 and these texts, their own time to
        // the second last.
        now = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        string Basic(DateTimeOffset time) => time.UtcDateTime.ToString(BasicFormat, CultureInfo.InvariantCulture);
        if ((signedAt - now).Duration() > AllowedSkew)
        {
            throw new ServiceError(400, "InvalidSignatureException", signedAt < now
                ? $"Signature expired: {amzDate} is now earlier than {Basic(now - AllowedSkew)} ({Basic(now)} - {AllowedSkew.TotalMinutes} min.)"
                : $"Signature not yet current: {amzDate} is still later than {Basic(now + AllowedSkew)} ({Basic(now)} + {AllowedSkew.TotalMinutes} min.)");
        }

        var signedHeaders = parts["SignedHeaders"];
        var headers = signedHeaders.Split(';');
        if (!headers.Contains("host") || !headers.Contains("x-amz-date"))
        {
            throw ServiceError.IncompleteSignature("Signed headers must include 'host' and 'x-amz-date'. SignedHeaders=" + signedHeaders);
        }

        var canonicalHeaders = string.Concat(headers.Select(name => $"{name}:{string.Join(',', request.Headers[name].Select(v => v.Trim()))}\n"));
        var canonicalRequest = string.Join('\n', request.Method, "/", string.Empty, canonicalHeaders, signedHeaders, Convert.ToHexStringLower(SHA256.HashData(body)));
        var stringToSign = string.Join('\n', Algorithm, amzDate, string.Join('/', date, region, service, terminator),
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = Encoding.UTF8.GetBytes("AWS4" + LocalSageMakerEndpoint.DefaultSecretAccessKey);
        foreach (var part in new[] { date, region, service, terminator, stringToSign })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(key)), Encoding.ASCII.GetBytes(parts["Signature"])))
        {
            throw new ServiceError(403, "InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.");
        }

        return (accessKeyId, region);
    }
}
