using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// Unsigned JSON API under /__control/ for callers in other processes (Pester, demo, benchmark): the request log,
/// faults, latency, planted tuning jobs and canned answers. It never reaches the SageMaker pipeline.
/// </summary>
internal sealed class ControlApi
{
    public const string Prefix = "/__control/";

    private static readonly JsonSerializerOptions _jsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // A misspelt fault property silently doing nothing would make a reliability test pass for the wrong reason.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly LocalSageMakerEndpoint _endpoint;
    private readonly RawResponseQueue _rawResponses;

    public ControlApi(LocalSageMakerEndpoint endpoint, RawResponseQueue rawResponses)
    {
        _endpoint = endpoint;
        _rawResponses = rawResponses;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value.Substring(Prefix.Length).TrimEnd('/');
        try
        {
            var body = await ReadBodyAsync(context);
            switch (method, path)
            {
                case ("GET", "requests"):
                    await WriteJsonAsync(context, 200, _endpoint.Requests.Snapshot());
                    return;
                case ("DELETE", "requests"):
                    _endpoint.Requests.Clear();
                    break;
                case ("PUT", "faults"):
                    _endpoint.Faults.ReplaceWith(Read<FaultPlan>(body));
                    break;
                case ("DELETE", "faults"):
                    _endpoint.Faults.Clear();
                    break;
                case ("PUT", "latency"):
                    _endpoint.Latency = TimeSpan.FromMilliseconds(Read<LatencyBody>(body)?.Milliseconds ?? 0);
                    break;
                case ("POST", "tuning-jobs"):
                    var job = ReadTuningJob(body);
                    _endpoint.Data.Add(job);
                    await WriteJsonAsync(context, 201, new { name = job.Name, trainingJobs = job.TrainingJobs.Count });
                    return;
                case ("POST", "raw-response"):
                    _rawResponses.Enqueue(Read<RawResponse>(body) ?? throw new FormatException("A body is required."));
                    break;
                case ("DELETE", "raw-response"):
                    _rawResponses.Clear();
                    break;
                default:
                    await WriteJsonAsync(context, 404, new { error = $"No control operation {method} {Prefix}{path}." });
                    return;
            }

            context.Response.StatusCode = 204;
        }
        catch (Exception exception) when (exception is JsonException or FormatException or OverflowException)
        {
            await WriteJsonAsync(context, 400, new { error = exception.Message });
        }
    }

    private static T Read<T>(byte[] body) => body.Length == 0 ? default : JsonSerializer.Deserialize<T>(body, _jsonOptions);

    /// <summary>
    /// {"name": "...", "trainingJobs": [summaries in wire form], "objective": {"type": "...", "metricName": "..."}}, or
    /// {"name": "...", "generate": N} for N finished jobs with a minimized metric, shaped like resnet-sweep-big (the
    /// benchmark's large tuning jobs), or {"name": "...", "running": {"trainingJobs": N, "startEveryMs": S, "runMs": R,
    /// "failEvery": F}} for a tuning job that runs from now on (see <see cref="RunningSchedule.Plant"/>).
    /// </summary>
    private static SampleTuningJob ReadTuningJob(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || name.GetString().Length == 0)
        {
            throw new FormatException("A body {\"name\": \"...\", \"trainingJobs\": [...]} or {\"name\": \"...\", \"generate\": N} is required.");
        }

        if (root.TryGetProperty("generate", out var count))
        {
            return SampleData.Generate(name.GetString(), count.GetInt32(), seed: count.GetInt32(), objectiveType: "Minimize", finished: true);
        }

        if (root.TryGetProperty("running", out var running))
        {
            int Number(string member) => running.TryGetProperty(member, out var value) ? value.GetInt32() : throw new FormatException($"running.{member} is required.");
            return RunningSchedule.Plant(name.GetString(), Number("trainingJobs"), TimeSpan.FromMilliseconds(Number("startEveryMs")),
                TimeSpan.FromMilliseconds(Number("runMs")), Number("failEvery"), DateTimeOffset.UtcNow);
        }

        var jobs = root.TryGetProperty("trainingJobs", out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(WireJson.ReadTrainingJob).ToList()
            : throw new FormatException("trainingJobs must be an array.");
        var objective = root.TryGetProperty("objective", out var o) && o.ValueKind == JsonValueKind.Object ? o : default;
        string Text(string member) => objective.ValueKind == JsonValueKind.Object && objective.TryGetProperty(member, out var v) ? v.GetString() : null;
        return new SampleTuningJob { Name = name.GetString(), TrainingJobs = jobs, ObjectiveType = Text("type"), ObjectiveMetricName = Text("metricName") };
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    private static async Task WriteJsonAsync<T>(HttpContext context, int statusCode, T value)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, _jsonOptions);
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private sealed class LatencyBody
    {
        public int Milliseconds { get; set; }
    }
}
