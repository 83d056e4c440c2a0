using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TuningJobs.LocalEndpoint;

/// <summary>The wire form of the summaries: awsJson 1.1 member names, epoch-second timestamps, absent nulls.</summary>
public static class WireJson
{
    // Relaxed escaping sends most non-ASCII text as raw UTF-8 (as the service does) while characters outside
    // the BMP, such as emoji, still go out as \uD83D\uDE80 escapes; clients thus meet both spellings.
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteTimestamp(Utf8JsonWriter writer, string name, DateTimeOffset value)
    {
        // Decimal division keeps exactly the milliseconds ("1732806245.123"), which a double would not promise.
        writer.WriteNumber(name, value.ToUnixTimeMilliseconds() / 1000m);
    }

    /// <summary>Members the service leaves out when they have no value.</summary>
    public static void WriteOptional(Utf8JsonWriter writer, string name, string value)
    {
        if (value != null)
        {
            writer.WriteString(name, value);
        }
    }

    public static void WriteOptional(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value.HasValue)
        {
            WriteTimestamp(writer, name, value.Value);
        }
    }

    public static void WriteTrainingJob(Utf8JsonWriter writer, SampleTrainingJob job)
    {
        writer.WriteStartObject();
        WriteTimestamp(writer, "CreationTime", job.CreationTime);
        WriteOptional(writer, "FailureReason", job.FailureReason);

        var metric = job.FinalHyperParameterTuningJobObjectiveMetric;
        if (metric != null)
        {
            writer.WriteStartObject("FinalHyperParameterTuningJobObjectiveMetric");
            writer.WriteString("MetricName", metric.MetricName);
            if (metric.Type != null)
            {
                writer.WriteString("Type", metric.Type);
            }

            writer.WritePropertyName("Value");
            if (metric.ValueText != null)
            {
                writer.WriteRawValue(metric.ValueText);
            }
            else
            {
                // "R" gives the shortest text that parses back to the same double: all 17 digits when needed.
                writer.WriteRawValue(metric.Value.ToString("R", CultureInfo.InvariantCulture));
            }

            writer.WriteEndObject();
        }

        WriteOptional(writer, "ObjectiveStatus", job.ObjectiveStatus);

        WriteOptional(writer, "TrainingEndTime", job.TrainingEndTime);

        writer.WriteString("TrainingJobArn", job.TrainingJobArn);
        WriteOptional(writer, "TrainingJobDefinitionName", job.TrainingJobDefinitionName);

        writer.WriteString("TrainingJobName", job.TrainingJobName);
        writer.WriteString("TrainingJobStatus", job.TrainingJobStatus);
        WriteOptional(writer, "TrainingStartTime", job.TrainingStartTime);

        writer.WriteStartObject("TunedHyperParameters");
        foreach (var pair in job.TunedHyperParameters ?? new Dictionary<string, string>())
        {
            writer.WriteString(pair.Key, pair.Value);
        }

        writer.WriteEndObject();
        WriteOptional(writer, "TuningJobName", job.TuningJobName);

        writer.WriteEndObject();
    }

    public static void WriteTuningJobSummary(Utf8JsonWriter writer, SampleTuningJob job)
    {
        writer.WriteStartObject();
        WriteTuningJobMembers(writer, job);
        WriteResourceLimits(writer, job);
        writer.WriteString("Strategy", job.Strategy);
        writer.WriteEndObject();
    }

    public static void WriteResourceLimits(Utf8JsonWriter writer, SampleTuningJob job)
    {
        writer.WriteStartObject("ResourceLimits");
        writer.WriteNumber("MaxNumberOfTrainingJobs", job.MaxNumberOfTrainingJobs);
        writer.WriteNumber("MaxParallelTrainingJobs", job.MaxParallelTrainingJobs);
        writer.WriteEndObject();
    }

    /// <summary>The members a summary and a describe answer share, counters computed from the training jobs.</summary>
    public static void WriteTuningJobMembers(Utf8JsonWriter writer, SampleTuningJob job)
    {
        var jobs = job.TrainingJobs ?? Array.Empty<SampleTrainingJob>();
        int Count(Func<SampleTrainingJob, bool> predicate) => jobs.Count(predicate);

        WriteTimestamp(writer, "CreationTime", job.CreationTime);
        WriteOptional(writer, "HyperParameterTuningEndTime", job.EndTime);

        writer.WriteString("HyperParameterTuningJobArn", job.Arn);
        writer.WriteString("HyperParameterTuningJobName", job.Name);
        writer.WriteString("HyperParameterTuningJobStatus", job.Status);
        WriteOptional(writer, "LastModifiedTime", job.LastModifiedTime);

        writer.WriteStartObject("ObjectiveStatusCounters");
        writer.WriteNumber("Failed", Count(j => j.ObjectiveStatus == "Failed"));
        writer.WriteNumber("Pending", Count(j => j.ObjectiveStatus == "Pending"));
        writer.WriteNumber("Succeeded", Count(j => j.ObjectiveStatus == "Succeeded"));
        writer.WriteEndObject();

        // The service counts failed training jobs as retryable or not; all failures here count as non-retryable.
        writer.WriteStartObject("TrainingJobStatusCounters");
        writer.WriteNumber("Completed", Count(j => j.TrainingJobStatus == "Completed"));
        writer.WriteNumber("InProgress", Count(j => j.TrainingJobStatus is "InProgress" or "Stopping"));
        writer.WriteNumber("NonRetryableError", Count(j => j.TrainingJobStatus == "Failed"));
        writer.WriteNumber("RetryableError", 0);
        writer.WriteNumber("Stopped", Count(j => j.TrainingJobStatus == "Stopped"));
        writer.WriteEndObject();
    }

    /// <summary>Reads epoch seconds, a JSON number, as the wire has them.</summary>
    public static DateTimeOffset ReadTimestamp(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var seconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000m))
            : throw new FormatException(what + " must be epoch seconds (a number).");

    /// <summary>Reads a HyperParameterTrainingJobSummary in wire form; required members missing get plausible defaults.</summary>
    public static SampleTrainingJob ReadTrainingJob(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("Each training job must be a JSON object.");
        }

        string Text(string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
                ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw new FormatException(name + " must be a string.")
                : null;

        DateTimeOffset? Time(string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? ReadTimestamp(value, name) : null;

        var name = Text("TrainingJobName") ?? throw new FormatException("TrainingJobName is required.");
        var job = new SampleTrainingJob
        {
            TrainingJobName = name,
            TrainingJobArn = Text("TrainingJobArn") ?? SampleData.TrainingJobArn(name),
            CreationTime = Time("CreationTime") ?? SampleData.BaseTime,
            TrainingJobStatus = Text("TrainingJobStatus") ?? "Completed",
            FailureReason = Text("FailureReason"),
            ObjectiveStatus = Text("ObjectiveStatus"),
            TrainingStartTime = Time("TrainingStartTime"),
            TrainingEndTime = Time("TrainingEndTime"),
            TrainingJobDefinitionName = Text("TrainingJobDefinitionName"),
            TuningJobName = Text("TuningJobName"),
        };

        if (element.TryGetProperty("TunedHyperParameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in parameters.EnumerateObject())
            {
                job.TunedHyperParameters[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()
                    : property.Value.GetRawText();
            }
        }

        if (element.TryGetProperty("FinalHyperParameterTuningJobObjectiveMetric", out var metric) && metric.ValueKind == JsonValueKind.Object)
        {
            if (!metric.TryGetProperty("Value", out var value) || value.ValueKind != JsonValueKind.Number)
            {
                throw new FormatException("FinalHyperParameterTuningJobObjectiveMetric.Value must be a JSON number.");
            }

            var raw = value.GetRawText();
            job.FinalHyperParameterTuningJobObjectiveMetric = new SampleObjectiveMetric
            {
                MetricName = metric.TryGetProperty("MetricName", out var metricName) && metricName.ValueKind == JsonValueKind.String ? metricName.GetString() : "objective",
                Type = metric.TryGetProperty("Type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null,
                Value = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture),
                ValueText = raw,
            };
        }

        return job;
    }
}
