using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using TuningJobs.Commands;

namespace TuningJobs.Tests.Commands;

/// <summary>
/// A PowerShell with the module's cmdlets loaded from the assembly under test, and the given boundary behind them
/// (null: the real engine) until disposed.
/// </summary>
internal sealed class HostedPowerShell : IDisposable
{
    public HostedPowerShell(ISageMakerApi api)
    {
        Loading.Engine.Api = api;
        var state = InitialSessionState.CreateDefault2();
        state.Commands.Add(new SessionStateCmdletEntry("Get-TuningTrainingJob", typeof(GetTuningTrainingJobCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Get-TuningJob", typeof(GetTuningJobCommand), null));
        Shell = PowerShell.Create(state);
    }

    public PowerShell Shell { get; }

    public void Dispose()
    {
        Shell.Dispose();
        Loading.Engine.Api = null;
    }

    /// <summary>
    /// Runs a script with the given boundary behind the cmdlets: what it wrote, and its error, verbose and progress records.
    /// <paramref name="onEachObject"/> sees each object as it is written.
    /// </summary>
    public static HostedRun Run(ISageMakerApi api, string script, Action<PSObject> onEachObject = null)
    {
        using var hosted = new HostedPowerShell(api);
        hosted.Shell.AddScript(script);
        var output = new PSDataCollection<PSObject>();
        if (onEachObject != null) output.DataAdded += (s, e) => onEachObject(output[e.Index]);
        hosted.Shell.Invoke(null, output);
        var streams = hosted.Shell.Streams;
        return new HostedRun(output.ToArray(), streams.Error.ToArray(), streams.Verbose.Select(v => v.Message).ToArray(), streams.Progress.ToArray());
    }

    /// <summary>Runs a script that must fail with the given boundary behind the cmdlets, and returns the one error it ended with.</summary>
    public static ErrorRecord RunForError(ISageMakerApi api, string script)
    {
        // A terminating error inside a script statement surfaces in the error stream, not as an exception.
        try
        {
            return Assert.Single(Run(api, script).Errors);
        }
        catch (RuntimeException thrown)
        {
            return thrown.ErrorRecord;
        }
    }

    /// <summary>The names of the training jobs or tuning jobs written.</summary>
    public static string[] Names(IEnumerable<PSObject> output) => output.Select(o => o.BaseObject switch
    {
        HyperParameterTrainingJobSummary job => job.TrainingJobName,
        HyperParameterTuningJob job => job.HyperParameterTuningJobName,
        var other => throw new InvalidOperationException($"Not a job: {other}"),
    }).ToArray();

    /// <summary>The connection parameters for the local endpoint, with its key pair as -Credential.</summary>
    public static string Connection(LocalSageMakerEndpoint endpoint) =>
        $"-EndpointUrl '{endpoint.Url}' -Region us-east-1 " +
        $"-Credential ([pscredential]::new('{LocalSageMakerEndpoint.DefaultAccessKeyId}', (ConvertTo-SecureString '{LocalSageMakerEndpoint.DefaultSecretAccessKey}' -AsPlainText -Force)))";

    /// <summary>Starts a script without waiting for it; its output collects in the collection returned.</summary>
    public PSDataCollection<PSObject> BeginInvoke(string script)
    {
        Shell.AddScript(script);
        var output = new PSDataCollection<PSObject>();
        Shell.BeginInvoke<PSObject, PSObject>(null, output);
        return output;
    }

    /// <summary>
    /// Stops what the shell runs (Ctrl+C), which must take less than a second and leave it Stopped with this many
    /// objects written.
    /// </summary>
    public async Task AssertStopsAsync(PSDataCollection<PSObject> output, int written)
    {
        var clock = Stopwatch.StartNew();
        await Task.Factory.FromAsync(Shell.BeginStop(null, null), Shell.EndStop).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Stop took {clock.Elapsed}.");
        Assert.Equal(PSInvocationState.Stopped, Shell.InvocationStateInfo.State);
        Assert.Equal(written, output.Count);
    }
}

internal sealed record HostedRun(PSObject[] Output, ErrorRecord[] Errors, string[] Verbose, ProgressRecord[] Progress);
