namespace TuningJobs.Tests.Aws;

/// <summary>
/// What the engine reads over HTTP keeps what the wire carries: the exact number, milliseconds, values it does not
/// know; times are UTC (a described tuning job's too: TuningJobOperationsTests).
/// </summary>
public sealed class ExactValuesTests
{
    private const string Answer =
        "{\"TrainingJobSummaries\":[{\"TrainingJobName\":\"exact-1\"," +
        "\"TrainingJobArn\":\"arn:aws:sagemaker:us-east-1:123456789012:training-job/exact-1\"," +
        "\"CreationTime\":1732806245.123,\"TrainingStartTime\":1732806300.5," +
        "\"TrainingJobStatus\":\"Paused\",\"ObjectiveStatus\":\"Reviewing\"," +
        "\"TunedHyperParameters\":{\"Eta\":\"0.1\",\"eta\":\"0.2\"},\"SomethingNew\":{\"nested\":[1,2]}," +
        "\"FinalHyperParameterTuningJobObjectiveMetric\":" +
        "{\"Type\":\"Maximize\",\"MetricName\":\"validation:auc\",\"Value\":0.12345678901234568}}]}";

    [Fact]
    public async Task TheExactNumberTheMillisecondsAndUnknownValuesComeThrough()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.EnqueueRawResponse(new RawResponse { Body = Answer });
        var job = Assert.Single((await EngineHarness.Start(endpoint).PageAsync("exact-values", 10)).Items);

        Assert.Equal(0.12345678901234568, job.FinalHyperParameterTuningJobObjectiveMetric.Value);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1732806245123).UtcDateTime, job.CreationTime);
        Assert.Equal(DateTimeKind.Utc, job.CreationTime.Kind);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1732806300500).UtcDateTime, job.TrainingStartTime);
        Assert.Null(job.TrainingEndTime);
        Assert.Equal(("Paused", "Reviewing"), (job.TrainingJobStatus, job.ObjectiveStatus));
        Assert.Equal(("0.1", "0.2"), (job.TunedHyperParameters["Eta"], job.TunedHyperParameters["eta"]));
    }
}
