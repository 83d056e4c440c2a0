namespace TuningJobs.Tests.Aws;

/// <summary>DescribeHyperParameterTuningJob and ListHyperParameterTuningJobs through the real engine over HTTP.</summary>
public sealed class TuningJobOperationsTests
{
    [Fact]
    public async Task DescribeFillsEveryMemberTheAnswerHas()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        var engine = EngineHarness.Start(endpoint);
        var job = await engine.Api.DescribeTuningJobAsync(engine.Connection, "resnet-sweep-big", CancellationToken.None);

        Assert.True(endpoint.Data.TryGet("resnet-sweep-big", out var planted));
        Assert.Equal(planted.Name, job.HyperParameterTuningJobName);
        Assert.Equal(planted.Arn, job.HyperParameterTuningJobArn);
        Assert.Equal("Completed", job.HyperParameterTuningJobStatus);
        Assert.Equal("Random", job.Strategy);
        Assert.Equal(planted.CreationTime.UtcDateTime, job.CreationTime);
        Assert.Equal(DateTimeKind.Utc, job.CreationTime.Kind);
        Assert.Equal(planted.EndTime?.UtcDateTime, job.HyperParameterTuningEndTime);
        Assert.Equal(DateTimeKind.Utc, job.HyperParameterTuningEndTime?.Kind);
        Assert.Equal(planted.LastModifiedTime?.UtcDateTime, job.LastModifiedTime);
        Assert.Equal(planted.TrainingJobs.Count(j => j.TrainingJobStatus == "Completed"), job.TrainingJobStatusCounters.Completed);
        Assert.Equal(planted.TrainingJobs.Count(j => j.TrainingJobStatus == "Failed"), job.TrainingJobStatusCounters.NonRetryableError);
        Assert.Equal(planted.TrainingJobs.Count(j => j.ObjectiveStatus == "Succeeded"), job.ObjectiveStatusCounters.Succeeded);
        Assert.Equal((350, 20), (job.ResourceLimits.MaxNumberOfTrainingJobs, job.ResourceLimits.MaxParallelTrainingJobs));
        Assert.Equal(("Minimize", "validation:loss"), (job.HyperParameterTuningJobObjective.Type, job.HyperParameterTuningJobObjective.MetricName));
        var best = planted.TrainingJobs.Where(j => j.FinalHyperParameterTuningJobObjectiveMetric != null).MinBy(j => j.FinalHyperParameterTuningJobObjectiveMetric.Value);
        Assert.Equal(best.TrainingJobName, job.BestTrainingJob.TrainingJobName);
        Assert.Equal(best.FinalHyperParameterTuningJobObjectiveMetric.Value, job.BestTrainingJob.ObjectiveValue);
        Assert.Equal(350 / 4, job.TuningJobCompletionDetails.NumberOfTrainingJobsObjectiveNotImproving);
        Assert.Equal((int)(planted.EndTime.Value - planted.CreationTime).TotalSeconds, job.ConsumedResources.RuntimeInSeconds);
        Assert.Equal("DescribeHyperParameterTuningJob", Assert.Single(endpoint.Requests).Operation);
    }

    [Fact]
    public async Task DescribeReadsTheWarmStartParentsAndFailureReason()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.Data.Add(new SampleTuningJob { Name = "warm", Status = "Failed", FailureReason = "No training job succeeded.", WarmStartParents = new[] { "cold-1", "cold-2" } });
        var engine = EngineHarness.Start(endpoint);
        var job = await engine.Api.DescribeTuningJobAsync(engine.Connection, "warm", CancellationToken.None);
        Assert.Equal(new[] { "cold-1", "cold-2" }, job.WarmStartConfig.ParentHyperParameterTuningJobs.Select(p => p.HyperParameterTuningJobName));
        Assert.Equal("IdenticalDataAndAlgorithm", job.WarmStartConfig.WarmStartType);
        Assert.Equal("No training job succeeded.", job.FailureReason);
        Assert.Null(job.HyperParameterTuningJobObjective);
        Assert.Null(job.BestTrainingJob);
    }

    [Fact]
    public async Task ListingPagesWithTheFiltersAndSortTheServiceApplies()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            endpoint.Data.Add(new SampleTuningJob { Name = $"churn-{i}", CreationTime = SampleData.BaseTime.AddDays(i), Status = i % 2 == 0 ? "Completed" : "Stopped" });
        }

        var engine = EngineHarness.Start(endpoint);
        var request = new TuningJobsRequest
        {
            NameContains = "CHURN-",
            StatusEquals = "Completed",
            CreationTimeAfter = SampleData.BaseTime.AddHours(1).UtcDateTime,
            SortBy = "CreationTime",
            SortOrder = "Descending",
        };
        var first = await engine.Api.ListTuningJobsAsync(engine.Connection, request.WithPage(null, 1), CancellationToken.None);
        var second = await engine.Api.ListTuningJobsAsync(engine.Connection, request.WithPage(first.NextToken, 1), CancellationToken.None);
        Assert.Equal("churn-4", Assert.Single(first.Items).HyperParameterTuningJobName);
        Assert.Equal("churn-2", Assert.Single(second.Items).HyperParameterTuningJobName);
        Assert.Null(second.NextToken);
        var summary = first.Items[0];
        Assert.Equal(("Completed", "Bayesian"), (summary.HyperParameterTuningJobStatus, summary.Strategy));
        Assert.NotNull(summary.ResourceLimits);
        Assert.Null(summary.HyperParameterTuningJobObjective);   // a summary has no objective
    }
}
