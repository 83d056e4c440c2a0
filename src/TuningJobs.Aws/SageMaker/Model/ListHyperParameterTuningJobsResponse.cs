using System.Collections.Generic;
using Amazon.Runtime;

namespace TuningJobs.Aws.SageMaker.Model;

/// <summary>One page of summaries, read straight into the public type.</summary>
internal sealed class ListHyperParameterTuningJobsResponse : AmazonWebServiceResponse
{
    public List<HyperParameterTuningJob> HyperParameterTuningJobSummaries { get; set; }
    public string NextToken { get; set; }
}
