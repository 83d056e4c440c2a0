using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace TuningJobs.LocalEndpoint;

/// <summary>Who signed a request: the access key id and the region of the credential scope.</summary>
public sealed record SigV4Identity(string AccessKeyId, string Region);

/// <summary>
/// Verifies AWS Signature Version 4 (header form) the way AWS's front end does, so that a client which passes
/// here signs correctly for the real service. Messages never contain secret keys; they may contain the
/// canonical request and string to sign, as AWS's own mismatch messages do, because neither holds a secret.
/// </summary>
public sealed class SigV4Verifier
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string ServiceName = "sagemaker";
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(5);

    private readonly IReadOnlyDictionary<string, string> secrets;
    private readonly Func<DateTimeOffset> clock;
    private readonly string _signingRegion;

    /// <param name="signingRegion">The one region a credential scope may name, as a regional AWS endpoint has; null accepts any.</param>
    public SigV4Verifier(IDictionary<string, string> credentials, Func<DateTimeOffset> clock = null, string signingRegion = null)
    {
        secrets = new Dictionary<string, string>(credentials ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        this.clock = clock ?? (() => DateTimeOffset.UtcNow);
        _signingRegion = signingRegion;
    }

    public SigV4Identity Verify(HttpRequest request, byte[] body)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorization))
        {
            throw ErrorResponses.MissingAuthenticationToken();
        }

        var (credential, signedHeadersText, signature) = ParseAuthorization(authorization);

        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (string.IsNullOrEmpty(amzDate))
        {
            throw ErrorResponses.IncompleteSignature("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=" + authorization);
        }

        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var signedAt))
        {
            throw ErrorResponses.IncompleteSignature($"Date must be in ISO-8601 'basic format'. Got '{amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601");
        }

        var scopeParts = credential.Split('/');
        if (scopeParts.Length != 5 || scopeParts.Any(string.IsNullOrEmpty))
        {
            throw ErrorResponses.IncompleteSignature($"Credential should be scoped to a valid region, service and terminator: '{credential}'.");
        }

        var (accessKeyId, scopeDate, region, service, terminator) = (scopeParts[0], scopeParts[1], scopeParts[2], scopeParts[3], scopeParts[4]);
        if (!string.Equals(service, ServiceName, StringComparison.Ordinal))
        {
            throw ErrorResponses.IncompleteSignature($"Credential should be scoped to correct service: '{ServiceName}'. ");
        }

        if (!string.Equals(terminator, "aws4_request", StringComparison.Ordinal))
        {
            throw ErrorResponses.IncompleteSignature($"Credential should be scoped with a valid terminator: 'aws4_request', not '{terminator}'. ");
        }

        if (_signingRegion != null && !string.Equals(region, _signingRegion, StringComparison.Ordinal))
        {
            throw ErrorResponses.InvalidSignature($"Credential should be scoped to a valid region, not '{region}'. ");
        }

        var signedHeaders = signedHeadersText.Split(';');
        foreach (var required in new[] { "host", "x-amz-date" })
        {
            if (!signedHeaders.Contains(required, StringComparer.Ordinal))
            {
                throw ErrorResponses.IncompleteSignature($"Signed headers must include '{required}'. SignedHeaders={signedHeadersText}");
            }
        }

        // A session token that is not signed could be swapped in transit, so AWS insists it is covered.
        if (request.Headers.ContainsKey("X-Amz-Security-Token") && !signedHeaders.Contains("x-amz-security-token", StringComparer.Ordinal))
        {
            throw ErrorResponses.IncompleteSignature("'X-Amz-Security-Token' must be a signed header when it is present. SignedHeaders=" + signedHeadersText);
        }

        if (!secrets.TryGetValue(accessKeyId, out var secret))
        {
            throw ErrorResponses.UnrecognizedClient();
        }

        var now = clock().ToUniversalTime();
        if (signedAt < now - AllowedSkew)
        {
            throw ErrorResponses.InvalidSignature($"Signature expired: {amzDate} is now earlier than {Stamp(now - AllowedSkew)} ({Stamp(now)} - 5 min.)");
        }

        if (signedAt > now + AllowedSkew)
        {
            throw ErrorResponses.InvalidSignature($"Signature not yet current: {amzDate} is still later than {Stamp(now + AllowedSkew)} ({Stamp(now)} + 5 min.)");
        }

        if (!string.Equals(scopeDate, amzDate.Substring(0, 8), StringComparison.Ordinal))
        {
            throw ErrorResponses.InvalidSignature($"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{scopeDate}' != '{amzDate.Substring(0, 8)}', from '{amzDate}'.");
        }

        var payloadHash = Hex(SHA256.HashData(body));
        var declaredHash = request.Headers["X-Amz-Content-SHA256"].ToString();
        if (declaredHash.Length > 0 && !string.Equals(declaredHash, payloadHash, StringComparison.Ordinal))
        {
            throw ErrorResponses.InvalidSignature("The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        var canonicalRequest = string.Join('\n',
            request.Method.ToUpperInvariant(),
            "/",
            CanonicalQuery(request.QueryString.Value),
            string.Concat(signedHeaders.Select(name => name + ":" + CanonicalHeaderValue(request, name) + "\n")),
            signedHeadersText,
            payloadHash);

        var scope = $"{scopeDate}/{region}/{service}/{terminator}";
        var stringToSign = string.Join('\n', Algorithm, amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), scopeDate);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, terminator);
        var expected = Encoding.ASCII.GetBytes(Hex(Hmac(key, stringToSign)));

        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
        {
            throw ErrorResponses.InvalidSignature(
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
                + "\n\nThe Canonical String for this request should have been\n'" + canonicalRequest + "'"
                + "\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n");
        }

        return new SigV4Identity(accessKeyId, region);
    }

    private static (string Credential, string SignedHeaders, string Signature) ParseAuthorization(string authorization)
    {
        if (!authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            var algorithm = authorization.Split(' ', 2)[0];
            throw ErrorResponses.IncompleteSignature($"Unsupported AWS 'algorithm': '{algorithm}'. Authorization header must start with '{Algorithm}'.");
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in authorization.Substring(Algorithm.Length + 1).Split(','))
        {
            var trimmed = part.Trim();
            var equals = trimmed.IndexOf('=');
            if (equals <= 0)
            {
                throw ErrorResponses.IncompleteSignature($"Authorization header requires each component to be 'key=value'. Authorization={authorization}");
            }

            parameters[trimmed.Substring(0, equals)] = trimmed.Substring(equals + 1);
        }

        var missing = new[] { "Credential", "Signature", "SignedHeaders" }
            .Where(name => !parameters.TryGetValue(name, out var value) || value.Length == 0)
            .Select(name => $"Authorization header requires '{name}' parameter.")
            .ToArray();
        if (missing.Length > 0)
        {
            throw ErrorResponses.IncompleteSignature(string.Join(" ", missing) + " Authorization=" + authorization);
        }

        return (parameters["Credential"], parameters["SignedHeaders"], parameters["Signature"]);
    }

    /// <summary>Values of one header, trimmed, inner runs of spaces collapsed, several values joined with commas.</summary>
    private static string CanonicalHeaderValue(HttpRequest request, string name)
    {
        var values = request.Headers[name];
        return string.Join(',', values.Select(v => CollapseSpaces((v ?? string.Empty).Trim())));
    }

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        var previousSpace = false;
        foreach (var c in value)
        {
            if (c == ' ')
            {
                if (!previousSpace)
                {
                    builder.Append(c);
                }

                previousSpace = true;
            }
            else
            {
                builder.Append(c);
                previousSpace = false;
            }
        }

        return builder.ToString();
    }

    private static string CanonicalQuery(string query)
    {
        if (string.IsNullOrEmpty(query) || query == "?")
        {
            return string.Empty;
        }

        return string.Join('&', query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=');
                var name = Uri.UnescapeDataString((equals < 0 ? pair : pair.Substring(0, equals)).Replace('+', ' '));
                var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(equals + 1).Replace('+', ' '));
                return (Name: Encode(name), Value: Encode(value));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>RFC 3986 encoding as SigV4 wants it: unreserved characters kept, everything else %XX in upper case.</summary>
    private static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
