using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TuningJobs.LocalEndpoint;
using Xunit;

namespace TuningJobs.Tests.LocalEndpoint;

public sealed class FaultTests
{
    private const string Job = "xgb-churn-0412";

    [Fact]
    public async Task ThrottleFirstAttemptFailsEachPageOnce()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.ThrottleFirstAttempt = true;
        using var client = new WireClient(endpoint.Url);

        var first = await client.ListTrainingJobsAsync(Job, 20);
        var retry = await client.ListTrainingJobsAsync(Job, 20);
        var second = await client.ListTrainingJobsAsync(Job, 20, retry.NextToken);
        var secondRetry = await client.ListTrainingJobsAsync(Job, 20, retry.NextToken);

        Assert.Equal(400, first.StatusCode);
        Assert.Equal("ThrottlingException", first.ErrorType);
        Assert.Equal("Rate exceeded", first.Message);
        Assert.Equal(200, retry.StatusCode);
        Assert.Equal("ThrottlingException", second.ErrorType);
        Assert.Equal(200, secondRetry.StatusCode);
        Assert.Equal(new[] { 400, 200, 400, 200 }, endpoint.Requests.Select(r => r.StatusCode));
        Assert.Equal(new[] { "throttle", null, "throttle", null }, endpoint.Requests.Select(r => r.Fault));
        Assert.Equal(new int?[] { 20, 20, 20, 20 }, endpoint.Requests.Select(r => r.MaxResults));
        Assert.Equal(new[] { null, null, retry.NextToken, retry.NextToken }, endpoint.Requests.Select(r => r.NextToken));
    }

    [Theory]
    [InlineData(500, "InternalFailure")]
    [InlineData(503, "ServiceUnavailable")]
    public async Task ServerErrorFirstAttemptFailsEachPageOnce(int status, string code)
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.ServerErrorFirstAttempt = status;
        using var client = new WireClient(endpoint.Url);

        var first = await client.ListTrainingJobsAsync(Job);
        var retry = await client.ListTrainingJobsAsync(Job);

        Assert.Equal(status, first.StatusCode);
        Assert.Equal(code, first.ErrorType);
        Assert.Equal(200, retry.StatusCode);
    }

    [Fact]
    public async Task FailPageFailsTheChosenPageTheChosenNumberOfTimes()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.FailPage = new PageFailureFault { PageIndex = 1, StatusCode = 502, ErrorCode = "BadGateway", Times = 2 };
        using var client = new WireClient(endpoint.Url);

        var page0 = await client.ListTrainingJobsAsync(Job);
        var attempts = new[]
        {
            await client.ListTrainingJobsAsync(Job, nextToken: page0.NextToken),
            await client.ListTrainingJobsAsync(Job, nextToken: page0.NextToken),
            await client.ListTrainingJobsAsync(Job, nextToken: page0.NextToken),
        };

        Assert.Equal(200, page0.StatusCode);
        Assert.Equal(new[] { 502, 502, 200 }, attempts.Select(a => a.StatusCode));
        Assert.Equal("BadGateway", attempts[0].ErrorType);
        Assert.Equal(new[] { 200, 502, 502, 200 }, endpoint.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task ResetMidBodyAbortsTheConnectionAfterHalfTheBody()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.ResetMidBody = new PageFault { PageIndex = 0, Times = 1 };
        using var client = new WireClient(endpoint.Url);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.ListTrainingJobsAsync(Job));
        var retry = await client.ListTrainingJobsAsync(Job);

        Assert.Equal(200, retry.StatusCode);
        Assert.Equal(new[] { 0, 200 }, endpoint.Requests.Select(r => r.StatusCode));
        Assert.Equal("resetMidBody", endpoint.Requests[0].Fault);
    }

    [Fact]
    public async Task HangNeverAnswersUntilTheClientGivesUp()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.Hang = new PageFault { PageIndex = 0, Times = 1 };
        using var client = new WireClient(endpoint.Url);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListTrainingJobsAsync(Job, cancellationToken: timeout.Token));
        var retry = await client.ListTrainingJobsAsync(Job);

        Assert.Equal(200, retry.StatusCode);
        Assert.Equal(0, endpoint.Requests[0].StatusCode);
        Assert.Equal("hang", endpoint.Requests[0].Fault);
    }

    [Fact]
    public async Task DisposingReleasesHangingRequestsPromptly()
    {
        var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.Hang = new PageFault { PageIndex = 0, Times = int.MaxValue };
        using var client = new WireClient(endpoint.Url);
        var hanging = client.ListTrainingJobsAsync(Job);
        while (endpoint.Requests.Count == 0)
        {
            await Task.Delay(20);
        }

        var watch = Stopwatch.StartNew();
        await endpoint.DisposeAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
        await Assert.ThrowsAnyAsync<Exception>(() => hanging);
    }

    [Fact]
    public async Task DelaySlowsOnlyTheChosenPage()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.Delay = new PageDelayFault { PageIndex = 1, Milliseconds = 400 };
        using var client = new WireClient(endpoint.Url);

        var watch = Stopwatch.StartNew();
        var page0 = await client.ListTrainingJobsAsync(Job);
        var fast = watch.Elapsed;
        watch.Restart();
        var page1 = await client.ListTrainingJobsAsync(Job, nextToken: page0.NextToken);
        var slow = watch.Elapsed;

        Assert.Equal(200, page1.StatusCode);
        Assert.True(slow >= TimeSpan.FromMilliseconds(380), slow.ToString());
        Assert.True(fast < TimeSpan.FromMilliseconds(380), fast.ToString());
        Assert.Equal("delay", endpoint.Requests[1].Fault);
    }

    [Theory]
    [InlineData("AccessDeniedException", null)]
    [InlineData("ExpiredTokenException", "The security token included in the request is expired")]
    public async Task ErrorForAnswersTheNextRequestsWithThatError(string code, string message)
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.ErrorFor = new ErrorFault { StatusCode = 400, ErrorCode = code, Message = message, Times = 2 };
        using var client = new WireClient(endpoint.Url);

        var first = await client.ListTrainingJobsAsync(Job);
        var second = await client.CallAsync(WireClient.TuningJobs, "{}");
        var third = await client.ListTrainingJobsAsync(Job);

        Assert.Equal(code, first.ErrorType);
        Assert.Equal(400, first.StatusCode);
        Assert.False(string.IsNullOrEmpty(first.Message));
        if (message != null)
        {
            Assert.Equal(message, first.Message);
        }

        Assert.Equal(code, second.ErrorType);
        Assert.Equal(200, third.StatusCode);
    }

    [Fact]
    public async Task RawResponseIsSentVerbatimTheChosenNumberOfTimes()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.EnqueueRawResponse(new RawResponse { Body = "{\"TrainingJobSummaries\":[{\"Trai", StatusCode = 200, Times = 2 });
        using var client = new WireClient(endpoint.Url);

        var first = await client.ListTrainingJobsAsync(Job);
        var second = await client.ListTrainingJobsAsync(Job);
        var third = await client.ListTrainingJobsAsync(Job);

        Assert.Equal("{\"TrainingJobSummaries\":[{\"Trai", first.Body);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(200, third.StatusCode);
        Assert.Equal(10, third.Items("TrainingJobSummaries").Count);
        Assert.Equal("rawResponse", endpoint.Requests[0].Fault);
    }

    [Fact]
    public async Task LatencyDelaysEveryAnswer()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(new LocalEndpointOptions { Latency = TimeSpan.FromMilliseconds(250) });
        using var client = new WireClient(endpoint.Url);

        var watch = Stopwatch.StartNew();
        var response = await client.ListTrainingJobsAsync(Job);

        Assert.Equal(200, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(240), watch.Elapsed.ToString());
        endpoint.Latency = TimeSpan.Zero;
        Assert.Equal(TimeSpan.Zero, endpoint.Latency);
    }

    [Fact]
    public async Task ClearingTheFaultsRestoresNormalAnswers()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.FailPage = new PageFailureFault { PageIndex = 0, Times = int.MaxValue };
        using var client = new WireClient(endpoint.Url);

        var failed = await client.ListTrainingJobsAsync(Job);
        endpoint.Faults.Clear();
        var ok = await client.ListTrainingJobsAsync(Job);

        Assert.Equal(500, failed.StatusCode);
        Assert.Equal("InternalFailure", failed.ErrorType);
        Assert.Equal(200, ok.StatusCode);
    }
}
