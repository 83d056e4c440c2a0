using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TuningJobs.Service
{
    /// <summary>
    /// The module's one boundary to AWS. Everything behind it (the SageMaker client on AWSSDK.Core, credentials,
    /// retries) lives in the engine assembly TuningJobs.Aws; cmdlets and their tests see only this.
    /// Implementations are safe to call from several runspaces at once.
    /// </summary>
    internal interface ITuningJobService
    {
        /// <summary>
        /// One ListTrainingJobsForHyperParameterTuningJob round trip (retries included).
        /// Throws <see cref="TuningJobServiceException"/> for every failure it can explain.
        /// </summary>
        Task<TrainingJobPage> ListTrainingJobsAsync(TrainingJobPageRequest request, CancellationToken cancellationToken);

        /// <summary>
        /// One page (at most <paramref name="maxResults"/>) of tuning job names that contain the given text
        /// (ListHyperParameterTuningJobs with NameContains), for tab completion.
        /// </summary>
        Task<IReadOnlyList<string>> ListTuningJobNamesAsync(string nameContains, int maxResults, CancellationToken cancellationToken);

        /// <summary>Where requests go, for messages: the region name or the endpoint URL.</summary>
        string Target { get; }
    }

    /// <summary>Creates (or reuses) the service for one region, endpoint and credential source.</summary>
    internal interface ITuningJobServiceProvider
    {
        ITuningJobService GetService(ServiceConnection connection);

        /// <summary>The region names the AWS SDK knows, for tab completion.</summary>
        IReadOnlyList<string> KnownRegions();
    }
}
