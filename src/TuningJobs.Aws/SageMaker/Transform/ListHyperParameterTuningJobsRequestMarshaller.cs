using System;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using TuningJobs.Aws.SageMaker.Model;

namespace TuningJobs.Aws.SageMaker.Transform;

internal sealed class ListHyperParameterTuningJobsRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public static readonly ListHyperParameterTuningJobsRequestMarshaller Instance = new ListHyperParameterTuningJobsRequestMarshaller();

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var publicRequest = (ListHyperParameterTuningJobsRequest)input;
        var request = AwsJsonRequest.Create(publicRequest, "ListHyperParameterTuningJobs", out var body);
        using (var writer = new Utf8JsonWriter(body.BufferWriter))
        {
            writer.WriteStartObject();
            AwsJsonRequest.WriteIfSet(writer, "NameContains", publicRequest.NameContains);
            AwsJsonRequest.WriteIfSet(writer, "StatusEquals", publicRequest.StatusEquals);
            AwsJsonRequest.WriteIfSet(writer, "CreationTimeAfter", publicRequest.CreationTimeAfter);
            AwsJsonRequest.WriteIfSet(writer, "CreationTimeBefore", publicRequest.CreationTimeBefore);
            AwsJsonRequest.WriteIfSet(writer, "LastModifiedTimeAfter", publicRequest.LastModifiedTimeAfter);
            AwsJsonRequest.WriteIfSet(writer, "LastModifiedTimeBefore", publicRequest.LastModifiedTimeBefore);
            if (publicRequest.MaxResults.HasValue) writer.WriteNumber("MaxResults", publicRequest.MaxResults.Value);
            AwsJsonRequest.WriteIfSet(writer, "NextToken", publicRequest.NextToken);
            AwsJsonRequest.WriteIfSet(writer, "SortBy", publicRequest.SortBy);
            AwsJsonRequest.WriteIfSet(writer, "SortOrder", publicRequest.SortOrder);
            writer.WriteEndObject();
            writer.Flush();
        }
        return request;
    }
}
