using System;
using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace TuningJobs.Aws.SageMaker.Transform;

/// <summary>An operation's answer: its own body, and SageMaker's errors.</summary>
internal abstract class SageMakerResponseUnmarshaller : JsonResponseUnmarshaller
{
    public sealed override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException,
        HttpStatusCode statusCode) =>
        SageMakerErrors.Unmarshall(context, innerException, statusCode);
}
