using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// The awsJson 1.1 wire form, read and written by System.Text.Json: members as the model spells them, timestamps as
/// epoch seconds, members without a value left out, members the model does not know passed over when reading.
/// </summary>
public static class WireJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Relaxed escaping sends most non-ASCII text as raw UTF-8 (as the service does) while characters outside
        // the BMP, such as emoji, still go out as \uD83D\uDE80 escapes; clients thus meet both spellings.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new EpochSeconds() },
    };

    public static byte[] Serialize(object value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>A summary of ListHyperParameterTuningJobs.</summary>
    public static object TuningJobSummary(SampleTuningJob job) =>
        TuningJobMembers(job, ("ResourceLimits", Limits(job)), ("Strategy", job.Strategy));

    /// <summary>The answer of DescribeHyperParameterTuningJob.</summary>
    public static object TuningJobDescription(SampleTuningJob job) => TuningJobMembers(job,
        ("HyperParameterTuningJobConfig", new
        {
            job.Strategy,
            HyperParameterTuningJobObjective = string.IsNullOrEmpty(job.ObjectiveMetricName)
                ? null
                : new { Type = job.ObjectiveType, MetricName = job.ObjectiveMetricName },
            ResourceLimits = Limits(job),
            // What the module does not read, as the service sends it.
            ParameterRanges = new { ContinuousParameterRanges = new[] { new { Name = "eta", MinValue = "0.01", MaxValue = "0.3" } } },
        }),
        ("BestTrainingJob", Best(job)),
        ("WarmStartConfig", job.WarmStartParents.Count == 0 ? null : new
        {
            ParentHyperParameterTuningJobs = job.WarmStartParents.Select(parent => new { HyperParameterTuningJobName = parent }),
            WarmStartType = "IdenticalDataAndAlgorithm",
        }),
        ("FailureReason", job.FailureReason),
        ("TuningJobCompletionDetails", new { NumberOfTrainingJobsObjectiveNotImproving = job.TrainingJobs.Count / 4 }),
        ("ConsumedResources", job.EndTime is { } end ? new { RuntimeInSeconds = (int)(end - job.CreationTime).TotalSeconds } : null));

    /// <summary>
    /// The members a summary and a describe answer share, the counters computed from the training jobs, then the
    /// answer's own; members without a value are left out, as the service does.
    /// </summary>
    private static Dictionary<string, object> TuningJobMembers(SampleTuningJob job, params (string Name, object Value)[] own)
    {
        int Count(Func<SampleTrainingJob, bool> predicate) => job.TrainingJobs.Count(predicate);
        (string Name, object Value)[] shared =
        [
            ("CreationTime", job.CreationTime),
            ("HyperParameterTuningEndTime", job.EndTime),
            ("HyperParameterTuningJobArn", job.Arn),
            ("HyperParameterTuningJobName", job.Name),
            ("HyperParameterTuningJobStatus", job.Status),
            ("LastModifiedTime", job.LastModifiedTime),
            ("ObjectiveStatusCounters", new
            {
                Failed = Count(j => j.ObjectiveStatus == "Failed"),
                Pending = Count(j => j.ObjectiveStatus == "Pending"),
                Succeeded = Count(j => j.ObjectiveStatus == "Succeeded"),
            }),
            // The service counts failed training jobs as retryable or not; all failures here count as non-retryable.
            ("TrainingJobStatusCounters", new
            {
                Completed = Count(j => j.TrainingJobStatus == "Completed"),
                InProgress = Count(j => j.TrainingJobStatus is "InProgress" or "Stopping"),
                NonRetryableError = Count(j => j.TrainingJobStatus == "Failed"),
                RetryableError = 0,
                Stopped = Count(j => j.TrainingJobStatus == "Stopped"),
            }),
        ];
        return shared.Concat(own).Where(member => member.Value != null).ToDictionary(member => member.Name, member => member.Value);
    }

    private static object Limits(SampleTuningJob job) => new { job.MaxNumberOfTrainingJobs, job.MaxParallelTrainingJobs };

    /// <summary>The best job by the objective, as the service reports it; none without an objective direction.</summary>
    private static SampleTrainingJob Best(SampleTuningJob job)
    {
        var scored = job.TrainingJobs.Where(j => j.FinalHyperParameterTuningJobObjectiveMetric != null);
        return job.ObjectiveType switch
        {
            "Maximize" => scored.MaxBy(j => j.FinalHyperParameterTuningJobObjectiveMetric.Number),
            "Minimize" => scored.MinBy(j => j.FinalHyperParameterTuningJobObjectiveMetric.Number),
            _ => null,
        };
    }

    /// <summary>Epoch seconds, with exactly the milliseconds ("1732806245.123") that a double would not promise.</summary>
    private sealed class EpochSeconds : JsonConverter<DateTimeOffset>
    {
        // The largest time a DateTimeOffset holds, 9999-12-31T23:59:59Z.
        private const decimal MaxSeconds = 253_402_300_799m;

        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var seconds) && Math.Abs(seconds) <= MaxSeconds
                ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000m))
                : throw new JsonException("A timestamp must be epoch seconds, a number.");

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);
    }

    /// <summary>A JSON number kept as its text, so that a planted number a double cannot hold goes out as it came.</summary>
    public sealed class NumberText : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number
                ? Encoding.UTF8.GetString(reader.ValueSpan)
                : throw new JsonException("FinalHyperParameterTuningJobObjectiveMetric.Value must be a JSON number.");

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteRawValue(value);
    }
}
