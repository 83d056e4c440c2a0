using System;
using System.IO;
using System.Reflection;

namespace TuningJobs.Loading
{
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

        private static bool RunsOnCoreClr() =>
            string.Equals(typeof(object).Assembly.GetName().Name, "System.Private.CoreLib", StringComparison.Ordinal);

        // A separate method, so that Windows PowerShell never compiles a reference to AssemblyLoadContext.
        private static Assembly LoadIsolated(string folder, string enginePath) =>
            new EngineLoadContext(folder).LoadFromAssemblyPath(enginePath);

        private static Assembly LoadWithResolver(string folder, string enginePath)
        {
            AppDomain.CurrentDomain.AssemblyResolve += (sender, args) =>
            {
                var path = Path.Combine(folder, new AssemblyName(args.Name).Name + ".dll");
                return File.Exists(path) ? Assembly.LoadFrom(path) : null;
            };
            return Assembly.LoadFrom(enginePath);
        }
    }
}
