using System;
using System.IO;
using System.Reflection;

namespace TuningJobs.Loading;

/// <summary>
/// Loads the engine assembly from the module's Dependencies folder: into its own AssemblyLoadContext on
/// PowerShell 7, and on Windows PowerShell 5.1 (no load contexts there) into the AppDomain with a resolver for
/// that folder, which works as long as no other module has loaded a different AWSSDK.Core first.
/// </summary>
internal static class EngineLoader
{
    public static Assembly Load(string folder, string engineAssemblyName)
    {
        var enginePath = Path.Combine(folder, engineAssemblyName + ".dll");
        if (!File.Exists(enginePath))
        {
            // A host that carries the engine beside it (the xunit tests) loads it by name.
            return Assembly.Load(new AssemblyName(engineAssemblyName));
        }
        return RunsOnCoreClr() ? LoadIsolated(folder, enginePath) : LoadWithResolver(folder, enginePath);
    }

    internal static bool RunsOnCoreClr() =>
        string.Equals(typeof(object).Assembly.GetName().Name, "System.Private.CoreLib", StringComparison.Ordinal);

    // A separate method, so that Windows PowerShell never compiles a reference to AssemblyLoadContext.
    // ReadyToRun images (precompiled code, IL kept) of the engine for this platform, where the module ships them,
    // sit in Dependencies/<os>-<arch>; every other platform JIT-compiles the IL in Dependencies.
    private static Assembly LoadIsolated(string folder, string enginePath)
    {
        var images = Path.Combine(folder, ReadyToRun.PlatformFolderName() ?? "none");
        var context = new EngineLoadContext(folder, Directory.Exists(images) ? images : null);
        return context.LoadFromAssemblyPath(context.PathOf(Path.GetFileNameWithoutExtension(enginePath)) ?? enginePath);
    }

    private static readonly object _resolverGate = new object();
    private static string _resolverFolder;

    private static Assembly LoadWithResolver(string folder, string enginePath)
    {
        lock (_resolverGate)
        {
            if (_resolverFolder == null)
            {
                _resolverFolder = folder;
                AppDomain.CurrentDomain.AssemblyResolve += ResolveFromDependencies;
            }
        }
        return Assembly.LoadFrom(enginePath);
    }

    /// <summary>
    /// Windows PowerShell only: takes the resolver away when the module is removed, so that a removed module
    /// answers no more of the AppDomain's requests. The engine assemblies themselves cannot be unloaded there.
    /// </summary>
    public static void RemoveResolver()
    {
        lock (_resolverGate)
        {
            if (_resolverFolder == null) return;
            AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromDependencies;
            _resolverFolder = null;
        }
    }

    // Answers only for the engine's own dependencies: asked for by an assembly of the folder (or by no one in
    // particular), present in the folder, and at least the version asked for. Other modules' requests pass by.
    private static Assembly ResolveFromDependencies(object sender, ResolveEventArgs args)
    {
        var folder = _resolverFolder;   // null once the module was removed
        if (folder == null) return null;
        var requester = args.RequestingAssembly;
        if (requester != null && !IsIn(folder, requester)) return null;
        var wanted = new AssemblyName(args.Name);
        var path = Path.Combine(folder, wanted.Name + ".dll");
        if (!File.Exists(path)) return null;
        var present = AssemblyName.GetAssemblyName(path).Version;
        return wanted.Version == null || present >= wanted.Version ? Assembly.LoadFrom(path) : null;
    }

    private static bool IsIn(string folder, Assembly assembly)
    {
        var location = assembly.IsDynamic ? null : assembly.Location;
        return !string.IsNullOrEmpty(location)
               && string.Equals(Path.GetDirectoryName(location), folder, StringComparison.OrdinalIgnoreCase);
    }
}
