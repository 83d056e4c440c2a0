using System;
using System.Text.Json;
using TuningJobs.Aws.SageMaker.Model;

namespace TuningJobs.Aws.SageMaker.Transform;

/// <summary>Each operation's request on the awsJson wire: its name, and the members it writes when they are set.</summary>
internal static class RequestMarshallers
{
    public static readonly AwsJsonMarshaller<ListTrainingJobsForHyperParameterTuningJobRequest> ListTrainingJobsForHyperParameterTuningJob =
        new("ListTrainingJobsForHyperParameterTuningJob", (writer, request) =>
        {
            var members = request.Members;
            WriteIfSet(writer, "HyperParameterTuningJobName", members.HyperParameterTuningJobName);
            WriteIfSet(writer, "MaxResults", members.MaxResults);
            WriteIfSet(writer, "NextToken", members.NextToken);
            WriteIfSet(writer, "SortBy", members.SortBy);
            WriteIfSet(writer, "SortOrder", members.SortOrder);
            WriteIfSet(writer, "StatusEquals", members.StatusEquals);
        });

    public static readonly AwsJsonMarshaller<ListHyperParameterTuningJobsRequest> ListHyperParameterTuningJobs =
        new("ListHyperParameterTuningJobs", (writer, request) =>
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
        });

    public static readonly AwsJsonMarshaller<DescribeHyperParameterTuningJobRequest> DescribeHyperParameterTuningJob =
        new("DescribeHyperParameterTuningJob", (writer, request) =>
            WriteIfSet(writer, "HyperParameterTuningJobName", request.HyperParameterTuningJobName));

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string value)
    {
        if (value != null) writer.WriteString(name, value);
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, int? value)
    {
        if (value.HasValue) writer.WriteNumber(name, value.Value);
    }

    /// <summary>awsJson timestamps are epoch seconds, a JSON number; milliseconds are kept as its fraction.</summary>
    private static void WriteIfSet(Utf8JsonWriter writer, string name, DateTime? value)
    {
        if (value is null) return;
        var utc = value.Value.Kind == DateTimeKind.Local ? value.Value.ToUniversalTime() : DateTime.SpecifyKind(value.Value, DateTimeKind.Utc);
        var milliseconds = (utc - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).Ticks / TimeSpan.TicksPerMillisecond;
        writer.WriteNumber(name, milliseconds / 1000m);
    }
}
