using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;

namespace TuningJobs.Tests.LocalEndpoint;

/// <summary>
/// A small SigV4 signer written from the AWS specification, independent of the endpoint's verifier and of
/// the AWS SDK, so that the verifier is checked against a second implementation.
/// </summary>
internal static class TestSigner
{
    public static void Sign(
        HttpRequestMessage request,
        byte[] body,
        string accessKeyId,
        string secretKey,
        string region = "us-east-1",
        string service = "sagemaker",
        DateTimeOffset? time = null,
        IEnumerable<string> headersToSign = null,
        bool sendContentHash = false)
    {
        var now = (time ?? DateTimeOffset.UtcNow).UtcDateTime;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate.Substring(0, 8);
        var payloadHash = Hex(SHA256.HashData(body));

        request.Headers.Host = request.RequestUri.Authority;
        request.Headers.Remove("X-Amz-Date");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        if (sendContentHash)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Content-SHA256", payloadHash);
        }

        var all = AllHeaders(request);
        var names = (headersToSign ?? all.Keys).Select(n => n.ToLowerInvariant()).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
        var canonicalHeaders = string.Concat(names.Select(n => n + ":" + Normalize(all.TryGetValue(n, out var v) ? v : string.Empty) + "\n"));
        var signedHeaders = string.Join(";", names);

        var canonicalRequest = string.Join("\n",
            request.Method.Method,
            "/",
            CanonicalQuery(request.RequestUri.Query),
            canonicalHeaders,
            signedHeaders,
            payloadHash);

        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = string.Join("\n", "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in new[] { date, region, service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential={accessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    private static Dictionary<string, string> AllHeaders(HttpRequestMessage request)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in request.Headers)
        {
            headers[header.Key.ToLowerInvariant()] = string.Join(",", header.Value);
        }

        if (request.Content != null)
        {
            foreach (var header in request.Content.Headers.Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
            {
                headers[header.Key.ToLowerInvariant()] = string.Join(",", header.Value);
            }
        }

        headers.Remove("authorization");
        return headers;
    }

    private static string Normalize(string value) => string.Join(" ", value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string CanonicalQuery(string query)
    {
        if (string.IsNullOrEmpty(query) || query == "?")
        {
            return string.Empty;
        }

        return string.Join("&", query.TrimStart('?').Split('&')
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: Uri.EscapeDataString(Uri.UnescapeDataString(p[0])), Value: p.Length > 1 ? Uri.EscapeDataString(Uri.UnescapeDataString(p[1])) : string.Empty))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
