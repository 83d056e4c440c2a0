using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using TuningJobs.Aws.SageMaker.Model;

namespace TuningJobs.Aws.SageMaker.Transform;

internal sealed class DescribeHyperParameterTuningJobRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public static readonly DescribeHyperParameterTuningJobRequestMarshaller Instance = new DescribeHyperParameterTuningJobRequestMarshaller();

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var publicRequest = (DescribeHyperParameterTuningJobRequest)input;
        var request = AwsJsonRequest.Create(publicRequest, "DescribeHyperParameterTuningJob", out var body);
        using (var writer = new Utf8JsonWriter(body.BufferWriter))
        {
            writer.WriteStartObject();
            AwsJsonRequest.WriteIfSet(writer, "HyperParameterTuningJobName", publicRequest.HyperParameterTuningJobName);
            writer.WriteEndObject();
            writer.Flush();
        }
        return request;
    }
}
