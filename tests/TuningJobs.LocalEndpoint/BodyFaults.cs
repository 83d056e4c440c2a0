using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// Answers that misbehave after their headers, as a stalled proxy or a broken peer does: a connection reset halfway,
/// a body that drips, a body whose list of summaries never ends, a page with more summaries than were asked for.
/// </summary>
internal static class BodyFaults
{
    // An endless body ends by itself after this much, so that a client that never gives up cannot keep it going.
    private const long EndlessBodyLimitBytes = 1L << 30;

    /// <summary>Sends the headers with the answer's Content-Length and half the body, then resets the connection.</summary>
    public static async Task ResetMidBodyAsync(HttpContext context, byte[] answer, string requestId, CancellationToken token)
    {
        var response = OperationPipeline.StartAnswer(context, 200, ServiceError.JsonContentType, requestId, answer.Length);
        await response.Body.WriteAsync(answer.AsMemory(0, answer.Length / 2), token);
        await response.Body.FlushAsync(token);
        context.Abort();
    }

    /// <summary>Sends the headers with the answer's Content-Length at once, then one byte every <paramref name="intervalMilliseconds"/>.</summary>
    public static async Task DripAsync(HttpContext context, byte[] answer, string requestId, int intervalMilliseconds, CancellationToken token)
    {
        var response = OperationPipeline.StartAnswer(context, 200, ServiceError.JsonContentType, requestId, answer.Length);
        await response.Body.FlushAsync(token);
        for (var i = 0; i < answer.Length; i++)
        {
            await Task.Delay(Math.Max(1, intervalMilliseconds), token);
            await response.Body.WriteAsync(answer.AsMemory(i, 1), token);
            await response.Body.FlushAsync(token);
        }
    }

    /// <summary>
    /// A chunked answer that opens the page's list of summaries and repeats its first summary for ever, written only
    /// as fast as the client reads: the endpoint holds one summary, whatever the client does.
    /// </summary>
    public static async Task EndlessAsync(HttpContext context, byte[] answer, string requestId, CancellationToken token)
    {
        var (list, first) = Summaries(JsonNode.Parse(answer).AsObject());
        var opening = Encoding.UTF8.GetBytes($"{{\"{list}\":[{first.ToJsonString(WireJson.Options)}");
        var next = Encoding.UTF8.GetBytes("," + first.ToJsonString(WireJson.Options));

        var response = OperationPipeline.StartAnswer(context, 200, ServiceError.JsonContentType, requestId, null);
        await response.Body.WriteAsync(opening, token);
        for (long sent = opening.Length; sent < EndlessBodyLimitBytes; sent += next.Length)
        {
            await response.Body.WriteAsync(next, token);
        }

        context.Abort();
    }

    /// <summary>The answer with its list of summaries filled up to <paramref name="summaries"/> by copies of its first summary.</summary>
    public static byte[] Oversized(byte[] answer, int summaries)
    {
        var root = JsonNode.Parse(answer).AsObject();
        var (list, first) = Summaries(root);
        var items = root[list].AsArray();
        while (items.Count < summaries)
        {
            items.Add(first.DeepClone());
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString(WireJson.Options));
    }

    /// <summary>The answer's list member and its first summary (a stand-in when the page is empty).</summary>
    private static (string List, JsonNode First) Summaries(JsonObject answer)
    {
        var list = answer.First(member => member.Value is JsonArray);
        var items = list.Value.AsArray();
        return (list.Key, items.Count > 0 ? items[0].DeepClone() : new JsonObject { ["TrainingJobName"] = "endless", ["HyperParameterTuningJobName"] = "endless" });
    }
}
