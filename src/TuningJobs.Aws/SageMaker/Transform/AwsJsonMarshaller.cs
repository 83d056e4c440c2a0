using System;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace TuningJobs.Aws.SageMaker.Transform;

/// <summary>
/// What every SageMaker operation's request has in common on the awsJson 1.1 wire: POST / with its target, and a
/// JSON body that holds only the members that are set. Each operation's marshaller writes only its members.
/// </summary>
internal abstract class AwsJsonMarshaller<TRequest> : IMarshaller<IRequest, AmazonWebServiceRequest>
    where TRequest : AmazonWebServiceRequest
{
    private readonly string _target;

    protected AwsJsonMarshaller(string operation)
    {
        _target = "SageMaker." + operation;
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
            WriteMembers(writer, (TRequest)input);
            writer.WriteEndObject();
            writer.Flush();
        }
        return request;
    }

    /// <summary>The request's members that are set, between the body's braces.</summary>
    protected abstract void WriteMembers(Utf8JsonWriter writer, TRequest request);

    protected static void WriteIfSet(Utf8JsonWriter writer, string name, string value)
    {
        if (value != null) writer.WriteString(name, value);
    }

    protected static void WriteIfSet(Utf8JsonWriter writer, string name, int? value)
    {
        if (value.HasValue) writer.WriteNumber(name, value.Value);
    }

    /// <summary>awsJson timestamps are epoch seconds, a JSON number; milliseconds are kept as its fraction.</summary>
    protected static void WriteIfSet(Utf8JsonWriter writer, string name, DateTime? value)
    {
        if (value is null) return;
        var utc = value.Value.Kind == DateTimeKind.Local ? value.Value.ToUniversalTime() : DateTime.SpecifyKind(value.Value, DateTimeKind.Utc);
        var milliseconds = (utc - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).Ticks / TimeSpan.TicksPerMillisecond;
        writer.WriteNumber(name, milliseconds / 1000m);
    }
}
