using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// Answers that misbehave after their headers, as a stalled proxy or a broken peer does: a body that drips, a
/// body whose list of summaries never ends, a page with more summaries than were asked for.
/// </summary>
internal static class BodyFaults
{
    // An endless body ends by itself after this much, so that a client that never gives up cannot keep it going.
    private const long EndlessBodyLimitBytes = 1L << 30;

    private static readonly JsonSerializerOptions _relaxed = new() { Encoder = WireJson.WriterOptions.Encoder };

    /// <summary>Sends the headers with the answer's Content-Length at once, then one byte every <paramref name="intervalMilliseconds"/>.</summary>
    public static async Task DripAsync(HttpContext context, byte[] answer, string requestId, int intervalMilliseconds, CancellationToken token)
    {
        var response = StartOk(context, requestId);
        response.ContentLength = answer.Length;
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
        var (listName, first) = FirstSummary(answer);
        var opening = Encoding.UTF8.GetBytes("{" + JsonSerializer.Serialize(listName) + ":[");
        var summary = Encoding.UTF8.GetBytes(first.ToJsonString(_relaxed));
        var next = Encoding.UTF8.GetBytes("," + first.ToJsonString(_relaxed));

        var response = StartOk(context, requestId);
        await response.Body.WriteAsync(opening, token);
        await response.Body.WriteAsync(summary, token);
        for (long sent = opening.Length + summary.Length; sent < EndlessBodyLimitBytes; sent += next.Length)
        {
            await response.Body.WriteAsync(next, token);
        }

        context.Abort();
    }

    /// <summary>The answer with its list of summaries filled up to <paramref name="summaries"/> by copies of its first summary.</summary>
    public static byte[] Oversized(byte[] answer, int summaries)
    {
        var root = JsonNode.Parse(answer).AsObject();
        var list = root.Select(member => member.Value).OfType<JsonArray>().First();
        var first = list.Count > 0 ? list[0] : EmptySummary();
        while (list.Count < summaries)
        {
            list.Add(first.DeepClone());
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString(_relaxed));
    }

    private static HttpResponse StartOk(HttpContext context, string requestId)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = ErrorResponses.JsonContentType;
        response.Headers["x-amzn-RequestId"] = requestId;
        return response;
    }

    private static (string ListName, JsonNode First) FirstSummary(byte[] answer)
    {
        var root = JsonNode.Parse(answer).AsObject();
        var list = root.First(member => member.Value is JsonArray);
        var items = (JsonArray)list.Value;
        return (list.Key, items.Count > 0 ? items[0].DeepClone() : EmptySummary());
    }

    private static JsonNode EmptySummary() => new JsonObject { ["TrainingJobName"] = "endless", ["HyperParameterTuningJobName"] = "endless" };
}
