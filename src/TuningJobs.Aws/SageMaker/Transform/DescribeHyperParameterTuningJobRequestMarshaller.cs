using System.Text.Json;
using TuningJobs.Aws.SageMaker.Model;

namespace TuningJobs.Aws.SageMaker.Transform;

internal sealed class DescribeHyperParameterTuningJobRequestMarshaller()
    : AwsJsonMarshaller<DescribeHyperParameterTuningJobRequest>("DescribeHyperParameterTuningJob")
{
    public static readonly DescribeHyperParameterTuningJobRequestMarshaller Instance = new();

    protected override void WriteMembers(Utf8JsonWriter writer, DescribeHyperParameterTuningJobRequest request) =>
        WriteIfSet(writer, "HyperParameterTuningJobName", request.HyperParameterTuningJobName);
}
