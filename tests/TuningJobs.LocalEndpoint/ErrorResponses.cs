using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// An AWS-shaped error answer. Thrown by the checks of the pipeline so that the first failing check
/// decides the answer, the way the service's front end stops at the first failing stage.
/// </summary>
public sealed class ServiceErrorException : Exception
{
    public ServiceErrorException(int statusCode, string code, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
    }

    public int StatusCode { get; }

    public string Code { get; }
}

/// <summary>The error answers the endpoint can give, with the status codes and texts AWS uses.</summary>
public static class ErrorResponses
{
    public const string JsonContentType = "application/x-amz-json-1.1";

    public static ServiceErrorException MissingAuthenticationToken() =>
        new(403, "MissingAuthenticationTokenException", "Missing Authentication Token");

    public static ServiceErrorException IncompleteSignature(string message) =>
        new(403, "IncompleteSignatureException", message);

    public static ServiceErrorException UnrecognizedClient() =>
        new(403, "UnrecognizedClientException", "The security token included in the request is invalid.");

    public static ServiceErrorException InvalidSignature(string message) =>
        new(403, "InvalidSignatureException", message);

    // awsJson services answer a signature outside the allowed window with 400 and these texts, the server's time last.
    public static ServiceErrorException SignatureExpired(string signedAt, string earliest, string now, int minutes) =>
        new(400, "InvalidSignatureException", $"Signature expired: {signedAt} is now earlier than {earliest} ({now} - {minutes} min.)");

    public static ServiceErrorException SignatureNotYetCurrent(string signedAt, string latest, string now, int minutes) =>
        new(400, "InvalidSignatureException", $"Signature not yet current: {signedAt} is still later than {latest} ({now} + {minutes} min.)");

    public static ServiceErrorException UnknownOperation(int statusCode, string message) =>
        new(statusCode, "UnknownOperationException", message);

    public static ServiceErrorException Serialization(string message) =>
        new(400, "SerializationException", message);

    public static ServiceErrorException Validation(string message) =>
        new(400, "ValidationException", message);

    public static ServiceErrorException InvalidPaginationToken(string detail) =>
        new(400, "ValidationException", "Invalid pagination token: " + detail);

    // The operation's only modelled error; the service sends its bare shape name, without a namespace prefix.
    public static ServiceErrorException ResourceNotFound(string tuningJobName) =>
        new(400, "ResourceNotFound", "Amazon SageMaker can't find a tuning job with name " + tuningJobName);

    public static ServiceErrorException Throttling() =>
        new(400, "ThrottlingException", "Rate exceeded");

    public static ServiceErrorException ServerError(int statusCode) =>
        statusCode == 503
            ? new(503, "ServiceUnavailable", "Service is unavailable. Please retry.")
            : new(statusCode, "InternalFailure", "The request processing has failed because of an unknown error, exception or failure.");

    public static byte[] Body(string code, string message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WireJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("__type", code);
            writer.WriteString("Message", message);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static byte[] Body(ServiceErrorException error) => Body(error.Code, error.Message);

    /// <summary>Writes an answer with the headers every SageMaker answer carries.</summary>
    public static async Task WriteAsync(HttpContext context, int statusCode, byte[] body, string contentType, string requestId, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.Headers["x-amzn-RequestId"] = requestId ?? Guid.NewGuid().ToString();
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken);
    }
}
