using System.Diagnostics;
using System.Management.Automation;

namespace TuningJobs.Tests.Commands;

/// <summary>The cmdlet over a fake of the boundary: paging, streaming, cancellation and error records.</summary>
[Collection(EngineSwap.Name)]
public sealed class GetTuningTrainingJobCommandTests
{
    [Fact]
    public void WritesTheFirstJobBeforeAskingForTheSecondPage()
    {
        var fake = new FakeSageMakerApi(25);
        int? requestsWhenFirstArrived = null;
        var output = HostedPowerShell.Run(fake, "Get-TuningTrainingJob tune -PageSize 10", _ => requestsWhenFirstArrived ??= fake.Requests.Count).Output;

        Assert.Equal(25, output.Length);
        Assert.Equal(1, requestsWhenFirstArrived);
        Assert.Equal(new int?[] { 10, 10, 10 }, fake.Requests.Select(r => r.MaxResults));
        Assert.Equal(new[] { null, "10", "20" }, fake.Requests.Select(r => r.NextToken));
    }

    [Fact]
    public void DefaultPageSizeIsTheServiceMaximum()
    {
        var fake = new FakeSageMakerApi(250);
        var output = HostedPowerShell.Run(fake, "Get-TuningTrainingJob tune").Output;
        Assert.Equal(250, output.Length);
        Assert.Equal(new int?[] { 100, 100, 100 }, fake.Requests.Select(r => r.MaxResults));
    }

