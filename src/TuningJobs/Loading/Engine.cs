using System;
using System.IO;
using TuningJobs.Api;
using TuningJobs.Errors;

namespace TuningJobs.Loading;

/// <summary>
/// Finds the engine that implements the boundary. The engine assembly and the AWSSDK assemblies it needs sit in
/// the module's Dependencies folder and are loaded on first use (see <see cref="EngineLoader"/>), so that
/// importing the module stays light.
/// </summary>
internal static class Engine
{
    internal const string EngineAssemblyName = "TuningJobs.Aws";
    internal const string EngineApiTypeName = "TuningJobs.Aws.AwsSageMakerApi";
    internal const string DependencyFolderName = "Dependencies";

    private static readonly object _gate = new object();
    private static ISageMakerApi _api;

    /// <summary>The boundary the cmdlets call. Cmdlet unit tests set a fake here.</summary>
    internal static ISageMakerApi Api
    {
        get
        {
            lock (_gate)
            {
                return _api ??= Load();
            }
        }
        set
        {
            lock (_gate)
            {
                _api = value;
            }
        }
    }

    internal static string DependencyFolder =>
        Path.Combine(Path.GetDirectoryName(typeof(Engine).Assembly.Location) ?? ".", DependencyFolderName);

    private static ISageMakerApi Load()
    {
        try
        {
            var engine = EngineLoader.Load(DependencyFolder, EngineAssemblyName);
            var type = engine.GetType(EngineApiTypeName, throwOnError: true);
            return (ISageMakerApi)Activator.CreateInstance(type);
        }
        catch (Exception e) when (!(e is TuningJobsException))
        {
            throw new TuningJobsException(
                FailureKind.EngineLoadFailed,
                "The TuningJobs module could not load its AWS engine (" + EngineAssemblyName + ".dll in '" + DependencyFolder +
                "'): " + e.Message + " Rebuild or reinstall the module.",
                innerException: e);
        }
    }
}
