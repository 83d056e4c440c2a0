namespace TuningJobs.LocalEndpoint;

/// <summary>
/// One operation request that passed authentication, failed or not: the operation (the X-Amz-Target as sent when it
/// names none), the members that shape the listing, the access key id and region of the SigV4 credential scope, and
/// Kestrel's id of the TCP connection (requests that share one came on a kept-alive connection).
/// </summary>
public sealed record RequestLogEntry(
    string Operation, int? MaxResults, string NextToken, string SortBy, string NameContains, string AccessKeyId, string Region,
    string ConnectionId)
{
    /// <summary>The status code sent; 0 while unanswered and for connections reset or left hanging on purpose.</summary>
    public int StatusCode { get; internal set; }

    /// <summary>The error code sent, or null for a successful answer.</summary>
    public string ErrorCode { get; internal set; }

    /// <summary>The fault that decided this answer (rawAnswer, failPage, resetMidBody, hang, stalledBody, endlessBody, oversizedPage, delay), or null.</summary>
    public string Fault { get; internal set; }
}
