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
    private readonly Queue<(RawResponse Response, int Left)> queue = new();

    public void Enqueue(RawResponse response)
    {
        lock (queue)
        {
            if (response.Times > 0)
            {
                queue.Enqueue((response, response.Times));
            }
        }
    }

    public void Clear()
    {
        lock (queue)
        {
            queue.Clear();
        }
    }

    public bool TryTake(out RawResponse response)
    {
        lock (queue)
        {
            if (queue.Count == 0)
            {
                response = null;
                return false;
            }

            var (head, left) = queue.Dequeue();
            if (left > 1)
            {
                // Re-queue at the front: rebuild, since Queue has no push-front.
                var rest = queue.ToArray();
                queue.Clear();
                queue.Enqueue((head, left - 1));
                foreach (var item in rest)
                {
                    queue.Enqueue(item);
                }
            }

            response = head;
            return true;
        }
    }
}
