using System;
using TuningJobs.Errors;

namespace TuningJobs;

/// <summary>
/// A failure the module has explained: its kind, a message fit for a person, the service's error code and request
/// id where there are any, and, for a listing that failed part way, where it stood. The engine never lets an SDK
/// exception cross the boundary.
/// </summary>
public sealed class TuningJobsException : Exception
{
    internal TuningJobsException(FailureKind kind, string message, string errorCode = null, string requestId = null, Exception innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        ErrorCode = errorCode;
        RequestId = requestId;
    }

    internal FailureKind Kind { get; }

    /// <summary>The service's error code (for example ThrottlingException), if the service answered.</summary>
    public string ErrorCode { get; }

    /// <summary>The service's request id, if the service answered.</summary>
    public string RequestId { get; }

    /// <summary>How many objects the command had written before it failed.</summary>
    public long JobsWritten { get; internal set; }

    /// <summary>The NextToken of the page that failed: pass it to -NextToken to resume. Null when the first page failed.</summary>
    public string NextToken { get; internal set; }

    /// <summary>
    /// The parameters that resume the listing exactly where it stopped, in place of -Best, -Skip, -First and
    /// -NextToken (for example "-NextToken 'x' -SortBy FinalObjectiveMetricValue -SortOrder Ascending -First 5"),
    /// as PowerShell source text that parses to exactly those parameters. Null when the first page failed.
    /// </summary>
    public string ResumeParameters { get; internal set; }
}
