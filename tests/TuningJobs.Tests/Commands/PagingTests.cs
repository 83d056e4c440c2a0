using System.Management.Automation;

namespace TuningJobs.Tests.Commands;

/// <summary>
/// What both listings share over a fake of the boundary: -Skip and -First ask for no more than they need, and
/// -IncludeTotalCount; then -Best and its errors.
/// </summary>
[Collection(Aws.ProcessEnvironment.Name)]
public sealed class PagingTests
{
    [Theory]
    [InlineData("Get-TuningTrainingJob tune -First 3", "job-0001,job-0002,job-0003", new[] { 3 })]
    [InlineData("Get-TuningTrainingJob tune -Skip 5 -First 4", "job-0006,job-0007,job-0008,job-0009", new[] { 9 })]
    [InlineData("Get-TuningTrainingJob tune -PageSize 10 -Skip 12 -First 5", "job-0013,job-0014,job-0015,job-0016,job-0017", new[] { 10, 7 })]
    [InlineData("Get-TuningJob -PageSize 10 -Skip 12 -First 5", "tune-013,tune-014,tune-015,tune-016,tune-017", new[] { 10, 7 })]
    public void SkipAndFirstAskForNoMoreThanTheyNeed(string script, string names, int[] maxResults)
    {
        var fake = new FakeSageMakerApi(50, tuningJobCount: 50);
        var output = HostedPowerShell.Run(fake, script).Output;
        Assert.Equal(names.Split(','), HostedPowerShell.Names(output));
        Assert.Equal(maxResults.Cast<int?>(), fake.Requests.Select(r => r.MaxResults).Concat(fake.TuningJobRequests.Select(r => r.MaxResults)));
    }

    [Theory]
    [InlineData("Get-TuningTrainingJob tune -IncludeTotalCount -Skip 100", 42ul, 1.0)]
    [InlineData("Get-TuningTrainingJob tune -IncludeTotalCount -Skip 5", 42ul, 1.0)]
    [InlineData("Get-TuningTrainingJob tune -IncludeTotalCount -First 5", 5ul, 0.0)]
    [InlineData("Get-TuningTrainingJob tune -IncludeTotalCount -NextToken 10", 32ul, 0.0)]
    [InlineData("Get-TuningJob -PageSize 10 -IncludeTotalCount", 25ul, 1.0)]
    [InlineData("Get-TuningJob -IncludeTotalCount -First 5", 5ul, 0.0)]
    [InlineData("Get-TuningJob tune-001, 'tune-01*' -IncludeTotalCount", 11ul, 0.0)]
    public void TheTotalCountIsWhatWasReadAndExactOnlyForAWholeListing(string script, ulong total, double accuracy)
    {
        var count = HostedPowerShell.Run(new FakeSageMakerApi(42, tuningJobCount: 25), script).Output.Last();
        Assert.Equal(total, (ulong)count.BaseObject);
        Assert.Equal(accuracy, (double)count.Properties["Accuracy"].Value);
    }

    // The answer's Type gives the direction; without it the tuning job's objective does, described once. Until the
    // direction is known nothing is read ahead, so the restart wastes no request.
    [Theory]
    [InlineData(null, "Minimize", false, "-First 1", new[] { 0.1 }, "Descending,Ascending")]
    [InlineData(null, "Maximize", false, "-First 1", new[] { 0.9 }, "Descending")]
    [InlineData("Maximize", null, false, "-First 1", new[] { 0.9 }, "Descending")]
    [InlineData("Minimize", null, true, "-First 3 -PageSize 2", new[] { 0.1, 0.3, 0.5 }, "Descending,Descending,Ascending,Ascending,Ascending")]
    public void BestTakesTheDirectionFromTheAnswerElseFromTheTuningJob(string answerType, string tuningJobType, bool emptyFirstPage,
        string paging, double[] best, string sortOrders)
    {
        var fake = new FakeSageMakerApi(answerType, 0.5, 0.1, 0.9, 0.3) { EmptyFirstPage = emptyFirstPage };
        fake.TuningJobs.Add(new HyperParameterTuningJob
        {
            HyperParameterTuningJobName = "tune",
            HyperParameterTuningJobStatus = "Completed",
            HyperParameterTuningJobObjective = new HyperParameterTuningJobObjective { Type = tuningJobType, MetricName = "m" },
        });
        var output = HostedPowerShell.Run(fake, "Get-TuningTrainingJob tune -Best " + paging).Output;
        Assert.Equal(best, output.Select(o => ((HyperParameterTrainingJobSummary)o.BaseObject).ObjectiveValue.Value));
        Assert.Equal(sortOrders.Split(','), fake.Requests.Select(r => r.SortOrder));
        Assert.Equal(answerType == null ? new[] { "tune" } : [], fake.Described);
    }

    // Without a direction from the answer or the tuning job, or without the tuning job, nothing is written to resume.
    [Theory]
    [InlineData(false, "ObjectiveTypeUnknown", ErrorCategory.InvalidResult, "-SortBy FinalObjectiveMetricValue -SortOrder Descending")]
    [InlineData(true, "AccessDenied", ErrorCategory.PermissionDenied, "sagemaker:DescribeHyperParameterTuningJob")]
    public void BestThatCannotTellTheDirectionIsAnErrorNotAGuess(bool describeFails, string errorId, ErrorCategory category, string advice)
    {
        var fake = new FakeSageMakerApi(null, 0.5, 0.1)
        {
            DescribeFailure = _ => describeFails ? new TuningJobsException(FailureKind.AccessDenied, "Not allowed.", "AccessDeniedException") : null,
        };
        fake.TuningJobs.Add(new HyperParameterTuningJob { HyperParameterTuningJobName = "tune", HyperParameterTuningJobStatus = "Completed" });
        var record = HostedPowerShell.RunForError(fake, "Get-TuningTrainingJob tune -Best -First 1");
        Assert.Equal(errorId + ",TuningJobs.Commands.GetTuningTrainingJobCommand", record.FullyQualifiedErrorId);
        Assert.Equal(category, record.CategoryInfo.Category);
        var failure = (TuningJobsException)record.Exception;
        Assert.Equal(0, failure.JobsWritten);
        Assert.Null(failure.ResumeParameters);
        Assert.Contains(advice, record.ErrorDetails.RecommendedAction);
    }
}
