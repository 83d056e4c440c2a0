using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using TuningJobs.Aws.SageMaker.Model;

namespace TuningJobs.Aws.SageMaker.Transform;

internal sealed class DescribeHyperParameterTuningJobResponseUnmarshaller : SageMakerResponseUnmarshaller
{
    public static readonly DescribeHyperParameterTuningJobResponseUnmarshaller Instance = new DescribeHyperParameterTuningJobResponseUnmarshaller();

    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
    {
        var reader = JsonReaders.For(context);
        return new DescribeHyperParameterTuningJobResponse
        {
            HyperParameterTuningJob = HyperParameterTuningJobUnmarshaller.Instance.Unmarshall(context, ref reader),
        };
    }
}
