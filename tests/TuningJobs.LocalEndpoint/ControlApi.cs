using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// Unsigned JSON API under /__control/ for callers in other processes (Pester, demo, benchmark): the request log,
/// faults, latency, planted tuning jobs and canned answers. It never reaches the SageMaker pipeline.
/// </summary>
internal sealed class ControlApi(LocalSageMakerEndpoint endpoint)
{
    public const string Prefix = "/__control/";

    private static readonly JsonSerializerOptions _jsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // A misspelt fault property silently doing nothing would make a reliability test pass for the wrong reason.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        // Errors read as written ('pageIndx', not \u0027pageIndx\u0027) where a failing test shows them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value.Substring(Prefix.Length).TrimEnd('/');
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var body = buffer.ToArray();
            switch (method, path)
            {
                case ("GET", "requests"):
                    await WriteJsonAsync(context, 200, endpoint.Requests.ToArray());
                    return;
                case ("DELETE", "requests"):
                    endpoint.Requests.Clear();
                    break;
                case ("PUT", "faults"):
                    endpoint.Faults = Read<FaultPlan>(body);
                    break;
                case ("DELETE", "faults"):
                    endpoint.Faults = new();
                    break;
                case ("PUT", "latency"):
                    endpoint.Latency = TimeSpan.FromMilliseconds(Read<Latency>(body).Milliseconds);
                    break;
                case ("POST", "tuning-jobs"):
                    endpoint.Data.Add(Read<PlantedTuningJob>(body).ToSample());
                    break;
                case ("POST", "raw-response"):
                    endpoint.EnqueueRawResponse(Read<RawResponse>(body));
                    break;
                case ("DELETE", "raw-response"):
                    endpoint.RawResponses.Clear();
                    break;
                default:
                    await WriteJsonAsync(context, 404, new { error = $"No control operation {method} {Prefix}{path}." });
                    return;
            }

            context.Response.StatusCode = 204;
        }
        catch (Exception exception) when (exception is JsonException or FormatException or ArgumentException)
        {
            await WriteJsonAsync(context, 400, new { error = exception.Message });
        }
    }

    private static T Read<T>(byte[] body) =>
        (body.Length == 0 ? default : JsonSerializer.Deserialize<T>(body, _jsonOptions)) ?? throw new FormatException("A body is required.");

    private static async Task WriteJsonAsync<T>(HttpContext context, int statusCode, T value)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, _jsonOptions);
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private sealed record Latency(int Milliseconds);

    /// <summary>
    /// {"name": "...", "trainingJobs": [summaries in wire form], "objective": {"type": "...", "metricName": "..."}}, or
    /// {"name": "...", "generate": N} for N finished jobs with a minimized metric, shaped like resnet-sweep-big (the
    /// benchmark's large tuning jobs), or {"name": "...", "running": {"trainingJobs": N, "startEveryMs": S, "runMs": R,
    /// "failEvery": F}} for a tuning job that runs from now on (see <see cref="RunningSchedule"/>).
    /// </summary>
    private sealed record PlantedTuningJob(string Name, JsonElement? TrainingJobs = null, Objective Objective = null, int? Generate = null, Running Running = null)
    {
        public SampleTuningJob ToSample()
        {
            if (Generate is { } count)
            {
                return SampleData.Generate(Name, count, seed: count, "Minimize", finished: true);
            }

            if (Running is { } running)
            {
                return new RunningSchedule(DateTimeOffset.UtcNow, running.TrainingJobs, TimeSpan.FromMilliseconds(running.StartEveryMs),
                    TimeSpan.FromMilliseconds(running.RunMs), running.FailEvery).Plant(Name);
            }

            var jobs = TrainingJobs?.Deserialize<List<SampleTrainingJob>>(WireJson.Options)
                ?? throw new FormatException("trainingJobs must be an array.");
            return new SampleTuningJob { Name = Name, TrainingJobs = jobs, ObjectiveType = Objective?.Type, ObjectiveMetricName = Objective?.MetricName };
        }
    }

    private sealed record Objective(string Type = null, string MetricName = null);

    private sealed record Running(int TrainingJobs, int StartEveryMs, int RunMs, int FailEvery);
}
