using System;
using System.Linq;
using System.Threading.Tasks;
using TuningJobs.LocalEndpoint;
using TuningJobs.Api;
using TuningJobs.Errors;
using Xunit;

namespace TuningJobs.Tests.Aws;

/// <summary>What the SDK's retry policy absorbs, and what a listing does when a page fails for good.</summary>
public sealed class TransientFaultTests
{
    private const string TuningJob = "xgb-churn-0412";   // 42 jobs: three pages of 15

    private static async Task<string[]> CleanListing()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        return EngineHarness.Start(endpoint).List(TuningJob, 15).ToArray();
    }

    [Fact]
    public async Task ThrottlingOnEveryFirstAttemptYieldsEachJobExactlyOnce()
    {
        var expected = await CleanListing();
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.ThrottleFirstAttempt = true;

        var names = EngineHarness.Start(endpoint).List(TuningJob, 15);

        Assert.Equal(expected, names);
        var log = endpoint.Requests.Snapshot();
        Assert.Equal(6, log.Count);
        Assert.Equal(3, log.Count(r => r.ErrorCode == "ThrottlingException"));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task ServerErrorsOnEveryFirstAttemptAreRetried(int status)
    {
        var expected = await CleanListing();
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.ServerErrorFirstAttempt = status;

        Assert.Equal(expected, EngineHarness.Start(endpoint).List(TuningJob, 15));
        Assert.Equal(3, endpoint.Requests.Snapshot().Count(r => r.StatusCode == status));
    }

    [Fact]
    public async Task APageThatOutlastsTheRetriesEndsTheListingWithAResumePoint()
    {
        var expected = await CleanListing();
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.FailPage = new PageFailureFault { PageIndex = 1, StatusCode = 503, ErrorCode = "ServiceUnavailable", Times = 1000 };
        var engine = EngineHarness.Start(endpoint);

        var (written, pager, failure) = engine.TryList(TuningJob, 15);
        Assert.Equal(FailureKind.ServiceUnavailable, failure.Kind);
        Assert.Equal(15, written.Count);
        Assert.Equal(15, pager.Taken);
        Assert.NotNull(pager.PendingToken);
        Assert.NotNull(failure.RequestId);

        endpoint.Faults.Clear();
        var rest = engine.List(TuningJob, 15, pager.PendingToken);
        Assert.Equal(expected.Skip(15), rest);
    }

    [Fact]
    public async Task ThrottlingThatOutlastsTheRetriesIsThrottled()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.FailPage = new PageFailureFault { PageIndex = 0, StatusCode = 400, ErrorCode = "ThrottlingException", Message = "Rate exceeded", Times = 1000 };

        var failure = Assert.Throws<TuningJobsException>(() => EngineHarness.Start(endpoint).List(TuningJob, 15));
        Assert.Equal(FailureKind.Throttled, failure.Kind);
        Assert.Equal("ThrottlingException", failure.ErrorCode);
        Assert.Equal(0, failure.JobsWritten);
        Assert.Null(failure.NextToken);
        Assert.True(endpoint.Requests.Count > 1, "the SDK should have retried");
    }

    [Fact]
    public async Task AConnectionResetMidBodyIsRetried()
    {
        var expected = await CleanListing();
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.ResetMidBody = new PageFault { PageIndex = 1, Times = 1 };

        Assert.Equal(expected, EngineHarness.Start(endpoint).List(TuningJob, 15));
        Assert.Equal(4, endpoint.Requests.Count);
    }

    [Fact]
    public async Task AConnectionThatKeepsResettingIsConnectionFailed()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.ResetMidBody = new PageFault { PageIndex = 0, Times = 1000 };

        var failure = Assert.Throws<TuningJobsException>(() => EngineHarness.Start(endpoint).List(TuningJob, 15));
        Assert.Equal(FailureKind.ConnectionFailed, failure.Kind);
    }

    [Fact]
    public async Task AnAnswerThatNeverComesEndsWithinTheTimeoutAndItsRetries()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.Hang = new PageFault { PageIndex = 0, Times = 1000 };
        var engine = EngineHarness.Start(endpoint, timeout: TimeSpan.FromSeconds(1));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var failure = Assert.Throws<TuningJobsException>(() => engine.List(TuningJob, 15));
        Assert.Equal(FailureKind.Timeout, failure.Kind);
        Assert.Contains("within 1 s (attempt timeout), after 3 attempts", failure.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }
}
