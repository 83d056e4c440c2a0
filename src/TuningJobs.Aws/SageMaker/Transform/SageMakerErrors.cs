using System;
using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using TuningJobs.Aws.SageMaker.Model;

namespace TuningJobs.Aws.SageMaker.Transform;

/// <summary>
/// Turns an error answer into an exception the way generated clients do: the SDK parses
/// {"__type": "...", "Message": "..."} (prefix# and message casing included); ResourceNotFound gets its own type.
/// </summary>
internal static class SageMakerErrors
{
    public static AmazonServiceException Unmarshall(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
    {
        var reader = JsonReaders.For(context);
        var error = JsonErrorResponseUnmarshaller.GetInstance().Unmarshall(context, ref reader);
        if (error.Code == "ResourceNotFound")
        {
            return new ResourceNotFoundException(error.Message, innerException, error.Type, error.Code, error.RequestId, statusCode);
        }
        return new AmazonServiceException(error.Message, innerException, error.Type, error.Code, error.RequestId, statusCode);
    }
}
