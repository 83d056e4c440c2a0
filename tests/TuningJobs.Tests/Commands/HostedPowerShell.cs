using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using TuningJobs.Commands;

namespace TuningJobs.Tests.Commands
{
    /// <summary>A PowerShell with the module's cmdlet loaded from the assembly under test.</summary>
    internal static class HostedPowerShell
    {
        public static PowerShell Create()
        {
            var state = InitialSessionState.CreateDefault2();
            state.Commands.Add(new SessionStateCmdletEntry("Get-TuningTrainingJob", typeof(GetTuningTrainingJobCommand), null));
            var shell = PowerShell.Create(state);
            return shell;
        }
    }
}
