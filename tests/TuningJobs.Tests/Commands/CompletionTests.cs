using System.Diagnostics;
using System.Management.Automation;

namespace TuningJobs.Tests.Commands;

/// <summary>Tab completion through PowerShell's own completion engine (TabExpansion2).</summary>
[Collection(Aws.ProcessEnvironment.Name)]
public sealed class CompletionTests
{
    /// <summary>The completions of the line with this boundary behind the cmdlets; completion must write no error.</summary>
    private static string[] Complete(FakeSageMakerApi fake, string line)
    {
        using var hosted = new HostedPowerShell(fake);
        var result = CommandCompletion.CompleteInput(line, line.Length, null, hosted.Shell);
        Assert.Empty(hosted.Shell.Streams.Error);
        return result.CompletionMatches.Select(m => m.CompletionText).ToArray();
    }

    // Tuning job names come from the service, asked with what is typed; the API's enumerations and the regions (from
    // the SDK's list) complete with exactly their values, asking the service nothing.
    [Theory]
    [InlineData("Get-TuningTrainingJob xgb", "xgb-churn-0412,xgb-churn-0413", "xgb")]
    [InlineData("Get-TuningTrainingJob tune -StatusEquals ", "Completed,Deleting,Failed,InProgress,Stopped,Stopping", "")]
    [InlineData("Get-TuningTrainingJob tune -SortBy ", "CreationTime,FinalObjectiveMetricValue,Name,Status", "")]
    [InlineData("Get-TuningTrainingJob tune -SortOrder ", "Ascending,Descending", "")]
    [InlineData("Get-TuningTrainingJob x -Region us-", "us-east-1,us-west-2", "")]
    public void NamesCompleteFromTheServiceAndValuesFromTheirLists(string line, string completions, string asked)
    {
        var fake = new FakeSageMakerApi(0);
        Assert.Equal(completions.Split(','), Complete(fake, line));
        Assert.Equal(asked.Split(',', StringSplitOptions.RemoveEmptyEntries), fake.TuningJobRequests.Select(r => r.NameContains));
    }

    /// <summary>
    /// A slow service, slow credential resolution before the call, or a failing service gets no suggestions within
    /// the budget, and no error.
    /// </summary>
    [Theory]
    [InlineData(30, 0, false)]
    [InlineData(0, 10, false)]
    [InlineData(0, 0, true)]
    public void SlownessOrFailureGetsNoSuggestionsWithinTheBudget(int listingSeconds, int connectSeconds, bool failing)
    {
        var fake = new FakeSageMakerApi(0) { TuningJobListingDelay = TimeSpan.FromSeconds(listingSeconds), ConnectDelay = TimeSpan.FromSeconds(connectSeconds) };
        if (failing) fake.TuningJobs = null;   // the fake throws while listing
        var clock = Stopwatch.StartNew();
        var names = Complete(fake, "Get-TuningTrainingJob -Name xgb");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"completion took {clock.Elapsed}");
        if (connectSeconds == 0)
        {
            Assert.Equal(new[] { "xgb" }, fake.TuningJobRequests.Select(r => r.NameContains));   // it asked, and gave up or failed
        }
        Assert.DoesNotContain(names, n => n.StartsWith("xgb-churn"));
    }
}
