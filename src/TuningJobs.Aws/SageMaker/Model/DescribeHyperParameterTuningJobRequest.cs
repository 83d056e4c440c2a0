using Amazon.Runtime;

namespace TuningJobs.Aws.SageMaker.Model;

internal sealed class DescribeHyperParameterTuningJobRequest : AmazonWebServiceRequest
{
    public string HyperParameterTuningJobName { get; set; }
}
