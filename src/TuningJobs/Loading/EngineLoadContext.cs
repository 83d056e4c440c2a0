using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace TuningJobs.Loading;

/// <summary>
/// PowerShell 7 only: the engine and the AWSSDK assemblies it ships load here, apart from the default context,
/// so that another module's AWSSDK.Core (the AWS Tools modules bring their own) can live in the same session,
/// whichever is imported first. The cmdlet assembly is not loaded here: the engine binds to the default
/// context's copy, so the public types (and type literals, and Pester mocks) stay one and the same.
/// </summary>
internal sealed class EngineLoadContext : AssemblyLoadContext
{
    private static readonly string _sharedAssemblyName = typeof(EngineLoadContext).Assembly.GetName().Name;
    private readonly string _folder;
    private readonly string _images;

    public EngineLoadContext(string folder, string images = null)
    {
        _folder = folder;
        _images = images;
    }

    /// <summary>The platform's ReadyToRun image of an assembly where there is one, else its IL in the folder, else null.</summary>
    internal string PathOf(string name)
    {
        var image = _images == null ? null : Path.Combine(_images, name + ".dll");
        if (image != null && File.Exists(image)) return image;
        var path = Path.Combine(_folder, name + ".dll");
        return File.Exists(path) ? path : null;
    }

    protected override Assembly Load(AssemblyName assemblyName)
    {
        if (string.Equals(assemblyName.Name, _sharedAssemblyName, StringComparison.OrdinalIgnoreCase)) return null;
        var path = PathOf(assemblyName.Name);
        if (path == null) return null;   // the framework's own assemblies

        // The folder also holds netstandard back-ports of framework assemblies (System.Text.Json, System.Memory...)
        // for Windows PowerShell; on PowerShell 7 the framework's newer copies serve better.
        if (IsFrameworkFamily(assemblyName.Name))
        {
            try
            {
                return Default.LoadFromAssemblyName(assemblyName);
            }
            catch (FileNotFoundException)
            {
            }
            catch (FileLoadException)
            {
            }
        }
        return LoadFromAssemblyPath(path);
    }

    private static bool IsFrameworkFamily(string name) =>
        name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal);
}
