using System.Collections.Generic;
using Amazon.Runtime;

namespace TuningJobs.Aws.SageMaker.Model;

/// <summary>
/// The jobs are read straight into the module's public type: it has no AWSSDK types in it,
/// and a second copy per job would only cost time on the hot path.
/// </summary>
internal sealed class ListTrainingJobsForHyperParameterTuningJobResponse : AmazonWebServiceResponse
{
    public List<HyperParameterTrainingJobSummary> TrainingJobSummaries { get; set; }
    public string NextToken { get; set; }
}
