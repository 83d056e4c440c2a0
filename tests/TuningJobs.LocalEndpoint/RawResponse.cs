using System.Collections.Generic;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// A canned answer sent verbatim, bypassing every check after authentication, for testing clients
/// against malformed or unexpected answers (truncated JSON, wrong types, prefixed error codes, HTML).
/// </summary>
public sealed class RawResponse
{
    public string Body { get; set; } = string.Empty;

    public int StatusCode { get; set; } = 200;

    public string ContentType { get; set; } = ErrorResponses.JsonContentType;

    /// <summary>How many operation requests get this answer; default 1.</summary>
    public int Times { get; set; } = 1;
}

/// <summary>Queue of canned answers; each is used <see cref="RawResponse.Times"/> times, then the next one.</summary>
internal sealed class RawResponseQueue
{
    private readonly LinkedList<(RawResponse Response, int Left)> _queue = new();

    public void Enqueue(RawResponse response)
    {
        lock (_queue)
        {
            if (response.Times > 0)
            {
                _queue.AddLast((response, response.Times));
            }
        }
    }

    public void Clear()
    {
        lock (_queue)
        {
            _queue.Clear();
        }
    }

    public bool TryTake(out RawResponse response)
    {
        lock (_queue)
        {
            var head = _queue.First;
            response = head?.Value.Response;
            if (head != null)
            {
                _queue.RemoveFirst();
                if (head.Value.Left > 1)
                {
                    _queue.AddFirst((response, head.Value.Left - 1));
                }
            }

            return response != null;
        }
    }
}
