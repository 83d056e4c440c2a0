using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using TuningJobs.Commands;
using TuningJobs.Api;

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

    /// <summary>Runs a script with the given boundary behind the cmdlets; <paramref name="onEachObject"/> sees each object as it is written.</summary>
    public static PSDataCollection<PSObject> Run(ISageMakerApi api, string script, Action<PSObject> onEachObject = null)
    {
        using (EngineSwap.Use(api))
        using (var shell = Create())
        {
            shell.AddScript(script);
            var output = new PSDataCollection<PSObject>();
            if (onEachObject != null) output.DataAdded += (s, e) => onEachObject(output[e.Index]);
            shell.Invoke(null, output);
            return output;
        }
    }

    /// <summary>Runs a script with the given boundary behind the cmdlets and returns its verbose and progress records.</summary>
    public static (string[] Verbose, ProgressRecord[] Progress) RunForRecords(ISageMakerApi api, string script)
    {
        using (EngineSwap.Use(api))
        using (var shell = Create())
        {
            shell.AddScript(script);
            shell.Invoke();
            return (shell.Streams.Verbose.Select(v => v.Message).ToArray(), shell.Streams.Progress.ToArray());
        }
    }

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
}
