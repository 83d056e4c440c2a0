using System.Net;
using System.Net.Sockets;
using Amazon.Runtime.CredentialManagement;
using TuningJobs.Aws;

namespace TuningJobs.Tests.Aws;

/// <summary>
/// The warm-up's rehearsal of a first call: the whole request path, answered from memory; and the SDK's
/// once-per-process memory of the shared files, which the warm-up sets, kept in step with the environment.
/// </summary>
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

    // The import's warm-up builds a client, which makes the SDK take AWS_CONFIG_FILE's location for good; a script that
    // names another config file after the import expects its next call to read that one.
    [Fact]
    public void AConfigFileNamedAfterTheWarmUpIsTheOneTheNextCallReads()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "tuningjobs-sdk-settings-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var first = Path.Combine(folder, "first-config");
            var second = Path.Combine(folder, "second-config");
            File.WriteAllText(first, "[profile settings-test]\nregion = eu-west-1\n");
            File.WriteAllText(second, "[profile settings-test]\nregion = ap-south-1\n");

            using (ProcessEnvironment.Set((SdkSettings.ConfigFileVariable, first)))
            {
                Rehearsal.Run();
                Assert.Equal(first, SharedCredentialsFile.DefaultConfigFilePath);
            }
            using (ProcessEnvironment.Set((SdkSettings.ConfigFileVariable, second)))
            {
                var connection = EngineHarness.Connection(new Uri("http://127.0.0.1:9/"), profileName: "settings-test");
                var client = new ClientCache().For(connection).Client;

                Assert.Equal(second, SharedCredentialsFile.DefaultConfigFilePath);
                Assert.Equal("ap-south-1", client.Config.AuthenticationRegion);
            }
            // Named no more: back to the SDK's default folder, not the folder of a file named earlier.
            using (ProcessEnvironment.Set((SdkSettings.ConfigFileVariable, null)))
            {
                _ = new ClientCache().For(EngineHarness.Connection(new Uri("http://127.0.0.1:9/")));
                Assert.Equal(Path.Combine(Environment.GetEnvironmentVariable("HOME") ?? Environment.GetEnvironmentVariable("USERPROFILE"), ".aws", "config"),
                    SharedCredentialsFile.DefaultConfigFilePath);
            }
        }
        finally
        {
            SdkSettings.FollowSharedFileLocations();
            Directory.Delete(folder, recursive: true);
        }
    }
}
