using System;
using System.Globalization;
using System.IO;

namespace TuningJobs.Aws.Http;

/// <summary>
/// One HTTP attempt ran out of its deadline (connect to the last byte of the body). An IOException, because the
/// SDK's retry policy treats an IOException as transient wherever it sits in the exception chain: thrown by the
/// HTTP handler, or wrapped in the AmazonUnmarshallingException of a body read for a success or an error answer.
/// It has no inner exception on purpose: the SDK would take the aborted socket under it for a stale pooled
/// connection and retry that for free, past the attempts the retry mode allows.
/// </summary>
internal sealed class AttemptTimeoutException : IOException
{
    public AttemptTimeoutException(TimeSpan timeout, int attempt, int maxAttempts)
        : base($"No complete answer within {Describe(timeout)} (attempt {attempt} of {maxAttempts}).")
    {
        Timeout = timeout;
        Attempt = attempt;
        MaxAttempts = maxAttempts;
    }

    /// <summary>The deadline of one attempt.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Which attempt this was (1 for the first), as the SDK's amz-sdk-request header said; 0 when unknown.</summary>
    public int Attempt { get; }

    /// <summary>The attempts the SDK's retry mode allows; 0 when unknown.</summary>
    public int MaxAttempts { get; }

    /// <summary>"2 s", "1.5 s".</summary>
    public static string Describe(TimeSpan timeout) =>
        timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
