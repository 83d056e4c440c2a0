using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading.Tasks;
using TuningJobs.LocalEndpoint;
using TuningJobs.Errors;
using Xunit;

namespace TuningJobs.Tests.Commands;

/// <summary>The cmdlet with the real engine over HTTP while an answer's body drips: Ctrl+C, and the Timeout error.</summary>
[Collection(EngineSwap.Name)]
public sealed class StalledBodyTests
{
    [Fact]
    public async Task StopDuringADrippingBodyEndsTheListingWithinASecondAndTheNextCallWorks()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.StalledBody = new StalledBodyFault { PageIndex = 1, IntervalMilliseconds = 200, Times = 1 };

        using var shell = HostedPowerShell.Create();
        var output = HostedPowerShell.BeginInvoke(shell, $"Get-TuningTrainingJob xgb-churn-0412 -PageSize 10 {HostedPowerShell.Connection(endpoint)}");
        await HostedPowerShell.WaitFor(() => endpoint.Requests.Count == 2, TimeSpan.FromSeconds(20));
        await Task.Delay(1000);   // the headers came at once; the body has been dripping for a while

        var stopping = HostedPowerShell.TimeStop(shell);
        Assert.True(stopping < TimeSpan.FromSeconds(1), $"Stop took {stopping}.");
        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        Assert.Equal(10, output.Count);
        Assert.Equal("stalledBody", endpoint.Requests.Snapshot()[1].Fault);

        shell.Commands.Clear();
        shell.AddScript($"Get-TuningTrainingJob xgb-churn-0412 -PageSize 50 {HostedPowerShell.Connection(endpoint)}");
        Assert.Equal(42, shell.Invoke().Count);
    }

    [Fact]
    public async Task ABodyThatDripsPastEveryAttemptIsATimeoutErrorThatSaysHowToResume()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.StalledBody = new StalledBodyFault { PageIndex = 1, IntervalMilliseconds = 500, Times = 1000 };

        using var shell = HostedPowerShell.Create();
        var clock = Stopwatch.StartNew();
        var record = HostedPowerShell.InvokeForError(shell, $"Get-TuningTrainingJob xgb-churn-0412 -PageSize 10 -TimeoutSec 1 {HostedPowerShell.Connection(endpoint)}");
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
