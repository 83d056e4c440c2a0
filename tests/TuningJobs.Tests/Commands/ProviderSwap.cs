using System;
using TuningJobs.Service;
using Xunit;

namespace TuningJobs.Tests.Commands
{
    /// <summary>Tests that replace the process-wide provider run one at a time and put the real one back.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class ProviderSwap : IDisposable
    {
        public const string Name = "Swaps the service provider";

        internal static IDisposable Use(ITuningJobServiceProvider fake)
        {
            TuningJobServices.Provider = fake;
            return new Restore();
        }

        public void Dispose() { }

        private sealed class Restore : IDisposable
        {
            public void Dispose() => TuningJobServices.Provider = null;
        }
    }
}
