using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TuningJobs.Benchmark;

/// <summary>
/// One timed listing by the floor client; FirstPageMilliseconds runs from the first request's start to its last byte
/// read: what one page costs.
/// </summary>
public sealed record FloorRun(double TotalMilliseconds, double FirstPageMilliseconds, int Requests);

/// <summary>
/// The least a client can do for ListTrainingJobsForHyperParameterTuningJob: the same signed requests for the
/// same pages (MaxResults, following NextToken) on one HttpClient with one kept-alive connection, each answer
/// read to its end but not parsed; only the leading NextToken member is picked out to ask for the next page.
/// </summary>
public sealed class FloorClient(string endpointUrl, string accessKeyId, string secretKey, string region = "us-east-1") : IDisposable
{
    private const string Target = "SageMaker.ListTrainingJobsForHyperParameterTuningJob";
    private static readonly MediaTypeHeaderValue _awsJson = MediaTypeHeaderValue.Parse("application/x-amz-json-1.1");
    private static readonly JsonSerializerOptions _withoutNulls = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly Uri _endpoint = new(endpointUrl);
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Lists the whole tuning job once and returns what it took.</summary>
    public FloorRun List(string tuningJobName, int maxResults)
    {
        var total = Stopwatch.StartNew();
        double firstPage = 0;
        var requests = 0;
        string nextToken = null;
        do
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new PageRequest(tuningJobName, maxResults, nextToken), _withoutNulls);
            using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = _awsJson;
            request.Headers.TryAddWithoutValidation("X-Amz-Target", Target);
            Sign(request, body);

            using var response = _client.Send(request, HttpCompletionOption.ResponseContentRead);
            var answer = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The floor's request {requests + 1} got {(int)response.StatusCode}: {Encoding.UTF8.GetString(answer)}");
            }

            requests++;
            if (requests == 1)
            {
                firstPage = total.Elapsed.TotalMilliseconds;
            }

            nextToken = LeadingNextToken(answer);
        }
        while (nextToken != null);

        return new FloorRun(total.Elapsed.TotalMilliseconds, firstPage, requests);
    }

    public void Dispose() => _client.Dispose();

    /// <summary>
    /// The service's answer (and the local endpoint's) starts with NextToken when there is one: read the first
    /// member only and leave the page itself unparsed.
    /// </summary>
    private static string LeadingNextToken(byte[] answer)
    {
        var reader = new Utf8JsonReader(answer, isFinalBlock: false, state: default);
        var leading = reader.Read() && reader.TokenType == JsonTokenType.StartObject
            && reader.Read() && reader.TokenType == JsonTokenType.PropertyName
            && reader.ValueTextEquals("NextToken"u8) && reader.Read();
        return leading && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
    }

    // SigV4, cut down to what these requests need: POST /, no query, headers content-type, host, x-amz-date and
    // x-amz-target signed.
    private void Sign(HttpRequestMessage request, byte[] body)
    {
        var amzDate = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate.Substring(0, 8);
        var host = _endpoint.Authority;
        request.Headers.Host = host;
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);

        const string signedHeaders = "content-type;host;x-amz-date;x-amz-target";
        var canonicalRequest = $"POST\n/\n\ncontent-type:{_awsJson}\nhost:{host}\nx-amz-date:{amzDate}\nx-amz-target:{Target}\n\n"
            + $"{signedHeaders}\n{Convert.ToHexStringLower(SHA256.HashData(body))}";

        var scope = $"{date}/{region}/sagemaker/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in new[] { date, region, "sagemaker", "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential={accessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    // The request body; NextToken is left out on the first page.
    private sealed record PageRequest(string HyperParameterTuningJobName, int MaxResults, string NextToken);
}
