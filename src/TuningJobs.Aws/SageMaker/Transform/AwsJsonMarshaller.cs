using System;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace TuningJobs.Aws.SageMaker.Transform;

/// <summary>
/// What every SageMaker operation's request has in common on the awsJson 1.1 wire: POST / with its target, and a
/// JSON body that holds only the members that are set. Each operation gives only its name and how to write its members
/// (<see cref="RequestMarshallers"/>).
/// </summary>
internal sealed class AwsJsonMarshaller<TRequest> : IMarshaller<IRequest, AmazonWebServiceRequest>
    where TRequest : AmazonWebServiceRequest
{
    private readonly string _target;
    private readonly Action<Utf8JsonWriter, TRequest> _writeMembers;

    /// <param name="writeMembers">Writes the request's members that are set, between the body's braces.</param>
    public AwsJsonMarshaller(string operation, Action<Utf8JsonWriter, TRequest> writeMembers)
    {
        _target = "SageMaker." + operation;
        _writeMembers = writeMembers;
    }

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        IRequest request = new DefaultRequest(input, "SageMaker");
        request.Headers["X-Amz-Target"] = _target;
        request.Headers["Content-Type"] = "application/x-amz-json-1.1";
        request.HttpMethod = "POST";
        request.ResourcePath = "/";
        var body = new PooledContentStream();
        request.ContentStream = body;
        using (var writer = new Utf8JsonWriter(body.BufferWriter))
        {
            writer.WriteStartObject();
            _writeMembers(writer, (TRequest)input);
            writer.WriteEndObject();
            writer.Flush();
        }
        return request;
    }
}
