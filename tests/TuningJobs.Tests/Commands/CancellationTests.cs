using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using TuningJobs.LocalEndpoint;
using Xunit;

namespace TuningJobs.Tests.Commands;

/// <summary>Ctrl+C in a hosted PowerShell, with the real engine and a slow page in flight over HTTP.</summary>
[Collection(EngineSwap.Name)]
public sealed class CancellationTests
{
    [Fact]
    public async Task StopEndsTheListingWithinASecondAndTheNextCallWorks()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Faults.Delay = new PageDelayFault { PageIndex = 1, Milliseconds = 30_000, Times = 1 };
        var connection = HostedPowerShell.Connection(endpoint);

        using var shell = HostedPowerShell.Create();
        var output = HostedPowerShell.BeginInvoke(shell, $"Get-TuningTrainingJob xgb-churn-0412 -PageSize 10 {connection}");
        await HostedPowerShell.WaitFor(() => endpoint.Requests.Count == 2, TimeSpan.FromSeconds(20));   // the slow second page is in flight

        var stopping = HostedPowerShell.TimeStop(shell);
        Assert.True(stopping < TimeSpan.FromSeconds(1), $"Stop took {stopping}.");
        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        Assert.Equal(10, output.Count);

        // The same session goes on: the cached client is not left in a broken state.
        shell.Commands.Clear();
        shell.AddScript($"Get-TuningTrainingJob xgb-churn-0412 -PageSize 50 {connection}");
        var again = shell.Invoke();
        Assert.Equal(42, again.Count);
        Assert.Equal(3, endpoint.Requests.Count);
    }
}
