using System.Net;
using System.Net.Sockets;
using TuningJobs.Aws;

namespace TuningJobs.Tests.Aws;

/// <summary>The warm-up's rehearsal of a first call: the whole request path, answered from memory.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class RehearsalTests
{
    // No endpoint, no credentials in the environment, instance metadata off (ProcessEnvironment.LoopbackOnly): the
    // answer can only come from the rehearsal's own transport, after the request went through signing and the handlers.
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

    // Defaults mode "auto" makes the SDK ask instance metadata for the region. The rehearsal runs at every import on
    // PowerShell 7, so it must not, even where instance metadata is on.
    [Fact]
    public void RehearsalAsksNoInstanceMetadataEvenInDefaultsModeAuto()
    {
        var metadata = new TcpListener(IPAddress.Loopback, 0);
        metadata.Start();
        try
        {
            var url = $"http://127.0.0.1:{((IPEndPoint)metadata.LocalEndpoint).Port}/";
            using (ProcessEnvironment.Set(("AWS_DEFAULTS_MODE", "auto"), ("AWS_EC2_METADATA_DISABLED", null), ("AWS_EC2_METADATA_SERVICE_ENDPOINT", url)))
            {
                Assert.Single(Rehearsal.Run().Items);
            }
            Assert.False(metadata.Pending(), "The rehearsal connected to the instance-metadata endpoint.");
        }
        finally
        {
            metadata.Stop();
        }
    }
}
