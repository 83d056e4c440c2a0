using System.Collections.Generic;

namespace TuningJobs.Api;

/// <summary>One page of a listing, as the service answered it.</summary>
internal sealed class Page<T>
{
    public Page(IReadOnlyList<T> items, string nextToken, string requestId)
    {
        Items = items ?? new T[0];
        NextToken = string.IsNullOrEmpty(nextToken) ? null : nextToken;
        RequestId = requestId;
    }

    public IReadOnlyList<T> Items { get; }

    /// <summary>Null when this was the last page.</summary>
    public string NextToken { get; }

    public string RequestId { get; }
}
