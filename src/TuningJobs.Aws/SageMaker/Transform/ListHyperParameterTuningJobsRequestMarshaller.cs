using System.Text.Json;
using TuningJobs.Aws.SageMaker.Model;

namespace TuningJobs.Aws.SageMaker.Transform;

internal sealed class ListHyperParameterTuningJobsRequestMarshaller()
    : AwsJsonMarshaller<ListHyperParameterTuningJobsRequest>("ListHyperParameterTuningJobs")
{
    public static readonly ListHyperParameterTuningJobsRequestMarshaller Instance = new();

    protected override void WriteMembers(Utf8JsonWriter writer, ListHyperParameterTuningJobsRequest request)
    {
        var members = request.Members;
        WriteIfSet(writer, "NameContains", members.NameContains);
        WriteIfSet(writer, "StatusEquals", members.StatusEquals);
        WriteIfSet(writer, "CreationTimeAfter", members.CreationTimeAfter);
        WriteIfSet(writer, "CreationTimeBefore", members.CreationTimeBefore);
        WriteIfSet(writer, "LastModifiedTimeAfter", members.LastModifiedTimeAfter);
        WriteIfSet(writer, "LastModifiedTimeBefore", members.LastModifiedTimeBefore);
        WriteIfSet(writer, "MaxResults", members.MaxResults);
        WriteIfSet(writer, "NextToken", members.NextToken);
        WriteIfSet(writer, "SortBy", members.SortBy);
        WriteIfSet(writer, "SortOrder", members.SortOrder);
    }
}
