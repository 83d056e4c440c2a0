using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// Unsigned JSON API under /__control/ for callers in other processes (Pester, demo, benchmark): the request log,
/// faults, latency and planted tuning jobs. It never reaches the SageMaker pipeline.
/// </summary>
internal sealed class ControlApi(LocalSageMakerEndpoint endpoint)
{
    public const string Prefix = "/__control";

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
        var path = context.Request.Path.Value.Substring(Prefix.Length).Trim('/');
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
                default:
                    await WriteJsonAsync(context, 404, new { error = $"No control operation {method} {Prefix}/{path}." });
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

    private static Task WriteJsonAsync<T>(HttpContext context, int statusCode, T value)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(value, _jsonOptions, context.RequestAborted);
    }

    private sealed record Latency(int Milliseconds);

    /// <summary>
    /// {"name": "...", "generate": N} for N finished jobs with a minimized metric, shaped like resnet-sweep-big (the
    /// benchmark's large tuning jobs), or {"name": "...", "running": {"trainingJobs": N, "startEveryMs": S, "runMs": R,
    /// "failEvery": F}} for a tuning job that runs from now on (see <see cref="RunningSchedule"/>).
    /// </summary>
    private sealed record PlantedTuningJob(string Name, int? Generate = null, Running Running = null)
    {
        public SampleTuningJob ToSample() => (Generate, Running) switch
        {
            ({ } count, null) => SampleData.Generate(Name, count, seed: count, "Minimize", finished: true),
            (null, { } running) => new RunningSchedule(DateTimeOffset.UtcNow, running.TrainingJobs, TimeSpan.FromMilliseconds(running.StartEveryMs),
                TimeSpan.FromMilliseconds(running.RunMs), running.FailEvery).Plant(Name),
            _ => throw new FormatException("Give either generate or running."),
        };
    }

    private sealed record Running(int TrainingJobs, int StartEveryMs, int RunMs, int FailEvery);
}
