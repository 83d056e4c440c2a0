using Amazon.Runtime;
using TuningJobs.Api;

namespace TuningJobs.Aws.SageMaker.Model;

// The SDK's pipeline takes an AmazonWebServiceRequest per operation; each carries the module's own request, which
// its marshaller writes as it is, so the members are listed once, in TuningJobs.Api.

internal sealed class ListTrainingJobsForHyperParameterTuningJobRequest(TrainingJobsRequest members) : AmazonWebServiceRequest
{
    public TrainingJobsRequest Members { get; } = members;
}

internal sealed class ListHyperParameterTuningJobsRequest(TuningJobsRequest members) : AmazonWebServiceRequest
{
    public TuningJobsRequest Members { get; } = members;
}

internal sealed class DescribeHyperParameterTuningJobRequest(string hyperParameterTuningJobName) : AmazonWebServiceRequest
{
    public string HyperParameterTuningJobName { get; } = hyperParameterTuningJobName;
}
