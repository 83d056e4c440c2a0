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

    /// <summary>One page of ListHyperParameterTuningJobs: the summaries, filled as far as a summary goes.</summary>
    Task<Page<HyperParameterTuningJob>> ListTuningJobsAsync(AwsConnection connection, TuningJobsRequest request,
        CancellationToken cancellationToken);

    /// <summary>DescribeHyperParameterTuningJob: every member filled. A missing name is ResourceNotFound.</summary>
    Task<HyperParameterTuningJob> DescribeTuningJobAsync(AwsConnection connection, string tuningJobName,
        CancellationToken cancellationToken);

    /// <summary>
    /// Runs a first call's code path once against an answer held in memory, so that the code is compiled before a real
    /// first call needs it. Sends nothing and asks no credential provider. The module starts it in the background at
    /// import (see <see cref="Loading.Engine.WarmUpInBackground"/>).
    /// </summary>
    void WarmUp();

    /// <summary>The region names the AWS SDK knows, for tab completion.</summary>
    IReadOnlyList<string> KnownRegions();
}
