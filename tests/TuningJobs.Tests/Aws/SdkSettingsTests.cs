using Amazon.Runtime.CredentialManagement;
using TuningJobs.Aws;

namespace TuningJobs.Tests.Aws;

/// <summary>The SDK's once-per-process memory of the shared files, kept in step with the environment.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class SdkSettingsTests
{
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
