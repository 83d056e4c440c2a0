using System;
using System.IO;
using TuningJobs.Loading;

namespace TuningJobs.Service
{
    /// <summary>
    /// Finds the engine that implements the boundary. The engine assembly and the AWSSDK assemblies it needs sit in
    /// the module's Dependencies folder and are loaded on first use (see <see cref="EngineLoader"/>), so that
    /// importing the module stays light.
    /// </summary>
    internal static class TuningJobServices
    {
        internal const string EngineAssemblyName = "TuningJobs.Aws";
        internal const string EngineProviderTypeName = "TuningJobs.Aws.AwsTuningJobServiceProvider";
        internal const string DependencyFolderName = "Dependencies";

        private static readonly object Gate = new object();
        private static ITuningJobServiceProvider _provider;

        /// <summary>The provider cmdlets use. Cmdlet unit tests set a fake here.</summary>
        internal static ITuningJobServiceProvider Provider
        {
            get
            {
                lock (Gate)
                {
                    return _provider ?? (_provider = LoadEngine());
                }
            }
            set
            {
                lock (Gate)
                {
                    _provider = value;
                }
            }
        }

        internal static string DependencyFolder =>
            Path.Combine(Path.GetDirectoryName(typeof(TuningJobServices).Assembly.Location) ?? ".", DependencyFolderName);

        private static ITuningJobServiceProvider LoadEngine()
        {
            try
            {
                var engine = EngineLoader.Load(DependencyFolder, EngineAssemblyName);
                var type = engine.GetType(EngineProviderTypeName, throwOnError: true);
                return (ITuningJobServiceProvider)Activator.CreateInstance(type);
            }
            catch (Exception e) when (!(e is TuningJobServiceException))
            {
                throw new TuningJobServiceException(
                    ServiceErrorKind.EngineLoadFailed,
                    "The TuningJobs module could not load its AWS engine (" + EngineAssemblyName + ".dll in '" + DependencyFolder +
                    "'): " + e.Message + " Rebuild or reinstall the module.",
                    innerException: e);
            }
        }
    }
}
