using System;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace TuningJobs.Aws.SageMaker.Transform;

/// <summary>
/// What every SageMaker operation's request has in common on the awsJson 1.1 wire: POST / with its target, and a
/// JSON body that holds only the members that are set.
/// </summary>
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

    public static void WriteIfSet(Utf8JsonWriter writer, string name, string value)
    {
        if (value != null) writer.WriteString(name, value);
    }

    /// <summary>awsJson timestamps are epoch seconds, a JSON number; milliseconds are kept as its fraction.</summary>
    public static void WriteIfSet(Utf8JsonWriter writer, string name, DateTime? value)
    {
        if (value is null) return;
        var utc = value.Value.Kind == DateTimeKind.Local ? value.Value.ToUniversalTime() : DateTime.SpecifyKind(value.Value, DateTimeKind.Utc);
        var milliseconds = (utc - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).Ticks / TimeSpan.TicksPerMillisecond;
        writer.WriteNumber(name, milliseconds / 1000m);
    }
}
