using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using TuningJobs.LocalEndpoint;
using Xunit;

namespace TuningJobs.Tests.LocalEndpoint;

/// <summary>The faults that misbehave after the headers: a dripping body, an endless body, an oversized page.</summary>
public sealed class BodyFaultTests
{
    private const string Job = "xgb-churn-0412";

    /// <summary>Sends a signed list request and returns as soon as the headers are in, leaving the body to the caller.</summary>
    private static async Task<HttpResponseMessage> HeadersOnlyAsync(HttpClient http, LocalSageMakerEndpoint endpoint, int maxResults)
    {
        var body = Encoding.UTF8.GetBytes($"{{\"HyperParameterTuningJobName\":\"{Job}\",\"MaxResults\":{maxResults}}}");
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "SageMaker." + WireClient.TrainingJobs);
        TestSigner.Sign(request, body, LocalSageMakerEndpoint.DefaultAccessKeyId, LocalSageMakerEndpoint.DefaultSecretAccessKey);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    [Fact]
    public async Task StalledBodySendsTheHeadersAtOnceThenOneByteAtATime()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var wire = new WireClient(endpoint.Url);
        var normal = await wire.ListTrainingJobsAsync(Job, 10);
        endpoint.Faults.StalledBody = new StalledBodyFault { PageIndex = 0, IntervalMilliseconds = 300, Times = 1 };
        using var http = new HttpClient();

        var clock = Stopwatch.StartNew();
        using var response = await HeadersOnlyAsync(http, endpoint, 10);
        var headers = clock.Elapsed;
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[3];
        var read = 0;
        while (read < 3)
        {
            read += await body.ReadAsync(buffer.AsMemory(read));
        }
        var threeBytes = clock.Elapsed - headers;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(Encoding.UTF8.GetByteCount(normal.Body), response.Content.Headers.ContentLength);
        Assert.True(headers < TimeSpan.FromMilliseconds(250), headers.ToString());
        Assert.True(threeBytes >= TimeSpan.FromMilliseconds(550), threeBytes.ToString());
        Assert.Equal(normal.Body.Substring(0, 3), Encoding.UTF8.GetString(buffer));
        Assert.Equal("stalledBody", endpoint.Requests[1].Fault);
        Assert.Equal(200, endpoint.Requests[1].StatusCode);
    }

    [Fact]
    public async Task EndlessBodyOpensTheListAndNeverClosesIt()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.EndlessBody = new PageFault { PageIndex = 0, Times = 1 };
        using var http = new HttpClient();

        using var response = await HeadersOnlyAsync(http, endpoint, 10);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long total = 0;
        var start = new StringBuilder();
        while (total < 4 * 1024 * 1024)
        {
            var read = await body.ReadAsync(buffer);
            Assert.NotEqual(0, read);
            if (start.Length < 100) start.Append(Encoding.UTF8.GetString(buffer, 0, Math.Min(read, 100)));
            total += read;
        }

        Assert.Null(response.Content.Headers.ContentLength);
        Assert.StartsWith("{\"TrainingJobSummaries\":[{\"", start.ToString());
        Assert.Equal("endlessBody", endpoint.Requests[0].Fault);
    }

    [Fact]
    public async Task OversizedPageHasMoreSummariesThanAskedFor()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.OversizedPage = new OversizedPageFault { PageIndex = 0, ExtraSummaries = 2, Times = 1 };
        using var wire = new WireClient(endpoint.Url);

        var oversized = await wire.ListTrainingJobsAsync(Job, 5);
        var normal = await wire.ListTrainingJobsAsync(Job, 5);

        Assert.Equal(200, oversized.StatusCode);
        Assert.Equal(7, oversized.Items("TrainingJobSummaries").Count);
        Assert.Equal(normal.NextToken, oversized.NextToken);
        Assert.Equal(5, normal.Items("TrainingJobSummaries").Count);
        Assert.Equal("oversizedPage", endpoint.Requests[0].Fault);
    }

    [Fact]
    public async Task TheNewFaultsAreTakenOverWithTheirSettings()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.ReplaceWith(new FaultPlan
        {
            StalledBody = new StalledBodyFault { PageIndex = 2, IntervalMilliseconds = 123, Times = 4 },
            EndlessBody = new PageFault { PageIndex = 1 },
            OversizedPage = new OversizedPageFault { PageIndex = 3, ExtraSummaries = 9 },
        });

        Assert.Equal((2, 123, 4), (endpoint.Faults.StalledBody.PageIndex, endpoint.Faults.StalledBody.IntervalMilliseconds, endpoint.Faults.StalledBody.Times));
        Assert.Equal(1, endpoint.Faults.EndlessBody.PageIndex);
        Assert.Equal((3, 9), (endpoint.Faults.OversizedPage.PageIndex, endpoint.Faults.OversizedPage.ExtraSummaries));
    }
}