    [Fact]
    public void DownstreamSelectFirstStopsThePaging()
    {
        var fake = new FakeSageMakerApi(100);
        var output = HostedPowerShell.Run(fake, "Get-TuningTrainingJob tune -PageSize 10 | Select-Object -First 2").Output;
        Assert.Equal(2, output.Length);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public void ValuesBindCaseInsensitivelyAndAreSentInTheServiceSpelling()
    {
        var fake = new FakeSageMakerApi(1);
        HostedPowerShell.Run(fake, "Get-TuningTrainingJob tune -StatusEquals completed -SortBy finalobjectivemetricvalue -SortOrder descending");
        var request = Assert.Single(fake.Requests);
        Assert.Equal("Completed", request.StatusEquals);
        Assert.Equal("FinalObjectiveMetricValue", request.SortBy);
        Assert.Equal("Descending", request.SortOrder);
        Assert.Equal("tune", request.HyperParameterTuningJobName);
    }

    [Fact]
    public async Task StopCancelsTheRequestInFlight()
    {
        var fake = new FakeSageMakerApi(30) { HangOnPage = 2 };
        using (EngineSwap.Use(fake))
        using (var shell = HostedPowerShell.Create())
        {
            var output = HostedPowerShell.BeginInvoke(shell, "Get-TuningTrainingJob tune -PageSize 10");
            await fake.HangStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

            var stopping = await HostedPowerShell.TimeStopAsync(shell);
            Assert.True(stopping < TimeSpan.FromSeconds(1), $"Stop took {stopping}.");
            Assert.True(fake.HangWasCancelled);
            Assert.Equal(10, output.Count);
            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        }
    }

    [Fact]
    public void AFailedPageIsATerminatingErrorThatSaysHowToResume()
    {
        var fake = new FakeSageMakerApi(50)
        {
            Failure = r => r.NextToken == "20"
                ? new TuningJobsException(FailureKind.Throttled, "Rate exceeded.", "ThrottlingException", "req-77")
                : null,
        };
        var record = HostedPowerShell.RunForError(fake, "Get-TuningTrainingJob tune -PageSize 10");
        Assert.Equal("Throttled,TuningJobs.Commands.GetTuningTrainingJobCommand", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.LimitsExceeded, record.CategoryInfo.Category);
        Assert.Equal("tune", record.TargetObject);
        var failure = Assert.IsType<TuningJobsException>(record.Exception);
        Assert.Equal(20, failure.JobsWritten);
        Assert.Equal("20", failure.NextToken);
        Assert.Matches("20 job\\(s\\) were written.*-NextToken '20'", record.ErrorDetails.RecommendedAction);
        Assert.Contains("req-77", record.ErrorDetails.Message);
    }

    [Fact]
    public void VerboseWritesOneLinePerPageWithItsRequestId()
    {
        var lines = HostedPowerShell.Run(new FakeSageMakerApi(25), "Get-TuningTrainingJob tune -PageSize 10 -Verbose").Verbose;
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^Page 1: 10 jobs in \d+ ms \(request id req-1\)\.$", lines[0]);
        Assert.Matches(@"^Page 3: 5 jobs in \d+ ms \(request id req-3\)\.$", lines[2]);
    }

    [Theory]
    [InlineData("Get-TuningTrainingJob tune -PageSize 10", 3)]
    [InlineData("Get-TuningTrainingJob tune -PageSize 10 | Select-Object -First 12", 2)]
    public void AListingOfSeveralPagesShowsProgressAndCompletesIt(string script, int pages)
    {
        var records = HostedPowerShell.Run(new FakeSageMakerApi(25), script).Progress;
        Assert.Equal(pages + 1, records.Length);
        Assert.All(records.Take(pages), r => Assert.Equal(ProgressRecordType.Processing, r.RecordType));
        Assert.Equal($"{Math.Min(25, pages * 10)} jobs read from {pages} pages", records[pages - 1].StatusDescription);
        Assert.Equal(ProgressRecordType.Completed, records.Last().RecordType);
    }

    [Fact]
    public void AOnePageListingShowsNoProgress()
    {
        Assert.Empty(HostedPowerShell.Run(new FakeSageMakerApi(5), "Get-TuningTrainingJob tune").Progress);
    }

    [Fact]
    public void PipelineBindsNamesByValueAndByPropertyName()
    {
        var fake = new FakeSageMakerApi(2);
        var output = HostedPowerShell.Run(fake, "'alpha', [pscustomobject]@{ TuningJobName = 'beta' }, [pscustomobject]@{ HyperParameterTuningJobName = 'gamma' }, " +
                               "[pscustomobject]@{ Name = 'delta' } | Get-TuningTrainingJob").Output;
        Assert.Equal(8, output.Length);
        Assert.Equal(new[] { "alpha", "beta", "gamma", "delta" }, fake.Requests.Select(r => r.HyperParameterTuningJobName));
    }

    private static FakeSageMakerApi RunningTuningJob() => new FakeSageMakerApi(0)
        .ThenState("InProgress", 0, 2, ("a", "InProgress"), ("b", "InProgress"))
        .ThenState("Completed", 1, 0, ("a", "Completed"), ("b", "Failed"));

    [Fact]
    public void WatchWritesEachStatusChangeAndEndsWithTheTuningJob()
    {
        var fake = RunningTuningJob();
        var (output, _, _, progress) = HostedPowerShell.Run(fake, "Get-TuningTrainingJob tune -Watch -PollIntervalSec 1");
        var written = output.Select(o => (HyperParameterTrainingJobSummary)o.BaseObject).Select(j => $"{j.TrainingJobName}={j.TrainingJobStatus}");
        Assert.Equal(new[] { "a=InProgress", "b=InProgress", "a=Completed", "b=Failed" }, written);
        Assert.Equal(new[] { "tune", "tune" }, fake.Described);
        Assert.Equal("Completed: 1 completed, 0 in progress, 0 failed, 0 stopped (poll 2, every 1 s)", progress[^2].StatusDescription);
        Assert.Equal(ProgressRecordType.Completed, progress[^1].RecordType);
    }

    [Fact]
    public void WatchWithStatusEqualsWritesOnlyThatStatus()
    {
        var fake = RunningTuningJob();
        var output = HostedPowerShell.Run(fake, "Get-TuningTrainingJob tune -Watch -PollIntervalSec 1 -StatusEquals Failed").Output;
        Assert.Equal("b", ((HyperParameterTrainingJobSummary)Assert.Single(output).BaseObject).TrainingJobName);
        Assert.All(fake.Requests, r => Assert.Equal("Failed", r.StatusEquals));
    }

    [Fact]
    public async Task StopEndsAWatchBetweenPollsWithinASecond()
    {
        var fake = new FakeSageMakerApi(0).ThenState("InProgress", 0, 2, ("a", "InProgress"), ("b", "InProgress"));   // it never ends
        using (EngineSwap.Use(fake))
        using (var shell = HostedPowerShell.Create())
        {
            var output = HostedPowerShell.BeginInvoke(shell, "Get-TuningTrainingJob tune -Watch -PollIntervalSec 3600");
            await HostedPowerShell.WaitFor(() => output.Count == 2, TimeSpan.FromSeconds(20));

            var stopping = await HostedPowerShell.TimeStopAsync(shell);
            Assert.True(stopping < TimeSpan.FromSeconds(1), $"Stop took {stopping}.");
            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            Assert.Equal(2, output.Count);
        }
    }
}
