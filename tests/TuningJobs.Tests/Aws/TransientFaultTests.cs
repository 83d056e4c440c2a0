using System.Diagnostics;

namespace TuningJobs.Tests.Aws;

/// <summary>What the SDK's retry policy absorbs, and what a listing does when a page fails for good.</summary>
public sealed class TransientFaultTests
{
    private const string TuningJob = "xgb-churn-0412";   // 42 jobs: three pages of 15

    [Theory]
    [InlineData(400, "ThrottlingException")]
    [InlineData(500, "InternalFailure")]
    [InlineData(502, "InternalFailure")]
    [InlineData(503, "ServiceUnavailable")]
    [InlineData(504, "InternalFailure")]
    public async Task AFailedFirstAttemptAtEveryPageIsRetriedAndYieldsEachJobOnce(int status, string code)
    {
        // Without a PageIndex the fault takes the first attempt at every page.
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(
            faults: new FaultPlan(FailPage: new PageFailureFault { StatusCode = status, ErrorCode = code }));

        Assert.Equal(EngineHarness.AllNames(endpoint, TuningJob), EngineHarness.Start(endpoint).List(TuningJob, 15));
        Assert.Equal(6, endpoint.Requests.Count);
        Assert.Equal(3, endpoint.Requests.Count(r => r.Fault == "failPage" && r.StatusCode == status && r.ErrorCode == code));
    }

    // The pager keeps the resume point, from which the listing goes on once the fault has passed.
    [Theory]
    [InlineData(0, 400, "ThrottlingException", "Throttled")]
    [InlineData(1, 503, "ServiceUnavailable", "ServiceUnavailable")]
    public async Task APageThatOutlastsTheRetriesEndsTheListingWithAResumePoint(int pageIndex, int status, string code, string kind)
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(faults: new FaultPlan(
            FailPage: new PageFailureFault { PageIndex = pageIndex, StatusCode = status, ErrorCode = code, Message = "Rate exceeded", Times = 1000 }));
        var engine = EngineHarness.Start(endpoint);

        var (written, pager, failure) = engine.TryList(TuningJob, 15);
        Assert.Equal(Enum.Parse<FailureKind>(kind), failure.Kind);
        Assert.Equal(code, failure.ErrorCode);
        Assert.NotNull(failure.RequestId);
        Assert.True(endpoint.Requests.Count > pageIndex + 1, "the SDK should have retried");
        Assert.Equal(15 * pageIndex, written.Count);
        Assert.Equal(15 * pageIndex, pager.Taken);
        Assert.Equal(pageIndex > 0, pager.PendingToken != null);
        // The failure itself carries no resume facts: the cmdlet adds the pager's when it makes the error record.
        Assert.Equal((0, null), (failure.JobsWritten, failure.NextToken));

        endpoint.Faults = new FaultPlan();
        Assert.Equal(EngineHarness.AllNames(endpoint, TuningJob).Skip(15 * pageIndex), engine.List(TuningJob, 15, pager.PendingToken));
    }

    [Fact]
    public async Task AConnectionResetMidBodyIsRetried()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(faults: new FaultPlan(ResetMidBody: new ResetFault { PageIndex = 1 }));

        Assert.Equal(EngineHarness.AllNames(endpoint, TuningJob), EngineHarness.Start(endpoint).List(TuningJob, 15));
        Assert.Equal(4, endpoint.Requests.Count);
    }

    [Fact]
    public async Task AConnectionThatKeepsResettingIsConnectionFailed()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(faults: new FaultPlan(ResetMidBody: new ResetFault { PageIndex = 0, Times = 1000 }));

        var failure = Assert.Throws<TuningJobsException>(() => EngineHarness.Start(endpoint).List(TuningJob, 15));
        Assert.Equal(FailureKind.ConnectionFailed, failure.Kind);
    }

    [Fact]
    public async Task AnAnswerThatNeverComesEndsWithinTheTimeoutAndItsRetries()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(faults: new FaultPlan(Hang: new HangFault { PageIndex = 0, Times = 1000 }));
        var engine = EngineHarness.Start(endpoint, timeout: TimeSpan.FromSeconds(1));

        var clock = Stopwatch.StartNew();
        var failure = Assert.Throws<TuningJobsException>(() => engine.List(TuningJob, 15));
        Assert.Equal(FailureKind.Timeout, failure.Kind);
        Assert.Contains("within 1 s (attempt timeout), after 3 attempts", failure.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }
}
