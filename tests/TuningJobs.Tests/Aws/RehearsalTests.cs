using TuningJobs.Aws;

namespace TuningJobs.Tests.Aws;

/// <summary>The warm-up's rehearsal of a first call: the whole request path, answered from memory.</summary>
public sealed class RehearsalTests
{
    // No endpoint, no credentials in the environment, instance metadata off (LoopbackOnlyEnvironment): the answer can only
    // come from the rehearsal's own transport, after the request went through signing and the handlers.
    [Fact]
    public void RehearsalReadsItsCannedAnswerThroughTheWholeClientWithoutTheNetwork()
    {
        var page = Rehearsal.Run();

        var job = Assert.Single(page.Items);
        Assert.Equal("warm-up-001", job.TrainingJobName);
        Assert.Equal("Completed", job.TrainingJobStatus);
        Assert.Equal(0.5f, job.FinalHyperParameterTuningJobObjectiveMetric.Value);
        Assert.Equal("0.1", job.TunedHyperParameters["eta"]);
        Assert.Equal(TimeSpan.FromSeconds(539.75), job.TrainingTime);
        Assert.Equal("warm-up", page.NextToken);
        Assert.Equal("warm-up", page.RequestId);
    }
}
