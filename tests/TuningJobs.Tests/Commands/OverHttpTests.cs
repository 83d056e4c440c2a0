using System.Diagnostics;
using System.Management.Automation;
using TuningJobs.Aws;

namespace TuningJobs.Tests.Commands;

/// <summary>
/// The cmdlet with the real engine over HTTP: Ctrl+C while a page is slow or its body drips, and the Timeout error of a
/// body that drips past every attempt.
/// </summary>
[Collection(Aws.ProcessEnvironment.Name)]
public sealed class OverHttpTests
{
    [Theory]
    [InlineData("delay")]         // the answer's headers have not come
    [InlineData("stalledBody")]   // the headers came at once; the body drips
    public async Task StopDuringASlowPageEndsTheListingWithinASecondAndTheNextCallWorks(string fault)
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(faults: fault == "delay"
            ? new FaultPlan(Delay: new PageDelayFault { PageIndex = 1, Milliseconds = 30_000 })
            : new FaultPlan(StalledBody: new StalledBodyFault { PageIndex = 1, IntervalMilliseconds = 200 }));
        var connection = HostedPowerShell.Connection(endpoint);

        using var hosted = new HostedPowerShell(null);
        var output = hosted.BeginInvoke($"Get-TuningTrainingJob xgb-churn-0412 -PageSize 10 {connection}");
        Assert.True(SpinWait.SpinUntil(() => endpoint.Requests.Count == 2, TimeSpan.FromSeconds(20)));
        await Task.Delay(1000);   // the slow second page has been in flight for a while

        await hosted.AssertStopsAsync(output, written: 10);
        Assert.Equal(fault, endpoint.Requests.ElementAt(1).Fault);

        // The same session goes on: the cached client is not left in a broken state.
        hosted.Shell.Commands.Clear();
        hosted.Shell.AddScript($"Get-TuningTrainingJob xgb-churn-0412 -PageSize 50 {connection}");
        Assert.Equal(42, hosted.Shell.Invoke().Count);
        Assert.Equal(3, endpoint.Requests.Count);
    }

    [Fact]
    public async Task ABodyThatDripsPastEveryAttemptIsATimeoutErrorThatSaysHowToResume()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(
            faults: new FaultPlan(StalledBody: new StalledBodyFault { PageIndex = 1, IntervalMilliseconds = 500, Times = 1000 }));

        var clock = Stopwatch.StartNew();
        var record = HostedPowerShell.RunForError(new AwsSageMakerApi(),
            $"Get-TuningTrainingJob xgb-churn-0412 -PageSize 10 -TimeoutSec 1 {HostedPowerShell.Connection(endpoint)}");
        clock.Stop();

        Assert.Equal("Timeout,TuningJobs.Commands.GetTuningTrainingJobCommand", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, record.CategoryInfo.Category);
        Assert.Equal("xgb-churn-0412", record.TargetObject);
        Assert.Contains("within 1 s (attempt timeout), after 3 attempts", record.ErrorDetails.Message);
        var failure = Assert.IsType<TuningJobsException>(record.Exception);
        Assert.Equal(10, failure.JobsWritten);
        Assert.NotNull(failure.NextToken);
        Assert.Contains($"-NextToken '{failure.NextToken}'", record.ErrorDetails.RecommendedAction);
        Assert.Contains("-TimeoutSec", record.ErrorDetails.RecommendedAction);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }
}
