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

        /// <summary>Where requests go, for messages: the region name or the endpoint URL.</summary>
        string Target { get; }
    }

    /// <summary>Creates (or reuses) the service for one region, endpoint and credential source.</summary>
    internal interface ITuningJobServiceProvider
    {
        ITuningJobService GetService(ServiceConnection connection);
    }
}
