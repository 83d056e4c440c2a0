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

    [Fact]
    public void TuningJobNamesCompleteFromTheServiceWithWhatIsTyped()
    {
        var fake = new FakeSageMakerApi(0);
        var names = Complete(fake, "Get-TuningTrainingJob xgb");
        Assert.Equal(new[] { "xgb-churn-0412", "xgb-churn-0413" }, names);
        Assert.Equal(new[] { "xgb" }, fake.TuningJobRequests.Select(r => r.NameContains));
    }

    [Theory]
    [InlineData("StatusEquals", "Completed,Deleting,Failed,InProgress,Stopped,Stopping")]
    [InlineData("SortBy", "CreationTime,FinalObjectiveMetricValue,Name,Status")]
    [InlineData("SortOrder", "Ascending,Descending")]
    public void ParametersOfTheApisEnumerationsCompleteWithExactlyItsValues(string parameter, string values)
    {
        var fake = new FakeSageMakerApi(0);
        var completions = Complete(fake, $"Get-TuningTrainingJob tune -{parameter} ");
        Assert.Equal(values.Split(','), completions.Order(StringComparer.Ordinal));
        Assert.Empty(fake.TuningJobRequests);
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

    [Fact]
    public void RegionsCompleteFromTheSdkList() =>
        Assert.Equal(new[] { "us-east-1", "us-west-2" }, Complete(new FakeSageMakerApi(0), "Get-TuningTrainingJob x -Region us-"));
}
