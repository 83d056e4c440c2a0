using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TuningJobs.Api;

/// <summary>
/// The module's one boundary to AWS: the SageMaker operations the cmdlets call, each one round trip (retries
/// included) for a connection. Everything behind it (the SageMaker client on AWSSDK.Core, credentials, retries, a
/// client kept per connection) lives in the engine assembly TuningJobs.Aws, loaded on first use; cmdlets and their
/// unit tests see only this. Implementations are safe to call from several runspaces at once and throw
/// <see cref="TuningJobsException"/> for every failure they can explain.
/// </summary>
internal interface ISageMakerApi
{
    /// <summary>One page of ListTrainingJobsForHyperParameterTuningJob.</summary>
    Task<Page<HyperParameterTrainingJobSummary>> ListTrainingJobsAsync(AwsConnection connection, TrainingJobsRequest request,
        CancellationToken cancellationToken);

    /// <summary>
    /// One page (at most <paramref name="maxResults"/>) of tuning job names that contain the given text
    /// (ListHyperParameterTuningJobs with NameContains), for tab completion.
    /// </summary>
    Task<IReadOnlyList<string>> ListTuningJobNamesAsync(AwsConnection connection, string nameContains, int maxResults,
        CancellationToken cancellationToken);

    /// <summary>The region names the AWS SDK knows, for tab completion.</summary>
    IReadOnlyList<string> KnownRegions();
}
