using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace TuningJobs.Tests.Aws;

/// <summary>
/// Tests that change environment variables, the shared config file, the SDK's clock or the module's engine
/// (<see cref="Commands.HostedPowerShell"/>) run one at a time, after every test that runs in parallel (xunit runs
/// collections without parallelization last), and put back what they changed.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "Changes the process environment";

    /// <summary>
    /// Before any test runs: no ambient AWS settings, config files of the tests' own, and an instance-metadata
    /// endpoint on loopback, so that nothing the SDK does can leave the machine.
    /// </summary>
    [ModuleInitializer]
    internal static void LoopbackOnly()
    {
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(name => name.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)))
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

    /// <summary>Sets the variables (null removes one) until disposed, with the SDK's cached settings forgotten both ways.</summary>
    internal static IDisposable Set(params (string Name, string Value)[] variables) => Set(true, variables);

    /// <summary>As <see cref="Set(ValueTuple{string, string}[])"/>, from NAME=value pairs separated by spaces.</summary>
    internal static IDisposable Set(string assignments) => Set(assignments.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2)).Select(pair => (pair[0], pair[1])).ToArray());

    /// <summary>As <see cref="Set(ValueTuple{string, string}[])"/>, but the SDK is not told to read its settings again until disposed.</summary>
    internal static IDisposable SetWithoutSdkReset(params (string Name, string Value)[] variables) => Set(false, variables);

    private static IDisposable Set(bool forgetNow, (string Name, string Value)[] variables)
    {
        var earlier = new List<(string, string)>();
        foreach (var (name, value) in variables)
        {
            earlier.Add((name, Environment.GetEnvironmentVariable(name)));
            Environment.SetEnvironmentVariable(name, value);
        }
        if (forgetNow) ForgetSdkSettings();
        return new Restore(() =>
        {
            foreach (var (name, value) in earlier) Environment.SetEnvironmentVariable(name, value);
            ForgetSdkSettings();
        });
    }

    /// <summary>
    /// Writes the shared config file of this test process (<see cref="LoopbackOnly"/> points AWS_CONFIG_FILE at it
    /// before the SDK first looks, and the SDK keeps that location) until disposed.
    /// </summary>
    internal static IDisposable Config(string text) => SharedFile("AWS_CONFIG_FILE", text);

    /// <summary>Writes the shared credentials file of this test process, as <see cref="Config"/> does the config file.</summary>
    internal static IDisposable Credentials(string text) => SharedFile("AWS_SHARED_CREDENTIALS_FILE", text);

    private static IDisposable SharedFile(string variable, string text)
    {
        var path = Environment.GetEnvironmentVariable(variable);
        var earlier = File.ReadAllText(path);
        File.WriteAllText(path, text);
        ForgetSdkSettings();
        return new Restore(() =>
        {
            File.WriteAllText(path, earlier);
            ForgetSdkSettings();
        });
    }

    // The SDK reads AWS_REGION, AWS_USE_FIPS_ENDPOINT and the like once and keeps them until told to look again.
    private static void ForgetSdkSettings()
    {
        FallbackInternalConfigurationFactory.Reset();
        FallbackRegionFactory.Reset();
    }

    // The SDK's clock is process-wide: AWSConfigs keeps it in a private field (the SDK's own clock-skew tests set it
    // the same way), and CorrectClockSkew keeps what it learns per endpoint.
    private static readonly FieldInfo _clock =
        typeof(AWSConfigs).GetField("utcNowSource", BindingFlags.Static | BindingFlags.NonPublic)
        ?? throw new MissingFieldException("AWSConfigs.utcNowSource is gone: find how this AWSSDK.Core version reads the clock.");

    private static readonly FieldInfo _corrections =
        typeof(CorrectClockSkew).GetField("clockCorrectionDictionary", BindingFlags.Static | BindingFlags.NonPublic)
        ?? throw new MissingFieldException("CorrectClockSkew.clockCorrectionDictionary is gone.");

    /// <summary>
    /// The SDK's clock, with its correction of a skewed clock on or off, until disposed; then the machine's clock
    /// is back and every correction learned meanwhile is forgotten.
    /// </summary>
    internal static IDisposable SdkClock(Func<DateTime> clock, bool correctForClockSkew = true)
    {
        var earlierClock = (Func<DateTime>)_clock.GetValue(null);
        var earlierCorrect = AWSConfigs.CorrectForClockSkew;
        ForgetCorrections();
        _clock.SetValue(null, clock);
        AWSConfigs.CorrectForClockSkew = correctForClockSkew;
        return new Restore(() =>
        {
            _clock.SetValue(null, earlierClock);
            AWSConfigs.CorrectForClockSkew = earlierCorrect;
            ForgetCorrections();
        });
    }

    private static void ForgetCorrections() => ((ConcurrentDictionary<string, TimeSpan>)_corrections.GetValue(null)).Clear();
}

/// <summary>Undoes a change to process-wide state once, when disposed.</summary>
internal sealed class Restore(Action undo) : IDisposable
{
    private Action _undo = undo;

    public void Dispose()
    {
        _undo?.Invoke();
        _undo = null;
    }
}
