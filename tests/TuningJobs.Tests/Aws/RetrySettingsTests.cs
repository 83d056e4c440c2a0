using TuningJobs.Aws;

namespace TuningJobs.Tests.Aws;

/// <summary>
/// The attempts at each request come from AWS_MAX_ATTEMPTS, else from max_attempts of the profile named with
/// -ProfileName, in the config or the credentials file (the SDK alone would read AWS_PROFILE's): over real HTTP, a page
/// that keeps failing is sent that often.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class RetrySettingsTests
{
    [Theory]
    [InlineData("AWS_MAX_ATTEMPTS", "1", "ThrottlingException", 1, "Throttled")]   // the one throttled attempt is final
    [InlineData("AWS_MAX_ATTEMPTS", "6", "ThrottlingException", 6, null)]          // five throttled attempts are retried
    [InlineData("config", "1", "InternalFailure", 1, "ServiceUnavailable")]        // max_attempts of the profile named
    [InlineData("credentials", "1", "InternalFailure", 1, "ServiceUnavailable")]   // with -ProfileName, in either file
    public async Task APageIsAttemptedAsOftenAsTheSettingSays(string setting, string maxAttempts, string code, int requests,
        string kind)
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(faults: new FaultPlan(FailPage: new PageFailureFault
        {
            PageIndex = 0, StatusCode = code == "InternalFailure" ? 500 : 400, ErrorCode = code, Times = 5,
            Message = "Said by the service.",
        }));
        using var environment = ProcessEnvironment.Set(("AWS_MAX_ATTEMPTS", setting == "AWS_MAX_ATTEMPTS" ? maxAttempts : null));
        using var credentials = ProcessEnvironment.Credentials(setting == "credentials" ? $"[retries]\nmax_attempts = {maxAttempts}\n" : "");
        using var config = ProcessEnvironment.Config(setting == "config" ? $"[profile retries]\nmax_attempts = {maxAttempts}\n" : "");
        var connection = EngineHarness.Connection(endpoint.Url, "us-east-1", setting == "AWS_MAX_ATTEMPTS" ? null : "retries");

        var (names, _, failure) = new EngineHarness.Engine(new AwsSageMakerApi(), connection).TryList("xgb-churn-0412", 100);
        Assert.Equal(requests, endpoint.Requests.Count);
        Assert.Equal(kind, failure?.Kind.ToString());
        Assert.Equal(kind == null ? 42 : 0, names.Count);
        if (failure != null) Assert.Contains("Said by the service.", failure.Message);
    }
}
