using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using TuningJobs.Aws.SageMaker.Model;

namespace TuningJobs.Aws.SageMaker.Transform
{
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
                if (publicRequest.NameContains != null) writer.WriteString("NameContains", publicRequest.NameContains);
                if (publicRequest.MaxResults.HasValue) writer.WriteNumber("MaxResults", publicRequest.MaxResults.Value);
                if (publicRequest.SortBy != null) writer.WriteString("SortBy", publicRequest.SortBy);
                if (publicRequest.SortOrder != null) writer.WriteString("SortOrder", publicRequest.SortOrder);
                writer.WriteEndObject();
                writer.Flush();
            }
            return request;
        }
    }
}
