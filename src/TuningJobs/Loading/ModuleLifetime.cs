using System.Management.Automation;

namespace TuningJobs.Loading;

/// <summary>Run by PowerShell when the module is imported and removed.</summary>
public sealed class ModuleLifetime : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    public void OnImport() => Engine.WarmUpInBackground();

    /// <summary>Undoes what loading the engine added to the process.</summary>
    public void OnRemove(PSModuleInfo psModuleInfo) => EngineLoader.RemoveResolver();
}
