using TuningJobs.Aws;

namespace TuningJobs.Tests.Aws;

/// <summary>
/// The attempts at each request come from AWS_MAX_ATTEMPTS, else from max_attempts of the profile named with
/// -ProfileName (the SDK alone would read AWS_PROFILE's): over real HTTP, a page that keeps failing is sent that often.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class RetrySettingsTests
{
    private const string TuningJob = "xgb-churn-0412";   // 42 jobs: one page of 100

    private static Task<LocalSageMakerEndpoint> FailingFirstPage(int status, string code, int times) =>
        LocalSageMakerEndpoint.StartAsync(faults: new FaultPlan(FailPage: new PageFailureFault
        {
            PageIndex = 0, StatusCode = status, ErrorCode = code, Message = "Said by the service.", Times = times,
        }));

    [Theory]
    [InlineData("1", 1)]   // the one throttled attempt is final
    [InlineData("6", 6)]   // five throttled attempts are retried
    public async Task AwsMaxAttemptsIsTheNumberOfAttempts(string maxAttempts, int requests)
    {
        await using var endpoint = await FailingFirstPage(400, "ThrottlingException", times: 5);
        using var environment = ProcessEnvironment.Set(("AWS_MAX_ATTEMPTS", maxAttempts));
        var (names, _, failure) = EngineHarness.Start(endpoint).TryList(TuningJob, 100);
        Assert.Equal(requests, endpoint.Requests.Count);
        if (requests == 1)
        {
            Assert.Equal(FailureKind.Throttled, failure?.Kind);
            Assert.Contains("Said by the service.", failure.Message);
        }
        else
        {
            Assert.Null(failure);
            Assert.Equal(42, names.Count);
        }
    }

    [Fact]
    public async Task MaxAttemptsComesFromTheProfileNamedWithProfileName()
    {
        await using var endpoint = await FailingFirstPage(500, "InternalFailure", times: 1);
        using var config = ProcessEnvironment.Config("[profile impatient]\nmax_attempts = 1\n");
        var engine = new EngineHarness.Engine(new AwsSageMakerApi(), EngineHarness.Connection(endpoint.Url, profileName: "impatient"));
        var failure = Assert.Throws<TuningJobsException>(() => engine.List(TuningJob, 100));
        Assert.Equal(FailureKind.ServiceUnavailable, failure.Kind);
        Assert.Contains("Said by the service.", failure.Message);
        Assert.Single(endpoint.Requests);
    }
}
