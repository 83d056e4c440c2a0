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

    /// <summary>
    /// A summary of ListHyperParameterTuningJobs, or the answer of DescribeHyperParameterTuningJob: the members both
    /// share, with the counters computed from the training jobs, then their own; members without a value are left
    /// out, as the service does.
    /// </summary>
    public static object TuningJob(SampleTuningJob job, bool describe)
    {
        int Count(Func<SampleTrainingJob, bool> predicate) => job.TrainingJobs.Count(predicate);
        var limits = new { job.MaxNumberOfTrainingJobs, job.MaxParallelTrainingJobs };
        return new
        {
            job.CreationTime,
            HyperParameterTuningEndTime = job.EndTime,
            HyperParameterTuningJobArn = job.Arn,
            HyperParameterTuningJobName = job.Name,
            HyperParameterTuningJobStatus = job.Status,
            job.LastModifiedTime,
            ObjectiveStatusCounters = new
            {
                Failed = Count(j => j.ObjectiveStatus == "Failed"),
                Pending = Count(j => j.ObjectiveStatus == "Pending"),
                Succeeded = Count(j => j.ObjectiveStatus == "Succeeded"),
            },
            // The service counts failed training jobs as retryable or not; all failures here count as non-retryable.
            TrainingJobStatusCounters = new
            {
                Completed = Count(j => j.TrainingJobStatus == "Completed"),
                InProgress = Count(j => j.TrainingJobStatus is "InProgress" or "Stopping"),
                NonRetryableError = Count(j => j.TrainingJobStatus == "Failed"),
                RetryableError = 0,
                Stopped = Count(j => j.TrainingJobStatus == "Stopped"),
            },
            ResourceLimits = describe ? null : limits,
            Strategy = describe ? null : job.Strategy,
            HyperParameterTuningJobConfig = !describe ? null : new
            {
                job.Strategy,
                HyperParameterTuningJobObjective = string.IsNullOrEmpty(job.ObjectiveMetricName)
                    ? null
                    : new { Type = job.ObjectiveType, MetricName = job.ObjectiveMetricName },
                ResourceLimits = limits,
                // What the module does not read, as the service sends it.
                ParameterRanges = new { ContinuousParameterRanges = new[] { new { Name = "eta", MinValue = "0.01", MaxValue = "0.3" } } },
            },
            BestTrainingJob = describe ? Best(job) : null,
            WarmStartConfig = !describe || job.WarmStartParents.Count == 0 ? null : new
            {
                ParentHyperParameterTuningJobs = job.WarmStartParents.Select(parent => new { HyperParameterTuningJobName = parent }),
                WarmStartType = "IdenticalDataAndAlgorithm",
            },
            FailureReason = describe ? job.FailureReason : null,
            TuningJobCompletionDetails = !describe ? null : new { NumberOfTrainingJobsObjectiveNotImproving = job.TrainingJobs.Count / 4 },
            ConsumedResources = describe && job.EndTime is { } end ? new { RuntimeInSeconds = (int)(end - job.CreationTime).TotalSeconds } : null,
        };
    }

    /// <summary>The best job by the objective, as the service reports it; none without an objective direction.</summary>
    private static SampleTrainingJob Best(SampleTuningJob job)
    {
        var scored = job.TrainingJobs.Where(j => j.FinalHyperParameterTuningJobObjectiveMetric != null);
        return job.ObjectiveType switch
        {
            "Maximize" => scored.MaxBy(j => j.FinalHyperParameterTuningJobObjectiveMetric.Value),
            "Minimize" => scored.MinBy(j => j.FinalHyperParameterTuningJobObjectiveMetric.Value),
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
}
