using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using TuningJobs.LocalEndpoint;
using Xunit;

namespace TuningJobs.Tests.LocalEndpoint;

public sealed class ControlApiTests
{
    [Fact]
    public async Task RequestLogCanBeReadAndCleared()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var http = new HttpClient();
        using var client = new WireClient(endpoint.Url);
        await client.ListTrainingJobsAsync("xgb-churn-0412", 5, sortBy: "Status", sortOrder: "Descending", statusEquals: "Completed");
        await client.ListTrainingJobsAsync("missing-job");

        using var log = JsonDocument.Parse(await http.GetStringAsync(new Uri(endpoint.Url, "__control/requests")));
        var entries = log.RootElement.EnumerateArray().ToList();
        var cleared = await http.DeleteAsync(new Uri(endpoint.Url, "__control/requests"));

        Assert.Equal(2, entries.Count);
        Assert.Equal("ListTrainingJobsForHyperParameterTuningJob", entries[0].GetProperty("operation").GetString());
        Assert.Equal("xgb-churn-0412", entries[0].GetProperty("tuningJobName").GetString());
        Assert.Equal(5, entries[0].GetProperty("maxResults").GetInt32());
        Assert.Equal("Status", entries[0].GetProperty("sortBy").GetString());
        Assert.Equal("Descending", entries[0].GetProperty("sortOrder").GetString());
        Assert.Equal("Completed", entries[0].GetProperty("statusEquals").GetString());
        Assert.Equal("us-east-1", entries[0].GetProperty("region").GetString());
        Assert.Equal(200, entries[0].GetProperty("statusCode").GetInt32());
        Assert.True(entries[0].TryGetProperty("receivedAt", out _));
        Assert.Equal(400, entries[1].GetProperty("statusCode").GetInt32());
        Assert.Equal("ResourceNotFound", entries[1].GetProperty("errorCode").GetString());
        Assert.Equal(204, (int)cleared.StatusCode);
        Assert.Empty(endpoint.Requests);
    }

    [Fact]
    public async Task FaultPlanCanBeReplacedAndCleared()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var http = new HttpClient();
        using var client = new WireClient(endpoint.Url);
        const string plan = """{"throttleFirstAttempt":true,"failPage":{"pageIndex":3,"statusCode":500,"times":1},"delay":{"pageIndex":2,"milliseconds":10}}""";

        var put = await http.PutAsync(new Uri(endpoint.Url, "__control/faults"), new StringContent(plan, Encoding.UTF8, "application/json"));
        var throttled = await client.ListTrainingJobsAsync("xgb-churn-0412");
        var read = JsonDocument.Parse(await http.GetStringAsync(new Uri(endpoint.Url, "__control/faults")));
        var deleted = await http.DeleteAsync(new Uri(endpoint.Url, "__control/faults"));
        var ok = await client.ListTrainingJobsAsync("xgb-churn-0412", 7);

        Assert.Equal(204, (int)put.StatusCode);
        Assert.Equal("ThrottlingException", throttled.ErrorType);
        Assert.True(read.RootElement.GetProperty("throttleFirstAttempt").GetBoolean());
        Assert.Equal(3, read.RootElement.GetProperty("failPage").GetProperty("pageIndex").GetInt32());
        Assert.Equal(204, (int)deleted.StatusCode);
        Assert.Equal(200, ok.StatusCode);
        Assert.False(endpoint.Faults.ThrottleFirstAttempt);
    }

    [Fact]
    public async Task MisspeltFaultPropertiesAreRejected()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var http = new HttpClient();

        var put = await http.PutAsync(new Uri(endpoint.Url, "__control/faults"), new StringContent("{\"throttleFirstAtempt\":true}", Encoding.UTF8, "application/json"));

        Assert.Equal(400, (int)put.StatusCode);
    }

    [Fact]
    public async Task LatencyAndRawResponseCanBeSet()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var http = new HttpClient();
        using var client = new WireClient(endpoint.Url);

        var latency = await http.PutAsync(new Uri(endpoint.Url, "__control/latency"), new StringContent("{\"milliseconds\": 15}", Encoding.UTF8, "application/json"));
        var raw = await http.PostAsync(
            new Uri(endpoint.Url, "__control/raw-response"),
            new StringContent("{\"body\":\"<html>gateway</html>\",\"statusCode\":502,\"contentType\":\"text/html\",\"times\":1}", Encoding.UTF8, "application/json"));
        var first = await client.ListTrainingJobsAsync("xgb-churn-0412");
        var second = await client.ListTrainingJobsAsync("xgb-churn-0412");

        Assert.Equal(204, (int)latency.StatusCode);
        Assert.Equal(TimeSpan.FromMilliseconds(15), endpoint.Latency);
        Assert.Equal(204, (int)raw.StatusCode);
        Assert.Equal(502, first.StatusCode);
        Assert.Equal("<html>gateway</html>", first.Body);
        Assert.StartsWith("text/html", first.ContentType);
        Assert.Equal(200, second.StatusCode);
    }

    [Fact]
    public async Task ControlRequestsAreNotLoggedAndUnknownPathsAre404()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var http = new HttpClient();

        var unknown = await http.GetAsync(new Uri(endpoint.Url, "__control/nothing"));

        Assert.Equal(404, (int)unknown.StatusCode);
        Assert.Empty(endpoint.Requests);
    }
}
