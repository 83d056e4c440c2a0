using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TuningJobs.LocalEndpoint;

namespace TuningJobs.Tests.LocalEndpoint;

/// <summary>An answer as it came over the wire, with the JSON parsed when there was any.</summary>
internal sealed class WireResponse
{
    public int StatusCode { get; init; }

    public string Body { get; init; }

    public string ContentType { get; init; }

    public string RequestId { get; init; }

    public JsonElement Json { get; init; }

    public string ErrorType => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("__type", out var t) ? t.GetString() : null;

    public string Message => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("Message", out var m) ? m.GetString() : null;

    public string NextToken => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("NextToken", out var n) ? n.GetString() : null;

    public IReadOnlyList<JsonElement> Items(string member) => Json.GetProperty(member).EnumerateArray().ToList();
}

/// <summary>Plain HttpClient calls to the endpoint, signed by <see cref="TestSigner"/>.</summary>
internal sealed class WireClient : IDisposable
{
    public const string TrainingJobs = "ListTrainingJobsForHyperParameterTuningJob";
    public const string TuningJobs = "ListHyperParameterTuningJobs";

    private readonly HttpClient http;

    public WireClient(Uri url, TimeSpan? timeout = null)
    {
        Url = url;
        http = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
    }

    public Uri Url { get; }

    public string AccessKeyId { get; set; } = LocalSageMakerEndpoint.DefaultAccessKeyId;

    public string SecretKey { get; set; } = LocalSageMakerEndpoint.DefaultSecretAccessKey;

    public string Region { get; set; } = "us-east-1";

    public static string Json(IDictionary<string, object> members) =>
        JsonSerializer.Serialize(members.Where(m => m.Value != null).ToDictionary(m => m.Key, m => m.Value));

    public Task<WireResponse> ListTrainingJobsAsync(string tuningJob, int? maxResults = null, string nextToken = null, string sortBy = null, string sortOrder = null, string statusEquals = null, CancellationToken cancellationToken = default) =>
        CallAsync(TrainingJobs, Json(new Dictionary<string, object>
        {
            ["HyperParameterTuningJobName"] = tuningJob,
            ["MaxResults"] = maxResults,
            ["NextToken"] = nextToken,
            ["SortBy"] = sortBy,
            ["SortOrder"] = sortOrder,
            ["StatusEquals"] = statusEquals,
        }), cancellationToken: cancellationToken);

    /// <summary>Follows NextToken to the end and returns every summary, failing on any non-200 page.</summary>
    public async Task<List<JsonElement>> ListAllTrainingJobsAsync(string tuningJob, int? maxResults = null, string sortBy = null, string sortOrder = null, string statusEquals = null)
    {
        var all = new List<JsonElement>();
        string token = null;
        do
        {
            var page = await ListTrainingJobsAsync(tuningJob, maxResults, token, sortBy, sortOrder, statusEquals);
            if (page.StatusCode != 200)
            {
                throw new InvalidOperationException($"Page failed: {page.StatusCode} {page.Body}");
            }

            all.AddRange(page.Items("TrainingJobSummaries"));
            token = page.NextToken;
        }
        while (token != null);

        return all;
    }

    /// <summary>
    /// Sends one operation request. <paramref name="beforeSign"/> changes the request before it is signed,
    /// <paramref name="afterSign"/> after (to tamper with a signed request).
    /// </summary>
    public async Task<WireResponse> CallAsync(
        string operation,
        string json,
        string contentType = "application/x-amz-json-1.1",
        string target = null,
        bool sign = true,
        Action<HttpRequestMessage> beforeSign = null,
        Action<HttpRequestMessage> afterSign = null,
        string path = "",
        DateTimeOffset? signingTime = null,
        IEnumerable<string> headersToSign = null,
        string service = "sagemaker",
        bool sendContentHash = false,
        CancellationToken cancellationToken = default)
    {
        var body = Encoding.UTF8.GetBytes(json ?? string.Empty);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Url, path));
        request.Content = new ByteArrayContent(body);
        if (contentType != null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        request.Headers.TryAddWithoutValidation("X-Amz-Target", target ?? "SageMaker." + operation);
        beforeSign?.Invoke(request);
        if (sign)
        {
            TestSigner.Sign(request, body, AccessKeyId, SecretKey, Region, service, signingTime, headersToSign, sendContentHash);
        }

        afterSign?.Invoke(request);
        return await SendAsync(request, cancellationToken);
    }

    public async Task<WireResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement json = default;
        try
        {
            using var document = JsonDocument.Parse(text);
            json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
        }

        return new WireResponse
        {
            StatusCode = (int)response.StatusCode,
            Body = text,
            ContentType = response.Content.Headers.ContentType?.ToString(),
            RequestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.Single() : null,
            Json = json,
        };
    }

    public void Dispose() => http.Dispose();
}
