using System.Diagnostics;
using System.Management.Automation;

namespace TuningJobs.Tests.Commands;

/// <summary>Tab completion through PowerShell's own completion engine (TabExpansion2).</summary>
[Collection(EngineSwap.Name)]
public sealed class CompletionTests
{
    private static string[] Complete(FakeSageMakerApi fake, string line)
    {
        using (EngineSwap.Use(fake))
        using (var shell = HostedPowerShell.Create())
        {
            var result = CommandCompletion.CompleteInput(line, line.Length, null, shell);
            return result.CompletionMatches.Select(m => m.CompletionText).ToArray();
        }
    }

    [Fact]
    public void TuningJobNamesCompleteFromTheServiceWithWhatIsTyped()
    {
        var fake = new FakeSageMakerApi(0);
        var names = Complete(fake, "Get-TuningTrainingJob xgb");
        Assert.Equal(new[] { "xgb-churn-0412", "xgb-churn-0413" }, names);
        Assert.Equal(new[] { "xgb" }, fake.TuningJobRequests.Select(r => r.NameContains));
    }

    /// <summary>A slow service, or slow credential resolution before the call, gets no suggestions within the budget.</summary>
    [Theory]
    [InlineData(30, 0)]
    [InlineData(0, 10)]
    public void SlownessGetsNoSuggestionsWithinTheBudget(int listingSeconds, int connectSeconds)
    {
        var fake = new FakeSageMakerApi(0) { TuningJobListingDelay = TimeSpan.FromSeconds(listingSeconds), ConnectDelay = TimeSpan.FromSeconds(connectSeconds) };
        var clock = Stopwatch.StartNew();
        var names = Complete(fake, "Get-TuningTrainingJob -Name xgb");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"completion took {clock.Elapsed}");
        if (listingSeconds > 0)
        {
            Assert.Equal(new[] { "xgb" }, fake.TuningJobRequests.Select(r => r.NameContains));   // it asked, and gave up waiting
        }
        Assert.DoesNotContain("xgb-churn-0412", names);
    }

    [Fact]
    public void AFailingServiceGetsNoSuggestionsAndNoError()
    {
        var fake = new FakeSageMakerApi(0) { TuningJobListingDelay = TimeSpan.Zero };
        fake.TuningJobs = null;   // the fake throws while listing
        using (EngineSwap.Use(fake))
        using (var shell = HostedPowerShell.Create())
        {
            var line = "Get-TuningTrainingJob xgb";
            var result = CommandCompletion.CompleteInput(line, line.Length, null, shell);
            Assert.Equal(new[] { "xgb" }, fake.TuningJobRequests.Select(r => r.NameContains));   // the service was asked and failed
            Assert.DoesNotContain(result.CompletionMatches, m => m.CompletionText.StartsWith("xgb-churn"));
            Assert.Empty(shell.Streams.Error);
        }
    }

    [Fact]
    public void RegionsCompleteFromTheSdkList()
    {
        Assert.Equal(new[] { "us-east-1", "us-west-2" }, Complete(new FakeSageMakerApi(0), "Get-TuningTrainingJob x -Region us-"));
    }
}
