namespace TuningJobs.LocalEndpoint;

/// <summary>
/// An AWS-shaped error answer, with the status code, code and text AWS uses. Thrown by the checks of the pipeline so
/// that the first failing check decides the answer, the way the service's front end stops at the first failing stage.
/// </summary>
public sealed class ServiceError(int statusCode, string code, string message) : Exception(message)
{
    public const string JsonContentType = "application/x-amz-json-1.1";

    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;

    public static ServiceError MissingAuthenticationToken() => new(403, "MissingAuthenticationTokenException", "Missing Authentication Token");

    public static ServiceError IncompleteSignature(string message) => new(403, "IncompleteSignatureException", message);

    public static ServiceError UnrecognizedClient() => new(403, "UnrecognizedClientException", "The security token included in the request is invalid.");

    public static ServiceError InvalidSignature(string message) => new(403, "InvalidSignatureException", message);

    // awsJson services answer a signature outside the allowed window with 400 and these texts, the server's time last.
    public static ServiceError SignatureExpired(string signedAt, string earliest, string now, int minutes) =>
        new(400, "InvalidSignatureException", $"Signature expired: {signedAt} is now earlier than {earliest} ({now} - {minutes} min.)");

    public static ServiceError SignatureNotYetCurrent(string signedAt, string latest, string now, int minutes) =>
        new(400, "InvalidSignatureException", $"Signature not yet current: {signedAt} is still later than {latest} ({now} + {minutes} min.)");

    public static ServiceError UnknownOperation(int statusCode, string message) => new(statusCode, "UnknownOperationException", message);

    public static ServiceError Serialization(string message) => new(400, "SerializationException", message);

    public static ServiceError Validation(string message) => new(400, "ValidationException", message);

    public static ServiceError InvalidPaginationToken(string detail) => new(400, "ValidationException", "Invalid pagination token: " + detail);

    // The operations' only modelled error; the service sends its bare shape name, without a namespace prefix.
    public static ServiceError ResourceNotFound(string tuningJobName) =>
        new(400, "ResourceNotFound", "Amazon SageMaker can't find a tuning job with name " + tuningJobName);

    public static ServiceError ServerError(int statusCode) => statusCode == 503
        ? new(503, "ServiceUnavailable", "Service is unavailable. Please retry.")
        : new(statusCode, "InternalFailure", "The request processing has failed because of an unknown error, exception or failure.");

    /// <summary>The answer's body: {"__type": code, "Message": text}.</summary>
    public byte[] Body => WireJson.Serialize(new { __type = Code, Message });
}
