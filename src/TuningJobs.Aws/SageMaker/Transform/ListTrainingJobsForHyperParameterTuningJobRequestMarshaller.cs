using System.IO;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using TuningJobs.Aws.SageMaker.Model;

namespace TuningJobs.Aws.SageMaker.Transform;

/// <summary>awsJson 1.1: POST / with the target header and a JSON body holding only the members that are set.</summary>
internal sealed class ListTrainingJobsForHyperParameterTuningJobRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public static readonly ListTrainingJobsForHyperParameterTuningJobRequestMarshaller Instance =
        new ListTrainingJobsForHyperParameterTuningJobRequestMarshaller();

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var publicRequest = (ListTrainingJobsForHyperParameterTuningJobRequest)input;
        var request = AwsJsonRequest.Create(publicRequest, "ListTrainingJobsForHyperParameterTuningJob", out var body);
        using (var writer = new Utf8JsonWriter(body.BufferWriter))
        {
            writer.WriteStartObject();
            AwsJsonRequest.WriteIfSet(writer, "HyperParameterTuningJobName", publicRequest.HyperParameterTuningJobName);
            if (publicRequest.MaxResults.HasValue) writer.WriteNumber("MaxResults", publicRequest.MaxResults.Value);
            AwsJsonRequest.WriteIfSet(writer, "NextToken", publicRequest.NextToken);
            AwsJsonRequest.WriteIfSet(writer, "SortBy", publicRequest.SortBy);
            AwsJsonRequest.WriteIfSet(writer, "SortOrder", publicRequest.SortOrder);
            AwsJsonRequest.WriteIfSet(writer, "StatusEquals", publicRequest.StatusEquals);
            writer.WriteEndObject();
            writer.Flush();
        }
        return request;
    }
}
