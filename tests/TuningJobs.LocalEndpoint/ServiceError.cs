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

    public static ServiceError IncompleteSignature(string message) => new(403, "IncompleteSignatureException", message);

    public static ServiceError UnknownOperation(int statusCode, string message) => new(statusCode, "UnknownOperationException", message);

    public static ServiceError Serialization(string message) => new(400, "SerializationException", message);

    public static ServiceError InvalidPaginationToken(string detail) => new(400, "ValidationException", "Invalid pagination token: " + detail);

    /// <summary>The answer's body: {"__type": code, "Message": text}.</summary>
    public byte[] Body => WireJson.Serialize(new { __type = Code, Message });
}
