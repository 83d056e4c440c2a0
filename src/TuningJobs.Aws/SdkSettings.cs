using System;
using System.IO;
using System.Reflection;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Internal;

namespace TuningJobs.Aws;

/// <summary>
/// What AWSSDK.Core remembers once per process, whichever client made it look first: where the shared credentials
/// and config files are (AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE as they were at its first look), and the
/// settings it read from the environment and those files (retry mode, max attempts, region). Brought in step with
/// the environment before each client is built, so that a session that changes those variables, or edits its shared
/// files, gets the change at its next call, also when the import's warm-up made the SDK look first. The caller holds
/// <see cref="ClientCache"/>'s creation lock, so no client is being built meanwhile.
/// </summary>
internal static class SdkSettings
{
    internal const string CredentialsFileVariable = "AWS_SHARED_CREDENTIALS_FILE";
    internal const string ConfigFileVariable = "AWS_CONFIG_FILE";

    private static string _environment;

    /// <param name="environment">A fingerprint of every input the SDK reads (see <see cref="ClientCache"/>).</param>
    public static void Follow(string environment)
    {
        FollowSharedFileLocations();
        if (_environment != null && _environment != environment)
        {
            FallbackInternalConfigurationFactory.Reset();
            FallbackRegionFactory.Reset();
        }
        _environment = environment;
    }

    /// <summary>The shared credentials file the environment names now, else the default one.</summary>
    public static string CredentialsFile() => Named(CredentialsFileVariable) ?? Path.Combine(AwsFolder(), "credentials");

    /// <summary>The shared config file the environment names now, else the default one.</summary>
    public static string ConfigFile() => Named(ConfigFileVariable) ?? Path.Combine(AwsFolder(), "config");

    /// <summary>
    /// The config file the SDK reads profiles from now: the one AWS_CONFIG_FILE names, else the one beside the
    /// credentials file (as SharedCredentialsFile.Refresh has it).
    /// </summary>
    public static string ConfigFileInUse() => ConfigFileInUse(CredentialsFile());

    /// <param name="credentialsFile">The credentials file in use, as <see cref="CredentialsFile"/> gives it.</param>
    public static string ConfigFileInUse(string credentialsFile) =>
        Named(ConfigFileVariable) ?? Path.Combine(Path.GetDirectoryName(credentialsFile) ?? AwsFolder(), "config");

    /// <summary>Points the SDK's remembered locations at the files the environment names now, else at the defaults.</summary>
    internal static void FollowSharedFileLocations()
    {
        Set(nameof(SharedCredentialsFile.DefaultFilePath), CredentialsFile());
        Set(nameof(SharedCredentialsFile.DefaultConfigFilePath), ConfigFile());
    }

    // The SDK's own default folder: HOME, else USERPROFILE, then .aws. Not SharedCredentialsFile.DefaultDirectory, which
    // the SDK set at its first look to the folder of a file a variable named then.
    private static string AwsFolder()
    {
        var home = Named("HOME") ?? Named("USERPROFILE") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".aws");
    }

    private static string Named(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    // Both are public properties with private setters in AWSSDK.Core 4.1.0, set once by its static constructor; no API
    // moves them, so their setters are called by reflection. A test fails if a later AWSSDK.Core drops them.
    private static void Set(string property, string path)
    {
        var setter = typeof(SharedCredentialsFile).GetProperty(property, BindingFlags.Public | BindingFlags.Static)?.GetSetMethod(nonPublic: true);
        setter?.Invoke(null, new object[] { path });
    }
}
