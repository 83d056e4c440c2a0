using System.Text.Json;
using TuningJobs.Aws.SageMaker.Model;

namespace TuningJobs.Aws.SageMaker.Transform;

internal sealed class ListTrainingJobsForHyperParameterTuningJobRequestMarshaller()
    : AwsJsonMarshaller<ListTrainingJobsForHyperParameterTuningJobRequest>("ListTrainingJobsForHyperParameterTuningJob")
{
    public static readonly ListTrainingJobsForHyperParameterTuningJobRequestMarshaller Instance = new();

    protected override void WriteMembers(Utf8JsonWriter writer, ListTrainingJobsForHyperParameterTuningJobRequest request)
    {
        var members = request.Members;
        WriteIfSet(writer, "HyperParameterTuningJobName", members.HyperParameterTuningJobName);
        WriteIfSet(writer, "MaxResults", members.MaxResults);
        WriteIfSet(writer, "NextToken", members.NextToken);
        WriteIfSet(writer, "SortBy", members.SortBy);
        WriteIfSet(writer, "SortOrder", members.SortOrder);
        WriteIfSet(writer, "StatusEquals", members.StatusEquals);
    }
}
