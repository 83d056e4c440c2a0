using Amazon.Runtime;

namespace TuningJobs.Aws.SageMaker.Model;

/// <summary>The whole answer is one tuning job, read straight into the public type.</summary>
internal sealed class DescribeHyperParameterTuningJobResponse : AmazonWebServiceResponse
{
    public HyperParameterTuningJob HyperParameterTuningJob { get; set; }
}
