using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using TuningJobs.Commands;

namespace TuningJobs.Tests.Commands;

/// <summary>A PowerShell with the module's cmdlet loaded from the assembly under test.</summary>
internal static class HostedPowerShell
{
    public static PowerShell Create()
    {
        var state = InitialSessionState.CreateDefault2();
        state.Commands.Add(new SessionStateCmdletEntry("Get-TuningTrainingJob", typeof(GetTuningTrainingJobCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Get-TuningJob", typeof(GetTuningJobCommand), null));
        var shell = PowerShell.Create(state);
        return shell;
    }

    /// <summary>
    /// Runs a script with the given boundary behind the cmdlets: what it wrote, and its error, verbose and progress records.
    /// <paramref name="onEachObject"/> sees each object as it is written.
    /// </summary>
    public static HostedRun Run(ISageMakerApi api, string script, Action<PSObject> onEachObject = null)
    {
        using (EngineSwap.Use(api))
        using (var shell = Create())
        {
            shell.AddScript(script);
            var output = new PSDataCollection<PSObject>();
            if (onEachObject != null) output.DataAdded += (s, e) => onEachObject(output[e.Index]);
            shell.Invoke(null, output);
            var streams = shell.Streams;
            return new HostedRun(output.ToArray(), streams.Error.ToArray(), streams.Verbose.Select(v => v.Message).ToArray(), streams.Progress.ToArray());
        }
    }

    /// <summary>Runs a script that must fail with the given boundary behind the cmdlets, and returns the one error it ended with.</summary>
    public static ErrorRecord RunForError(ISageMakerApi api, string script)
    {
        using (EngineSwap.Use(api))
        using (var shell = Create())
        {
            return InvokeForError(shell, script);
        }
    }

    /// <summary>The names of the training jobs or tuning jobs written.</summary>
    public static string[] Names(IEnumerable<PSObject> output) => output.Select(o => o.BaseObject switch
    {
        HyperParameterTrainingJobSummary job => job.TrainingJobName,
        HyperParameterTuningJob job => job.HyperParameterTuningJobName,
        var other => throw new InvalidOperationException($"Not a job: {other}"),
    }).ToArray();

    /// <summary>Runs a script that must fail, and returns the one error it ended with.</summary>
    public static ErrorRecord InvokeForError(PowerShell shell, string script)
    {
        // A terminating error inside a script statement surfaces in the error stream, not as an exception.
        shell.AddScript(script);
        try
        {
            shell.Invoke();
        }
        catch (RuntimeException thrown)
        {
            return thrown.ErrorRecord;
        }
        if (shell.Streams.Error.Count != 1) throw new InvalidOperationException($"The script wrote {shell.Streams.Error.Count} errors, not one.");
        return shell.Streams.Error[0];
    }

    /// <summary>The connection parameters for the local endpoint, with its key pair as -Credential.</summary>
    public static string Connection(LocalSageMakerEndpoint endpoint) =>
        $"-EndpointUrl '{endpoint.Url}' -Region us-east-1 " +
        $"-Credential ([pscredential]::new('{LocalSageMakerEndpoint.DefaultAccessKeyId}', (ConvertTo-SecureString '{LocalSageMakerEndpoint.DefaultSecretAccessKey}' -AsPlainText -Force)))";

    /// <summary>Starts a script without waiting for it; its output collects in the collection returned.</summary>
    public static PSDataCollection<PSObject> BeginInvoke(PowerShell shell, string script)
    {
        shell.AddScript(script);
        var output = new PSDataCollection<PSObject>();
        shell.BeginInvoke<PSObject, PSObject>(null, output);
        return output;
    }

    /// <summary>Stops what the shell runs (Ctrl+C): how long Stop took to return, if it did within 5 s.</summary>
    public static async Task<TimeSpan> TimeStopAsync(PowerShell shell)
    {
        var clock = Stopwatch.StartNew();
        await Task.Factory.FromAsync(shell.BeginStop(null, null), shell.EndStop).WaitAsync(TimeSpan.FromSeconds(5));
        return clock.Elapsed;
    }

    public static async Task WaitFor(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit) throw new TimeoutException("The condition did not come true in time.");
            await Task.Delay(20);
        }
    }
}

internal sealed record HostedRun(PSObject[] Output, ErrorRecord[] Errors, string[] Verbose, ProgressRecord[] Progress);
