using System.Runtime.CompilerServices;

namespace TuningJobs.Tests;

/// <summary>
/// Before any test runs: no ambient AWS settings, config files of the tests' own, and an instance-metadata
/// endpoint on loopback, so that nothing the SDK does can leave the machine.
/// </summary>
internal static class LoopbackOnlyEnvironment
{
    [ModuleInitializer]
    internal static void Apply()
    {
        foreach (var name in new[]
        {
            "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION",
            "AWS_DEFAULT_REGION", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SAGEMAKER",
        })
        {
            Environment.SetEnvironmentVariable(name, null);
        }
        var folder = Path.Combine(Path.GetTempPath(), "tuningjobs-tests-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "credentials"), string.Empty);
        File.WriteAllText(Path.Combine(folder, "config"), string.Empty);
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(folder, "credentials"));
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(folder, "config"));
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:9/");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }
}
