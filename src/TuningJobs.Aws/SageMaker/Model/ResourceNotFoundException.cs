using System;
using System.Net;
using Amazon.Runtime;

namespace TuningJobs.Aws.SageMaker.Model;

/// <summary>The one error the operation documents: the tuning job does not exist.</summary>
[Serializable]
internal sealed class ResourceNotFoundException : AmazonServiceException
{
    public ResourceNotFoundException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
