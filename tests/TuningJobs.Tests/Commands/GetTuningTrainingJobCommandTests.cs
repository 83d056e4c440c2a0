using System.Management.Automation;

namespace TuningJobs.Tests.Commands;

/// <summary>The cmdlet over a fake of the boundary: paging, streaming, cancellation and error records.</summary>
[Collection(Aws.ProcessEnvironment.Name)]
public sealed class GetTuningTrainingJobCommandTests
{
    // The first page is written before the second is asked for, so a downstream Select-Object -First within it stops
    // the paging (later pages are read ahead: PagerTests).
    [Theory]
    [InlineData("Get-TuningTrainingJob tune -PageSize 10", 25, 25, new[] { 10, 10, 10 })]
    [InlineData("Get-TuningTrainingJob tune", 250, 250, new[] { 100, 100, 100 })]   // the service maximum
    [InlineData("Get-TuningTrainingJob tune -PageSize 10 | Select-Object -First 2", 100, 2, new[] { 10 })]
    public void TheFirstPageIsWrittenBeforeTheSecondIsAskedFor(string script, int jobs, int written, int[] maxResults)
    {
        var fake = new FakeSageMakerApi(jobs);
        int? requestsWhenFirstArrived = null;
        var output = HostedPowerShell.Run(fake, script, _ => requestsWhenFirstArrived ??= fake.Requests.Count).Output;

        Assert.Equal(written, output.Length);
        Assert.Equal(1, requestsWhenFirstArrived);
        Assert.Equal(maxResults.Cast<int?>(), fake.Requests.Select(r => r.MaxResults));
        Assert.Equal(maxResults.Select((size, page) => page == 0 ? null : (page * size).ToString()), fake.Requests.Select(r => r.NextToken));
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

    // Page 2 is asked for when it is pulled; page 3 is read ahead while page 2 is written. A watch of "tune", which
    // never ends, is stopped between polls.
    [Theory]
    [InlineData("other -PageSize 10", 2, 10)]
    [InlineData("other -PageSize 10", 3, 20)]
    [InlineData("tune -Watch -PollIntervalSec 3600", null, 2)]
    public async Task StopCancelsTheRequestInFlightOrTheWaitBetweenPolls(string parameters, int? hangOnPage, int written)
    {
        var fake = new FakeSageMakerApi(30) { HangOnPage = hangOnPage }.ThenState("InProgress", 0, 2, ("a", "InProgress"), ("b", "InProgress"));
        using var hosted = new HostedPowerShell(fake);
        var output = hosted.BeginInvoke("Get-TuningTrainingJob " + parameters);
        if (hangOnPage != null) await fake.HangStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(SpinWait.SpinUntil(() => output.Count == written, TimeSpan.FromSeconds(20)));

        await hosted.AssertStopsAsync(output, written);
        Assert.Equal(hangOnPage != null, fake.HangWasCancelled);
    }

    // The advice carries what -Skip and -First still owe.
    [Theory]
    [InlineData("", "20", 20, "-NextToken '20'")]
    [InlineData(" -Skip 15 -First 10", "10", 0, "-NextToken '10' -Skip 5 -First 10")]
    public void AFailedPageIsATerminatingErrorThatSaysHowToResume(string paging, string failingToken, int written, string resume)
    {
        var fake = new FakeSageMakerApi(50)
        {
            Failure = r => r.NextToken == failingToken
                ? new TuningJobsException(FailureKind.Throttled, "Rate exceeded.", "ThrottlingException", "req-77")
                : null,
        };
        var record = HostedPowerShell.RunForError(fake, "Get-TuningTrainingJob tune -PageSize 10" + paging);
        Assert.Equal("Throttled,TuningJobs.Commands.GetTuningTrainingJobCommand", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.LimitsExceeded, record.CategoryInfo.Category);
        Assert.Equal("tune", record.TargetObject);
        var failure = Assert.IsType<TuningJobsException>(record.Exception);
        Assert.Equal(written, failure.JobsWritten);
        Assert.Equal(failingToken, failure.NextToken);
        Assert.Equal(resume, failure.ResumeParameters);
        Assert.Contains($"{written} job(s) were written before the failure. To resume where it stopped, run the same command with {resume} ",
            record.ErrorDetails.RecommendedAction);
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
    [InlineData("Get-TuningTrainingJob tune", 1)]
    public void AListingOfSeveralPagesShowsProgressAndCompletesIt(string script, int pages)
    {
        var records = HostedPowerShell.Run(new FakeSageMakerApi(25), script).Progress;
        if (pages == 1)
        {
            Assert.Empty(records);
            return;
        }
        Assert.Equal(pages + 1, records.Length);
        Assert.All(records.Take(pages), r => Assert.Equal(ProgressRecordType.Processing, r.RecordType));
        Assert.Equal($"{Math.Min(25, pages * 10)} jobs read from {pages} pages", records[pages - 1].StatusDescription);
        Assert.Equal(ProgressRecordType.Completed, records.Last().RecordType);
    }

    // Get-TuningJob's output binds as the last object does.
    [Fact]
    public void PipelineBindsNamesByValueAndByPropertyName()
    {
        var fake = new FakeSageMakerApi(2);
        var output = HostedPowerShell.Run(fake, "'alpha', [pscustomobject]@{ TuningJobName = 'beta' }, [pscustomobject]@{ HyperParameterTuningJobName = 'gamma' }, " +
            "[pscustomobject]@{ Name = 'delta' }, [TuningJobs.HyperParameterTuningJob]@{ HyperParameterTuningJobName = 'epsilon' } | " +
            "Get-TuningTrainingJob -StatusEquals Failed").Output;
        Assert.Equal(10, output.Length);
        Assert.Equal(new[] { "alpha", "beta", "gamma", "delta", "epsilon" }, fake.Requests.Select(r => r.HyperParameterTuningJobName));
        Assert.All(fake.Requests, r => Assert.Equal("Failed", r.StatusEquals));
    }

    [Theory]
    [InlineData("", "a=InProgress,b=InProgress,a=Completed,b=Failed", null)]
    [InlineData("-StatusEquals Failed", "b=Failed", "Failed")]
    public void WatchWritesEachStatusChangeAndEndsWithTheTuningJob(string parameters, string written, string statusEquals)
    {
        var fake = new FakeSageMakerApi(0)
            .ThenState("InProgress", 0, 2, ("a", "InProgress"), ("b", "InProgress"))
            .ThenState("Completed", 1, 0, ("a", "Completed"), ("b", "Failed"));
        var (output, _, _, progress) = HostedPowerShell.Run(fake, "Get-TuningTrainingJob tune -Watch -PollIntervalSec 1 " + parameters);
        var jobs = output.Select(o => (HyperParameterTrainingJobSummary)o.BaseObject).Select(j => $"{j.TrainingJobName}={j.TrainingJobStatus}");
        Assert.Equal(written.Split(','), jobs);
        Assert.All(fake.Requests, r => Assert.Equal(statusEquals, r.StatusEquals));
        Assert.Equal(new[] { "tune", "tune" }, fake.Described);
        Assert.Equal("Completed: 1 completed, 0 in progress, 0 failed, 0 stopped (poll 2, every 1 s)", progress[^2].StatusDescription);
        Assert.Equal(ProgressRecordType.Completed, progress[^1].RecordType);
    }
}
