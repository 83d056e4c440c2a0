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
    public static object TuningJobSummary(SampleTuningJob job) => new TuningJobSummaryMembers(job);

    /// <summary>The answer of DescribeHyperParameterTuningJob.</summary>
    public static object TuningJobDescription(SampleTuningJob job) => new TuningJobDescriptionMembers(job);

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

    /// <summary>The members a summary and a describe answer share, the counters computed from the training jobs.</summary>
    private class TuningJobMembers(SampleTuningJob job)
    {
        protected SampleTuningJob Job => job;

        public DateTimeOffset CreationTime => job.CreationTime;

        public DateTimeOffset? HyperParameterTuningEndTime => job.EndTime;

        public string HyperParameterTuningJobArn => job.Arn;

        public string HyperParameterTuningJobName => job.Name;

        public string HyperParameterTuningJobStatus => job.Status;

        public DateTimeOffset? LastModifiedTime => job.LastModifiedTime;

        public object ObjectiveStatusCounters => new
        {
            Failed = Count(j => j.ObjectiveStatus == "Failed"),
            Pending = Count(j => j.ObjectiveStatus == "Pending"),
            Succeeded = Count(j => j.ObjectiveStatus == "Succeeded"),
        };

        // The service counts failed training jobs as retryable or not; all failures here count as non-retryable.
        public object TrainingJobStatusCounters => new
        {
            Completed = Count(j => j.TrainingJobStatus == "Completed"),
            InProgress = Count(j => j.TrainingJobStatus is "InProgress" or "Stopping"),
            NonRetryableError = Count(j => j.TrainingJobStatus == "Failed"),
            RetryableError = 0,
            Stopped = Count(j => j.TrainingJobStatus == "Stopped"),
        };

        protected object Limits => new { job.MaxNumberOfTrainingJobs, job.MaxParallelTrainingJobs };

        private int Count(Func<SampleTrainingJob, bool> predicate) => job.TrainingJobs.Count(predicate);
    }

    private sealed class TuningJobSummaryMembers(SampleTuningJob job) : TuningJobMembers(job)
    {
        public object ResourceLimits => Limits;

        public string Strategy => Job.Strategy;
    }

    private sealed class TuningJobDescriptionMembers(SampleTuningJob job) : TuningJobMembers(job)
    {
        public object HyperParameterTuningJobConfig => new
        {
            Job.Strategy,
            HyperParameterTuningJobObjective = string.IsNullOrEmpty(Job.ObjectiveMetricName) ? null : new { Type = Job.ObjectiveType, MetricName = Job.ObjectiveMetricName },
            ResourceLimits = Limits,
            // What the module does not read, as the service sends it.
            ParameterRanges = new { ContinuousParameterRanges = new[] { new { Name = "eta", MinValue = "0.01", MaxValue = "0.3" } } },
        };

        public SampleTrainingJob BestTrainingJob => Best(Job);

        public object WarmStartConfig => Job.WarmStartParents.Count == 0 ? null : new
        {
            ParentHyperParameterTuningJobs = Job.WarmStartParents.Select(parent => new { HyperParameterTuningJobName = parent }),
            WarmStartType = "IdenticalDataAndAlgorithm",
        };

        public string FailureReason => Job.FailureReason;

        public object TuningJobCompletionDetails => new { NumberOfTrainingJobsObjectiveNotImproving = Job.TrainingJobs.Count / 4 };

        public object ConsumedResources => Job.EndTime is { } end ? new { RuntimeInSeconds = (int)(end - Job.CreationTime).TotalSeconds } : null;

        // The best job by the objective, as the service reports it; none without an objective direction.
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
    }
}
