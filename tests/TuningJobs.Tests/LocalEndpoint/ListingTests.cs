using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using TuningJobs.LocalEndpoint;
using Xunit;

namespace TuningJobs.Tests.LocalEndpoint;

public sealed class ListingTests : IClassFixture<EndpointFixture>
{
    private readonly EndpointFixture fixture;

    public ListingTests(EndpointFixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task PagingThroughTheBigSweepYieldsEveryJobOnceInNameOrder()
    {
        using var client = new WireClient(fixture.Endpoint.Url);

        var jobs = await client.ListAllTrainingJobsAsync("resnet-sweep-big", maxResults: 100);

        var names = jobs.Select(j => j.GetProperty("TrainingJobName").GetString()).ToList();
        Assert.Equal(350, names.Count);
        Assert.Equal(350, names.Distinct().Count());
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task DefaultPageSizeIsTenAndTheLastPageHasNoToken()
    {
        using var client = new WireClient(fixture.Endpoint.Url);

        var first = await client.ListTrainingJobsAsync("xgb-churn-0412");
        var last = await client.ListTrainingJobsAsync("xgb-churn-0412", maxResults: 10, nextToken: first.NextToken, sortBy: "Name", sortOrder: "Ascending");
        var all = await client.ListAllTrainingJobsAsync("xgb-churn-0412");

        Assert.Equal(10, first.Items("TrainingJobSummaries").Count);
        Assert.NotNull(first.NextToken);
        Assert.Equal(10, last.Items("TrainingJobSummaries").Count);
        Assert.Equal(42, all.Count);
        var single = await client.ListTrainingJobsAsync("xgb-churn-0412", maxResults: 100);
        Assert.Null(single.NextToken);
        Assert.False(single.Json.TryGetProperty("NextToken", out _));
    }

    [Fact]
    public async Task PageSizeMayChangeBetweenPages()
    {
        using var client = new WireClient(fixture.Endpoint.Url);

        var first = await client.ListTrainingJobsAsync("xgb-churn-0412", maxResults: 5);
        var second = await client.ListTrainingJobsAsync("xgb-churn-0412", maxResults: 30, nextToken: first.NextToken);

        Assert.Equal(30, second.Items("TrainingJobSummaries").Count);
        Assert.NotNull(second.NextToken);
        var third = await client.ListTrainingJobsAsync("xgb-churn-0412", maxResults: 30, nextToken: second.NextToken);
        Assert.Equal(7, third.Items("TrainingJobSummaries").Count);
        Assert.Null(third.NextToken);
    }

    [Fact]
    public async Task SortByFinalObjectiveMetricValueDropsJobsWithoutAMetric()
    {
        using var client = new WireClient(fixture.Endpoint.Url);
        SampleData.Default().TryGet("xgb-churn-0412", out var data);
        var withMetric = data.TrainingJobs.Count(j => j.FinalHyperParameterTuningJobObjectiveMetric != null);

        var ascending = await client.ListAllTrainingJobsAsync("xgb-churn-0412", sortBy: "FinalObjectiveMetricValue");
        var descending = await client.ListAllTrainingJobsAsync("xgb-churn-0412", sortBy: "FinalObjectiveMetricValue", sortOrder: "Descending");

        Assert.InRange(42 - withMetric, 6, 10);
        Assert.Equal(withMetric, ascending.Count);
        var values = ascending.Select(j => j.GetProperty("FinalHyperParameterTuningJobObjectiveMetric").GetProperty("Value").GetDouble()).ToList();
        Assert.Equal(values.OrderBy(v => v), values);
        Assert.Equal(
            ascending.Select(j => j.GetProperty("TrainingJobName").GetString()).Reverse(),
            descending.Select(j => j.GetProperty("TrainingJobName").GetString()));
    }

    [Fact]
    public async Task SortByStatusOrdersByStatusThenName()
    {
        using var client = new WireClient(fixture.Endpoint.Url);

        var jobs = await client.ListAllTrainingJobsAsync("xgb-churn-0412", maxResults: 7, sortBy: "Status");

        var keys = jobs.Select(j => (Status: j.GetProperty("TrainingJobStatus").GetString(), Name: j.GetProperty("TrainingJobName").GetString())).ToList();
        Assert.Equal(42, keys.Count);
        Assert.Equal(keys.OrderBy(k => k.Status, StringComparer.Ordinal).ThenBy(k => k.Name, StringComparer.Ordinal), keys);
        Assert.Equal(new[] { "Completed", "Failed", "InProgress", "Stopped", "Stopping" }, keys.Select(k => k.Status).Distinct());
    }

    [Fact]
    public async Task SortByCreationTimeDiffersFromNameOrder()
    {
        using var client = new WireClient(fixture.Endpoint.Url);

        var jobs = await client.ListAllTrainingJobsAsync("xgb-churn-0412", maxResults: 100, sortBy: "CreationTime", sortOrder: "Descending");

        var times = jobs.Select(j => j.GetProperty("CreationTime").GetDecimal()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        var names = jobs.Select(j => j.GetProperty("TrainingJobName").GetString()).ToList();
        Assert.NotEqual(names.OrderByDescending(n => n, StringComparer.Ordinal), names);
    }

    [Theory]
    [InlineData("Failed")]
    [InlineData("InProgress")]
    [InlineData("Stopping")]
    [InlineData("Deleting")]
    public async Task StatusEqualsFilters(string status)
    {
        using var client = new WireClient(fixture.Endpoint.Url);
        SampleData.Default().TryGet("xgb-churn-0412", out var data);

        var jobs = await client.ListAllTrainingJobsAsync("xgb-churn-0412", statusEquals: status);

        Assert.Equal(data.TrainingJobs.Count(j => j.TrainingJobStatus == status), jobs.Count);
        Assert.All(jobs, j => Assert.Equal(status, j.GetProperty("TrainingJobStatus").GetString()));
        if (status == "Failed")
        {
            Assert.NotEmpty(jobs);
            Assert.All(jobs, j => Assert.False(string.IsNullOrEmpty(j.GetProperty("FailureReason").GetString())));
        }
    }

    [Fact]
    public async Task TokenFromAnotherListingIsRejected()
    {
        using var client = new WireClient(fixture.Endpoint.Url);
        var xgb = await client.ListTrainingJobsAsync("xgb-churn-0412");

        var otherJob = await client.ListTrainingJobsAsync("resnet-sweep-big", nextToken: xgb.NextToken);
        var otherOrder = await client.ListTrainingJobsAsync("xgb-churn-0412", nextToken: xgb.NextToken, sortOrder: "Descending");
        var otherFilter = await client.ListTrainingJobsAsync("xgb-churn-0412", nextToken: xgb.NextToken, statusEquals: "Completed");
        var garbage = await client.ListTrainingJobsAsync("xgb-churn-0412", nextToken: "not-a-token");

        foreach (var response in new[] { otherJob, otherOrder, otherFilter, garbage })
        {
            Assert.Equal(400, response.StatusCode);
            Assert.Equal("ValidationException", response.ErrorType);
            Assert.StartsWith("Invalid pagination token", response.Message);
        }
    }

    [Fact]
    public async Task TrainingJobTokenIsRejectedByTheTuningJobList()
    {
        using var client = new WireClient(fixture.Endpoint.Url);
        var xgb = await client.ListTrainingJobsAsync("xgb-churn-0412");

        var response = await client.CallAsync(WireClient.TuningJobs, "{\"NextToken\":\"" + xgb.NextToken + "\"}");

        Assert.Equal("ValidationException", response.ErrorType);
        Assert.StartsWith("Invalid pagination token", response.Message);
    }

    [Fact]
    public async Task UnknownTuningJobIsResourceNotFound()
    {
        using var client = new WireClient(fixture.Endpoint.Url);

        var response = await client.ListTrainingJobsAsync("does-not-exist");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("ResourceNotFound", response.ErrorType);
        Assert.Equal("Amazon SageMaker can't find a tuning job with name does-not-exist", response.Message);
    }

    [Fact]
    public async Task EmptyTuningJobHasAnEmptyList()
    {
        using var client = new WireClient(fixture.Endpoint.Url);

        var response = await client.ListTrainingJobsAsync("empty-tuning");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("{\"TrainingJobSummaries\":[]}", response.Body);
    }

    [Fact]
    public async Task SummariesUseTheWireFormat()
    {
        using var client = new WireClient(fixture.Endpoint.Url);
        SampleData.Default().TryGet("xgb-churn-0412", out var data);

        var jobs = await client.ListAllTrainingJobsAsync("xgb-churn-0412", maxResults: 100);
        using var raw = JsonDocument.Parse((await client.ListTrainingJobsAsync("xgb-churn-0412", maxResults: 100)).Body);

        foreach (var job in jobs)
        {
            var expected = data.TrainingJobs.Single(j => j.TrainingJobName == job.GetProperty("TrainingJobName").GetString());
            Assert.Equal(JsonValueKind.Number, job.GetProperty("CreationTime").ValueKind);
            Assert.Equal(expected.CreationTime.ToUnixTimeMilliseconds() / 1000m, job.GetProperty("CreationTime").GetDecimal());
            Assert.Equal(expected.TrainingJobArn, job.GetProperty("TrainingJobArn").GetString());
            Assert.StartsWith("arn:aws:sagemaker:us-east-1:123456789012:training-job/xgb-churn-0412-", expected.TrainingJobArn);
            Assert.Equal("xgb-def", job.GetProperty("TrainingJobDefinitionName").GetString());
            Assert.Equal("xgb-churn-0412", job.GetProperty("TuningJobName").GetString());
            Assert.Equal(expected.TunedHyperParameters.OrderBy(p => p.Key), job.GetProperty("TunedHyperParameters").EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString())).OrderBy(p => p.Key));
            Assert.Equal(expected.FailureReason != null, job.TryGetProperty("FailureReason", out _));
            Assert.Equal(expected.TrainingEndTime.HasValue, job.TryGetProperty("TrainingEndTime", out _));
            Assert.Equal(expected.FinalHyperParameterTuningJobObjectiveMetric != null, job.TryGetProperty("FinalHyperParameterTuningJobObjectiveMetric", out var metric));
            if (expected.FinalHyperParameterTuningJobObjectiveMetric != null)
            {
                // The text must parse back to exactly the stored double: no float truncation, no lost digits.
                Assert.Equal(expected.FinalHyperParameterTuningJobObjectiveMetric.Value, double.Parse(metric.GetProperty("Value").GetRawText(), CultureInfo.InvariantCulture));
                Assert.Equal("validation:auc", metric.GetProperty("MetricName").GetString());
                Assert.Equal("Maximize", metric.GetProperty("Type").GetString());
            }

            if (job.GetProperty("TrainingJobStatus").GetString() == "InProgress")
            {
                Assert.False(job.TryGetProperty("TrainingEndTime", out _));
                Assert.Equal("Pending", job.GetProperty("ObjectiveStatus").GetString());
            }
        }

        Assert.Contains(jobs, j => j.GetProperty("CreationTime").GetRawText().Contains('.'));
        Assert.Contains(jobs, j => j.TryGetProperty("FinalHyperParameterTuningJobObjectiveMetric", out var m) && m.GetProperty("Value").GetRawText().Length >= 17);
        Assert.Equal(JsonValueKind.Array, raw.RootElement.GetProperty("TrainingJobSummaries").ValueKind);
    }

    [Fact]
    public async Task HostileTextSurvivesTheRoundTrip()
    {
        using var client = new WireClient(fixture.Endpoint.Url);
        SampleData.Default().TryGet("unicode-tuning", out var data);

        var jobs = await client.ListAllTrainingJobsAsync("unicode-tuning");

        Assert.Equal(data.TrainingJobs.Count, jobs.Count);
        foreach (var expected in data.TrainingJobs)
        {
            var job = jobs.Single(j => j.GetProperty("TrainingJobName").GetString() == expected.TrainingJobName);
            Assert.Equal(expected.FailureReason, job.TryGetProperty("FailureReason", out var reason) ? reason.GetString() : null);
            foreach (var pair in expected.TunedHyperParameters)
            {
                Assert.Equal(pair.Value, job.GetProperty("TunedHyperParameters").GetProperty(pair.Key).GetString());
            }

            Assert.False(job.TryGetProperty("TuningJobName", out _));
            Assert.False(job.TryGetProperty("TrainingJobDefinitionName", out _));
        }

        var all = string.Concat(data.TrainingJobs.SelectMany(j => j.TunedHyperParameters.Keys.Concat(j.TunedHyperParameters.Values).Append(j.FailureReason ?? string.Empty)));
        foreach (var needle in new[] { "\"", "\\", "\n", "\t", "🚀", "学", "скорость", "learning rate" })
        {
            Assert.Contains(needle, all);
        }
    }

    [Fact]
    public async Task TuningJobListShowsTheRequiredMembersAndFilters()
    {
        using var client = new WireClient(fixture.Endpoint.Url);

        var all = await client.CallAsync(WireClient.TuningJobs, "{}");
        var contains = await client.CallAsync(WireClient.TuningJobs, "{\"NameContains\":\"TUNING\"}");
        var inProgress = await client.CallAsync(WireClient.TuningJobs, "{\"StatusEquals\":\"InProgress\",\"SortBy\":\"CreationTime\",\"SortOrder\":\"Descending\"}");

        Assert.Equal(200, all.StatusCode);
        var summaries = all.Items("HyperParameterTuningJobSummaries");
        Assert.Equal(new[] { "empty-tuning", "resnet-sweep-big", "unicode-tuning", "xgb-churn-0412" }, summaries.Select(s => s.GetProperty("HyperParameterTuningJobName").GetString()));
        foreach (var summary in summaries)
        {
            foreach (var member in new[] { "HyperParameterTuningJobName", "HyperParameterTuningJobArn", "HyperParameterTuningJobStatus", "Strategy", "CreationTime", "TrainingJobStatusCounters", "ObjectiveStatusCounters" })
            {
                Assert.True(summary.TryGetProperty(member, out _), member);
            }
        }

        var resnet = summaries.Single(s => s.GetProperty("HyperParameterTuningJobName").GetString() == "resnet-sweep-big");
        var counters = resnet.GetProperty("TrainingJobStatusCounters");
        Assert.Equal(350, counters.EnumerateObject().Sum(c => c.Value.GetInt32()));
        Assert.Equal(new[] { "empty-tuning", "unicode-tuning" }, contains.Items("HyperParameterTuningJobSummaries").Select(s => s.GetProperty("HyperParameterTuningJobName").GetString()));
        Assert.Equal(new[] { "unicode-tuning", "xgb-churn-0412" }, inProgress.Items("HyperParameterTuningJobSummaries").Select(s => s.GetProperty("HyperParameterTuningJobName").GetString()));
    }

    [Fact]
    public async Task TuningJobListPages()
    {
        using var client = new WireClient(fixture.Endpoint.Url);
        var names = new List<string>();
        string token = null;
        var pages = 0;
        do
        {
            var body = token == null ? "{\"MaxResults\":1}" : "{\"MaxResults\":1,\"NextToken\":\"" + token + "\"}";
            var page = await client.CallAsync(WireClient.TuningJobs, body);
            Assert.Equal(200, page.StatusCode);
            names.AddRange(page.Items("HyperParameterTuningJobSummaries").Select(s => s.GetProperty("HyperParameterTuningJobName").GetString()));
            token = page.NextToken;
            pages++;
        }
        while (token != null);

        Assert.Equal(4, pages);
        Assert.Equal(4, names.Distinct().Count());
    }

    [Fact]
    public void DefaultDataIsDeterministic()
    {
        var first = SampleData.Default();
        var second = SampleData.Default();

        foreach (var job in first.TuningJobs)
        {
            Assert.True(second.TryGet(job.Name, out var other));
            Assert.Equal(job.TrainingJobs.Select(j => (j.TrainingJobName, j.CreationTime, j.FinalHyperParameterTuningJobObjectiveMetric?.Value)), other.TrainingJobs.Select(j => (j.TrainingJobName, j.CreationTime, j.FinalHyperParameterTuningJobObjectiveMetric?.Value)));
        }

        Assert.Equal(new[] { 0, 350, 5, 42 }, first.TuningJobs.Select(j => j.TrainingJobs.Count));
        Assert.True(first.TryGet("resnet-sweep-big", out var resnet));
        Assert.InRange(resnet.TrainingJobs.Count(j => j.FinalHyperParameterTuningJobObjectiveMetric == null), 1, 15);
        Assert.All(resnet.TrainingJobs.Where(j => j.FinalHyperParameterTuningJobObjectiveMetric != null), j => Assert.Equal("Minimize", j.FinalHyperParameterTuningJobObjectiveMetric.Type));
    }

    [Fact]
    public async Task EndpointCanServeCustomData()
    {
        var data = SampleData.Empty().Add(SampleData.Generate("custom", 25, seed: 7, objectiveType: "Minimize"));
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(new LocalEndpointOptions { Data = data });
        using var client = new WireClient(endpoint.Url);

        var jobs = await client.ListAllTrainingJobsAsync("custom");
        var missing = await client.ListTrainingJobsAsync("xgb-churn-0412");

        Assert.Equal(25, jobs.Count);
        Assert.Equal("ResourceNotFound", missing.ErrorType);
    }

    [Fact]
    public async Task PlantedJobsComeBackVerbatim()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var http = new HttpClient();
        using var client = new WireClient(endpoint.Url);
        const string planted = """
            {"name":"planted","trainingJobs":[
              {"TrainingJobName":"planted-1","TrainingJobStatus":"Failed","CreationTime":1732806245.123,
               "FailureReason":"quote \" backslash \\ newline \n tab \t emoji 🚀 中文 русский",
               "TunedHyperParameters":{"key with space":"value \"quoted\"","huge":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
               "FinalHyperParameterTuningJobObjectiveMetric":{"MetricName":"m","Type":"Maximize","Value":0.12345678901234567890123}},
              {"TrainingJobName":"planted-2","FinalHyperParameterTuningJobObjectiveMetric":{"MetricName":"m","Value":1e300}}
            ]}
            """;

        var plant = await http.PostAsync(new Uri(endpoint.Url, "__control/tuning-jobs"), new StringContent(planted, Encoding.UTF8, "application/json"));
        var response = await client.ListTrainingJobsAsync("planted", sortBy: "FinalObjectiveMetricValue");

        Assert.Equal(201, (int)plant.StatusCode);
        Assert.Equal(200, response.StatusCode);
        Assert.Contains("\"Value\":0.12345678901234567890123", response.Body);
        Assert.Contains("\"Value\":1e300", response.Body);
        Assert.Contains("\"CreationTime\":1732806245.123", response.Body);
        var first = response.Items("TrainingJobSummaries")[0];
        Assert.Equal("quote \" backslash \\ newline \n tab \t emoji 🚀 中文 русский", first.GetProperty("FailureReason").GetString());
        Assert.Equal("value \"quoted\"", first.GetProperty("TunedHyperParameters").GetProperty("key with space").GetString());
    }
}
