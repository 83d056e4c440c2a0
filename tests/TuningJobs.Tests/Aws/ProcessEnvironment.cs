using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace TuningJobs.Tests.Aws;

/// <summary>
/// Tests that change environment variables or the shared config file run one at a time, after every test that
/// runs in parallel (xunit runs collections without parallelization last), and put back what they changed.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "Changes the process environment";

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
    /// Writes the shared config file of this test process (LoopbackOnlyEnvironment points AWS_CONFIG_FILE at it
    /// before the SDK first looks, and the SDK keeps that location) until disposed.
    /// </summary>
    internal static IDisposable Config(string text)
    {
        var path = Environment.GetEnvironmentVariable("AWS_CONFIG_FILE");
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
