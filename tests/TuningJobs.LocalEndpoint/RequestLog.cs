using System;
using System.Collections;
using System.Collections.Generic;

namespace TuningJobs.LocalEndpoint;

/// <summary>One operation request that passed authentication, failed or not.</summary>
public sealed class RequestLogEntry
{
    /// <summary>The X-Amz-Target without the "SageMaker." prefix (or the whole header when it lacks the prefix).</summary>
    public string Operation { get; init; }

    public string TuningJobName { get; init; }

    public int? MaxResults { get; init; }

    public string NextToken { get; init; }

    public string SortBy { get; init; }

    public string SortOrder { get; init; }

    public string StatusEquals { get; init; }

    public string NameContains { get; init; }

    /// <summary>The region of the SigV4 credential scope.</summary>
    public string Region { get; init; }

    public string AccessKeyId { get; init; }

    public string RequestId { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Kestrel's id of the TCP connection the request came on: requests that share one came on a kept-alive connection.</summary>
    public string ConnectionId { get; init; }

    /// <summary>The status code sent; 0 while unanswered and for connections reset or left hanging on purpose.</summary>
    public int StatusCode { get; internal set; }

    /// <summary>The error code sent, or null for a successful answer.</summary>
    public string ErrorCode { get; internal set; }

    /// <summary>The fault that decided this answer (throttle, serverError, failPage, resetMidBody, hang, stalledBody, endlessBody, oversizedPage, delay, errorFor, rawResponse), or null.</summary>
    public string Fault { get; internal set; }
}

/// <summary>Thread-safe, ordered record of operation requests; enumeration works on a snapshot.</summary>
public sealed class RequestLog : IReadOnlyList<RequestLogEntry>
{
    private readonly List<RequestLogEntry> entries = new();

    public int Count
    {
        get
        {
            lock (entries)
            {
                return entries.Count;
            }
        }
    }

    public RequestLogEntry this[int index]
    {
        get
        {
            lock (entries)
            {
                return entries[index];
            }
        }
    }

    public IReadOnlyList<RequestLogEntry> Snapshot()
    {
        lock (entries)
        {
            return entries.ToArray();
        }
    }

    public void Clear()
    {
        lock (entries)
        {
            entries.Clear();
        }
    }

    public IEnumerator<RequestLogEntry> GetEnumerator() => ((IEnumerable<RequestLogEntry>)Snapshot()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(RequestLogEntry entry)
    {
        lock (entries)
        {
            entries.Add(entry);
        }
    }
}
