using System.Management.Automation;

namespace TuningJobs.Loading;

/// <summary>Run by PowerShell when the module is removed: undoes what loading the engine added to the process.</summary>
public sealed class ModuleCleanup : IModuleAssemblyCleanup
{
    public void OnRemove(PSModuleInfo psModuleInfo) => EngineLoader.RemoveResolver();
}
