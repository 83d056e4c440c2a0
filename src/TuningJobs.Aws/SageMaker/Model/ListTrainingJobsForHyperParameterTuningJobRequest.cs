using Amazon.Runtime;

namespace TuningJobs.Aws.SageMaker.Model;

internal sealed class ListTrainingJobsForHyperParameterTuningJobRequest : AmazonWebServiceRequest
{
    public string HyperParameterTuningJobName { get; set; }
    public int? MaxResults { get; set; }
    public string NextToken { get; set; }
    public string SortBy { get; set; }
    public string SortOrder { get; set; }
    public string StatusEquals { get; set; }
}
