using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace TuningJobs.Aws.SageMaker.Transform
{
    /// <summary>What every SageMaker operation's request has in common on the awsJson 1.1 wire: POST / with its target.</summary>
    internal static class AwsJsonRequest
    {
        public static IRequest Create(AmazonWebServiceRequest publicRequest, string operation, out PooledContentStream body)
        {
            IRequest request = new DefaultRequest(publicRequest, "SageMaker");
            request.Headers["X-Amz-Target"] = "SageMaker." + operation;
            request.Headers["Content-Type"] = "application/x-amz-json-1.1";
            request.HttpMethod = "POST";
            request.ResourcePath = "/";
            body = new PooledContentStream();
            request.ContentStream = body;
            return request;
        }
    }
}
