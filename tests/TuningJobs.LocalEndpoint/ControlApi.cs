using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// Unsigned JSON API under /__control/ so that tests in other processes (Pester, demo, benchmark) can read
/// the request log and change faults, latency, data and canned answers. It never reaches the SageMaker
/// pipeline, so it cannot be mistaken for an operation.
/// </summary>
internal sealed class ControlApi
{
    public const string Prefix = "/__control/";

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // A misspelt fault property silently doing nothing would make a reliability test pass for the wrong reason.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly LocalSageMakerEndpoint endpoint;
    private readonly RawResponseQueue rawResponses;

    public ControlApi(LocalSageMakerEndpoint endpoint, RawResponseQueue rawResponses)
    {
        this.endpoint = endpoint;
        this.rawResponses = rawResponses;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value.Substring(Prefix.Length).TrimEnd('/');
        try
        {
            switch (method, path)
            {
                case ("GET", "requests"):
                    await WriteJsonAsync(context, 200, endpoint.Requests.Snapshot());
                    return;
                case ("DELETE", "requests"):
                    endpoint.Requests.Clear();
                    context.Response.StatusCode = 204;
                    return;
                case ("GET", "faults"):
                    await WriteJsonAsync(context, 200, endpoint.Faults);
                    return;
                case ("PUT", "faults"):
                    endpoint.Faults.ReplaceWith(await ReadJsonAsync<FaultPlan>(context) ?? new FaultPlan());
                    context.Response.StatusCode = 204;
                    return;
                case ("DELETE", "faults"):
                    endpoint.Faults.Clear();
                    context.Response.StatusCode = 204;
                    return;
                case ("GET", "latency"):
                    await WriteJsonAsync(context, 200, new LatencyBody { Milliseconds = (int)endpoint.Latency.TotalMilliseconds });
                    return;
                case ("PUT", "latency"):
                    var latency = await ReadJsonAsync<LatencyBody>(context) ?? throw new FormatException("A body {\"milliseconds\": N} is required.");
                    endpoint.Latency = TimeSpan.FromMilliseconds(Math.Max(0, latency.Milliseconds));
                    context.Response.StatusCode = 204;
                    return;
                case ("POST", "tuning-jobs"):
                    var job = await ReadTuningJobAsync(context);
                    endpoint.Data.Add(job);
                    await WriteJsonAsync(context, 201, new { name = job.Name, trainingJobs = job.TrainingJobs.Count });
                    return;
                case ("POST", "raw-response"):
                    rawResponses.Enqueue(await ReadJsonAsync<RawResponse>(context) ?? throw new FormatException("A body is required."));
                    context.Response.StatusCode = 204;
                    return;
                case ("DELETE", "raw-response"):
                    rawResponses.Clear();
                    context.Response.StatusCode = 204;
                    return;
            }

            if (method == "DELETE" && path.StartsWith("tuning-jobs/", StringComparison.Ordinal))
            {
                context.Response.StatusCode = endpoint.Data.Remove(Uri.UnescapeDataString(path.Substring("tuning-jobs/".Length))) ? 204 : 404;
                return;
            }

            await WriteJsonAsync(context, 404, new { error = $"No control operation {method} {Prefix}{path}." });
        }
        catch (Exception exception) when (exception is JsonException or FormatException or OverflowException)
        {
            await WriteJsonAsync(context, 400, new { error = exception.Message });
        }
    }

    private static async Task<T> ReadJsonAsync<T>(HttpContext context)
    {
        var body = await ReadBodyAsync(context);
        return body.Length == 0 ? default : JsonSerializer.Deserialize<T>(body, JsonOptions);
    }

    /// <summary>{"name": "...", "trainingJobs": [wire summaries], optional "status", "strategy", "creationTime"}.</summary>
    private static async Task<SampleTuningJob> ReadTuningJobAsync(HttpContext context)
    {
        using var document = JsonDocument.Parse(await ReadBodyAsync(context));
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || name.GetString().Length == 0)
        {
            throw new FormatException("A body {\"name\": \"...\", \"trainingJobs\": [...]} is required.");
        }

        var jobs = new List<SampleTrainingJob>();
        if (root.TryGetProperty("trainingJobs", out var array))
        {
            if (array.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("trainingJobs must be an array.");
            }

            jobs.AddRange(array.EnumerateArray().Select(WireJson.ReadTrainingJob));
        }

        var job = new SampleTuningJob { Name = name.GetString(), TrainingJobs = jobs };
        if (root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String)
        {
            job.Status = status.GetString();
        }

        if (root.TryGetProperty("strategy", out var strategy) && strategy.ValueKind == JsonValueKind.String)
        {
            job.Strategy = strategy.GetString();
        }

        if (root.TryGetProperty("creationTime", out var created) && created.ValueKind != JsonValueKind.Null)
        {
            job.CreationTime = WireJson.ReadTimestamp(created, "creationTime");
        }

        return job;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    private static async Task WriteJsonAsync<T>(HttpContext context, int statusCode, T value)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, JsonOptions);
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
