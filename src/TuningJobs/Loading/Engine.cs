using System;
using System.IO;
using System.Threading;
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

    /// <summary>Set to 1 or true, the import starts no warm-up: for a session that imports the module but seldom calls it.</summary>
    internal const string NoWarmUpVariable = "TUNINGJOBS_NO_WARMUP";

    private static int _warmUpStarted;

    /// <summary>
    /// On PowerShell 7, loads the engine and rehearses a first call (<see cref="ISageMakerApi.WarmUp"/>) on a pool thread,
    /// once a process. Import does not wait for it: it runs beside what PowerShell does between the import and the
    /// first call (binding, resolving and auto-loading the script's other commands), and the first call then finds the
    /// engine loaded and most of its code compiled. Windows PowerShell loads nothing early: there the engine's
    /// AWSSDK.Core goes into the session's one AppDomain, and a session that never calls the module should not
    /// carry it.
    /// </summary>
    internal static void WarmUpInBackground()
    {
        if (!EngineLoader.RunsOnCoreClr() || IsSet(Environment.GetEnvironmentVariable(NoWarmUpVariable))
            || Interlocked.Exchange(ref _warmUpStarted, 1) == 1) return;
        ThreadPool.QueueUserWorkItem(_ =>
        {
            try
            {
                Api.WarmUp();
            }
            catch (Exception)
            {
                // Nothing to report: the first real call loads and compiles what it needs, and reports its own failures.
            }
        });
    }

    private static bool IsSet(string value) =>
        value == "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

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
