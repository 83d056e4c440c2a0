using System.Management.Automation;

namespace TuningJobs.Tests.Commands;

/// <summary>-Best, -IncludeTotalCount and the resume advice where a listing does not start or end plainly.</summary>
[Collection(EngineSwap.Name)]
public sealed class PagingEdgeTests
{
    private static PSObject[] Run(ISageMakerApi fake, string script) => HostedPowerShell.Run(fake, script).ToArray();

    [Fact]
    public void BestWaitsForAPageWithJobsBeforeChoosingTheDirection()
    {
        var fake = new FakeSageMakerApi("Minimize", 0.5, 0.1, 0.9, 0.3) { EmptyFirstPage = true };
        var best = Run(fake, "Get-TuningTrainingJob tune -Best -First 2");
        Assert.Equal(new[] { 0.1, 0.3 }, best.Select(o => ((HyperParameterTrainingJobSummary)o.BaseObject).ObjectiveValue.Value));
    }

    [Theory]
    [InlineData("Get-TuningTrainingJob tune -IncludeTotalCount -Skip 100", 42ul, 1.0)]
    [InlineData("Get-TuningTrainingJob tune -IncludeTotalCount -Skip 5", 42ul, 1.0)]
    [InlineData("Get-TuningTrainingJob tune -IncludeTotalCount -First 5", 5ul, 0.0)]
    [InlineData("Get-TuningTrainingJob tune -IncludeTotalCount -NextToken 10", 32ul, 0.0)]
    public void TheTotalCountIsWhatWasReadAndExactOnlyForAWholeListing(string script, ulong total, double accuracy)
    {
        var output = Run(new FakeSageMakerApi(42), script);
        var count = output.Last();
        Assert.Equal(total, (ulong)count.BaseObject);
        Assert.Equal(accuracy, (double)count.Properties["Accuracy"].Value);
    }

    [Fact]
    public void TheResumeAdviceCarriesWhatSkipAndFirstStillOwe()
    {
        var fake = new FakeSageMakerApi(50)
        {
            Failure = r => r.NextToken == "10" ? new TuningJobsException(FailureKind.ServiceUnavailable, "Down.") : null,
        };
        using (EngineSwap.Use(fake))
        using (var shell = HostedPowerShell.Create())
        {
            var record = HostedPowerShell.InvokeForError(shell, "Get-TuningTrainingJob tune -PageSize 10 -Skip 15 -First 10");
            var failure = Assert.IsType<TuningJobsException>(record.Exception);
            Assert.Equal("-NextToken '10' -Skip 5 -First 10", failure.ResumeParameters);
            Assert.Contains("-NextToken '10' -Skip 5 -First 10", record.ErrorDetails.RecommendedAction);
        }
    }

    [Theory]
    [InlineData("Minimize", 0.1)]
    [InlineData("Maximize", 0.9)]
    public void BestWithoutTypeInTheAnswerTakesTheDirectionFromTheTuningJob(string objective, double best)
    {
        var fake = new FakeSageMakerApi(null, 0.5, 0.1, 0.9, 0.3);
        fake.TuningJobs.Add(new HyperParameterTuningJob
        {
            HyperParameterTuningJobName = "tune",
            HyperParameterTuningJobStatus = "Completed",
            HyperParameterTuningJobObjective = new HyperParameterTuningJobObjective { Type = objective, MetricName = "m" },
        });
        var first = Run(fake, "Get-TuningTrainingJob tune -Best -First 1");
        Assert.Equal(best, ((HyperParameterTrainingJobSummary)Assert.Single(first).BaseObject).ObjectiveValue);
        Assert.Equal(new[] { "tune" }, fake.Described);
    }

    [Fact]
    public void BestWithTypeInTheAnswerAsksNothingMore()
    {
        var fake = new FakeSageMakerApi("Maximize", 0.5, 0.1, 0.9, 0.3);
        var first = Run(fake, "Get-TuningTrainingJob tune -Best -First 1");
        Assert.Equal(0.9, ((HyperParameterTrainingJobSummary)Assert.Single(first).BaseObject).ObjectiveValue);
        Assert.Single(fake.Requests);
        Assert.Empty(fake.Described);
    }

    [Fact]
    public void BestThatCannotTellTheDirectionIsAnErrorNotAGuess()
    {
        var fake = new FakeSageMakerApi(null, 0.5, 0.1);
        fake.TuningJobs.Add(new HyperParameterTuningJob { HyperParameterTuningJobName = "tune", HyperParameterTuningJobStatus = "Completed" });
        using (EngineSwap.Use(fake))
        using (var shell = HostedPowerShell.Create())
        {
            var record = HostedPowerShell.InvokeForError(shell, "Get-TuningTrainingJob tune -Best -First 1");
            Assert.Equal("ObjectiveTypeUnknown,TuningJobs.Commands.GetTuningTrainingJobCommand", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidResult, record.CategoryInfo.Category);
            Assert.Null(((TuningJobsException)record.Exception).ResumeParameters);
        }
    }

    [Fact]
    public void BestWhoseTuningJobCannotBeDescribedSaysNothingWasWrittenAndNamesTheDescribeAction()
    {
        var fake = new FakeSageMakerApi(null, 0.5, 0.1)
        {
            DescribeFailure = _ => new TuningJobsException(FailureKind.AccessDenied, "Not allowed.", "AccessDeniedException"),
        };
        using (EngineSwap.Use(fake))
        using (var shell = HostedPowerShell.Create())
        {
            var record = HostedPowerShell.InvokeForError(shell, "Get-TuningTrainingJob tune -Best -First 1");
            Assert.Equal("AccessDenied,TuningJobs.Commands.GetTuningTrainingJobCommand", record.FullyQualifiedErrorId);
            var failure = (TuningJobsException)record.Exception;
            Assert.Equal(0, failure.JobsWritten);
            Assert.Null(failure.ResumeParameters);
            Assert.Contains("sagemaker:DescribeHyperParameterTuningJob", record.ErrorDetails.RecommendedAction);
        }
    }
}
