using System.Collections.Concurrent;
using System.Globalization;

namespace TuningJobs.LocalEndpoint;

/// <summary>The objective metric a training job reported at its end; a null Type leaves the member out of the answer.</summary>
public sealed record SampleObjectiveMetric(string MetricName, string Type, double Value);

/// <summary>One HyperParameterTrainingJobSummary as the service stores it: its properties are the wire members, sent as they are.</summary>
public sealed record SampleTrainingJob
{
    public DateTimeOffset CreationTime { get; init; } = SampleData.BaseTime;
    public string FailureReason { get; init; }
    public SampleObjectiveMetric FinalHyperParameterTuningJobObjectiveMetric { get; init; }
    public string ObjectiveStatus { get; init; }
    public DateTimeOffset? TrainingEndTime { get; init; }
    public string TrainingJobArn => SampleData.Arn("training-job", TrainingJobName);
    public string TrainingJobDefinitionName { get; init; }
    public string TrainingJobName { get; init; }
    public string TrainingJobStatus { get; init; } = "Completed";
    public DateTimeOffset? TrainingStartTime { get; init; }
    public IReadOnlyDictionary<string, string> TunedHyperParameters { get; init; } = new Dictionary<string, string>();
    public string TuningJobName { get; init; }
}

/// <summary>A hyperparameter tuning job and the training jobs it launched.</summary>
public sealed record SampleTuningJob
{
    public string Name { get; set; }
    public string Arn => SampleData.Arn("hyper-parameter-tuning-job", Name);
    public string Status { get; set; } = "Completed";
    public string Strategy { get; set; } = "Bayesian";
    public DateTimeOffset CreationTime { get; set; } = SampleData.BaseTime;
    public DateTimeOffset? EndTime { get; set; }
    public DateTimeOffset? LastModifiedTime { get; set; }
    public int MaxNumberOfTrainingJobs { get; set; } = 500;
    public int MaxParallelTrainingJobs { get; set; } = 10;

    /// <summary>Replaced as a whole, never changed in place, so that listings in flight see one consistent list.</summary>
    public IReadOnlyList<SampleTrainingJob> TrainingJobs { get; set; } = [];

    /// <summary>The objective a describe reports: Maximize or Minimize (null leaves Type out), and its metric (null leaves the objective out).</summary>
    public string ObjectiveType { get; set; }
    public string ObjectiveMetricName { get; set; }
    public IReadOnlyList<string> WarmStartParents { get; set; } = [];
    public string FailureReason { get; set; }

    /// <summary>When set, the tuning job runs: what the service reports follows the clock (see <see cref="At"/>).</summary>
    public RunningSchedule Schedule { get; set; }

    /// <summary>The tuning job as the service would report it at this moment: itself, unless it runs on a schedule.</summary>
    public SampleTuningJob At(DateTimeOffset now) => Schedule?.At(this, now) ?? this;
}

/// <summary>
/// A running tuning job from <see cref="StartedAt"/>: <see cref="Count"/> training jobs, one started every
/// <see cref="StartEvery"/>, each running for <see cref="Run"/>; every <see cref="FailEvery"/>-th fails, the others
/// complete with a maximized metric. A test watches them change status over HTTP within seconds.
/// </summary>
public sealed record RunningSchedule(DateTimeOffset StartedAt, int Count, TimeSpan StartEvery, TimeSpan Run, int FailEvery)
{
    public SampleTuningJob Plant(string name) =>
        new() { Name = name, ObjectiveType = "Maximize", ObjectiveMetricName = "validation:auc", Schedule = this };

    /// <summary>The tuning job at <paramref name="now"/>: the training jobs started by then, each running or ended.</summary>
    internal SampleTuningJob At(SampleTuningJob job, DateTimeOffset now)
    {
        var started = Enumerable.Range(1, Count).Select(i => TrainingJob(job.Name, i, now)).OfType<SampleTrainingJob>().ToList();
        var lastEvent = started.Select(j => j.TrainingEndTime ?? j.CreationTime).DefaultIfEmpty(StartedAt).Max();
        var ended = started.Count == Count && started.All(j => j.TrainingEndTime != null);
        return job with
        {
            Status = ended ? "Completed" : "InProgress",
            CreationTime = StartedAt,
            EndTime = ended ? lastEvent : null,
            LastModifiedTime = lastEvent,
            MaxNumberOfTrainingJobs = Count,
            TrainingJobs = started,
            Schedule = null,
        };
    }

    /// <summary>The <paramref name="i"/>-th training job as it is at <paramref name="now"/>; null before it starts.</summary>
    private SampleTrainingJob TrainingJob(string name, int i, DateTimeOffset now)
    {
        var start = StartedAt + (StartEvery * (i - 1));
        var ended = start + Run <= now;
        var failed = FailEvery > 0 && i % FailEvery == 0;
        return start > now ? null : new SampleTrainingJob
        {
            TrainingJobName = $"{name}-{i:D3}",
            TuningJobName = name,
            CreationTime = start,
            TrainingStartTime = start,
            TrainingEndTime = ended ? start + Run : null,
            TrainingJobStatus = !ended ? "InProgress" : failed ? "Failed" : "Completed",
            ObjectiveStatus = !ended ? "Pending" : failed ? "Failed" : "Succeeded",
            FailureReason = ended && failed ? "AlgorithmError: the run diverged" : null,
            FinalHyperParameterTuningJobObjectiveMetric = ended && !failed ? new("validation:auc", "Maximize", 0.5 + (i / (double)(Count * 2))) : null,
            TunedHyperParameters = new Dictionary<string, string> { ["eta"] = (0.01 * i).ToString("0.00", CultureInfo.InvariantCulture) },
        };
    }
}

/// <summary>
/// The tuning jobs an endpoint serves. Thread-safe for whole-job replacement, which is how the control API
/// plants data while listings run.
/// </summary>
public sealed class SampleData
{
    public static readonly DateTimeOffset BaseTime = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] _failureReasons =
    [
        "AlgorithmError: framework error: XGBoostError: [09:14:07] src/learner.cc:1037: Check failed: mparam_.num_feature != 0 (0 vs. 0) : 0 feature is supplied.",
        "ClientError: Please ensure the data channel 'train' has data.",
        "InternalServerError: We encountered an internal error. Please try again.",
        "CapacityError: Unable to provision requested ML compute capacity. Please retry using a different ML instance type.",
    ];

    // A generated job's status by its index i: the first row with i % Every == At, else Completed.
    private static readonly (int Every, int At, string Status)[] _mixedStatuses =
        [(10, 3, "Failed"), (14, 7, "Stopped"), (21, 11, "InProgress"), (40, 20, "Stopping")];

    private static readonly (int Every, int At, string Status)[] _finishedStatuses = [(50, 25, "Failed"), (45, 40, "Stopped")];

    private readonly ConcurrentDictionary<string, SampleTuningJob> _jobs = new(StringComparer.Ordinal);

    /// <summary>Every tuning job as the service would report it at <paramref name="now"/>.</summary>
    public IEnumerable<SampleTuningJob> TuningJobs(DateTimeOffset now) => _jobs.Values.Select(j => j.At(now));

    /// <summary>
    /// The default data set: xgb-churn-0412 (42 jobs, Maximize validation:auc), resnet-sweep-big (350 jobs,
    /// Minimize validation:loss), empty-tuning (0 jobs) and unicode-tuning (hostile text). Built fresh on each
    /// call so one endpoint's planted data never leaks into another's.
    /// </summary>
    public static SampleData Default()
    {
        var resnet = Generate("resnet-sweep-big", 350, seed: 350, "Minimize", finished: true);
        var resnetEnd = resnet.TrainingJobs.Max(j => j.TrainingEndTime ?? j.CreationTime).AddMinutes(2);
        var emptyEnd = BaseTime.AddHours(-1).AddMinutes(1).AddMilliseconds(17);
        var data = new SampleData();
        data.Add(Generate("xgb-churn-0412", 42, seed: 412, "Maximize") with { MaxNumberOfTrainingJobs = 50, MaxParallelTrainingJobs = 4 });
        data.Add(resnet with
        {
            Strategy = "Random",
            CreationTime = BaseTime.AddDays(-3),
            EndTime = resnetEnd,
            LastModifiedTime = resnetEnd,
            MaxParallelTrainingJobs = 20,
        });
        data.Add(new SampleTuningJob
        {
            Name = "empty-tuning",
            Status = "Failed",
            Strategy = "Hyperband",
            CreationTime = BaseTime.AddHours(-1).AddMilliseconds(250),
            EndTime = emptyEnd,
            LastModifiedTime = emptyEnd,
            MaxNumberOfTrainingJobs = 10,
            MaxParallelTrainingJobs = 2,
        });
        data.Add(UnicodeTuning());
        return data;
    }

    public void Add(SampleTuningJob job)
    {
        ArgumentException.ThrowIfNullOrEmpty(job.Name);
        _jobs[job.Name] = job;
    }

    /// <summary>The tuning job as the service would report it now.</summary>
    public bool TryGet(string name, out SampleTuningJob job)
    {
        job = _jobs.TryGetValue(name, out var stored) ? stored.At(DateTimeOffset.UtcNow) : null;
        return job != null;
    }

    /// <summary>The ARN of a SageMaker resource of the endpoint's one account in us-east-1, e.g. "training-job/name".</summary>
    public static string Arn(string resource, string name) =>
        $"arn:aws:sagemaker:us-east-1:123456789012:{resource}/{name.ToLowerInvariant()}";

    /// <summary>
    /// Generates a tuning job with <paramref name="count"/> training jobs named "{name}-NNN-xxxxxxxx".
    /// Statuses follow a fixed pattern over the index (so every status shows up in small sets); values,
    /// name suffixes and times come from a seeded generator, so the same arguments give the same data.
    /// With <paramref name="finished"/> no job is InProgress or Stopping and only a few lack a metric.
    /// </summary>
    public static SampleTuningJob Generate(string name, int count, int seed, string objectiveType, bool finished = false)
    {
        var maximize = objectiveType == "Maximize";
        var metricName = maximize ? "validation:auc" : "validation:loss";
        var random = new Random(seed);

        // Each value is drawn in the same order for every job, so that a seed always gives the same data.
        SampleTrainingJob TrainingJob(int i)
        {
            var jobName = $"{name}-{i:D3}-{random.Next():x8}";
            var status = (finished ? _finishedStatuses : _mixedStatuses).FirstOrDefault(row => i % row.Every == row.At).Status ?? "Completed";

            // Jitter larger than the spacing, so CreationTime order differs from Name order.
            var created = BaseTime.AddMinutes(i * 3).AddSeconds(random.Next(0, 600)).AddMilliseconds(random.Next(1, 1000));
            var parameters = maximize ? XgbParameters(random) : ResnetParameters(random);
            var started = created.AddSeconds(random.Next(30, 120)).AddMilliseconds(random.Next(0, 1000));
            DateTimeOffset? ended = status is "Completed" or "Failed" or "Stopped"
                ? started.AddMinutes(random.Next(5, 60)).AddMilliseconds(random.Next(0, 1000))
                : null;
            var value = maximize ? 0.70 + (random.NextDouble() * 0.25) : 0.05 + (random.NextDouble() * 1.5);
            var objectiveFailed = !finished && status == "Completed" && i % 19 == 17;
            return new SampleTrainingJob
            {
                TrainingJobName = jobName,
                CreationTime = created,
                TrainingJobStatus = status,
                TunedHyperParameters = parameters,
                TrainingJobDefinitionName = maximize ? "xgb-def" : "resnet-def",
                TuningJobName = name,
                TrainingStartTime = started,
                TrainingEndTime = ended,
                ObjectiveStatus = status == "Failed" || objectiveFailed ? "Failed" : status is "InProgress" or "Stopping" ? "Pending" : "Succeeded",
                FailureReason = status == "Failed" ? _failureReasons[(i / 10) % _failureReasons.Length] : null,
                FinalHyperParameterTuningJobObjectiveMetric = status is "Completed" or "Stopped" && !objectiveFailed
                    ? new SampleObjectiveMetric(metricName, objectiveType, value)
                    : null,
            };
        }

        var jobs = Enumerable.Range(1, count).Select(TrainingJob).ToList();
        var created = BaseTime.AddMilliseconds(123);
        return new SampleTuningJob
        {
            Name = name,
            Status = finished ? "Completed" : "InProgress",
            CreationTime = created,
            LastModifiedTime = jobs.Select(j => j.TrainingEndTime ?? j.CreationTime).DefaultIfEmpty(created).Max(),
            MaxNumberOfTrainingJobs = Math.Max(count, 1),
            ObjectiveType = objectiveType,
            ObjectiveMetricName = metricName,
            TrainingJobs = jobs,
        };
    }

    private static Dictionary<string, string> XgbParameters(Random random) => new()
    {
        ["eta"] = Format(0.01 + (random.NextDouble() * 0.29)),
        ["max_depth"] = random.Next(3, 11).ToString(CultureInfo.InvariantCulture),
        ["min_child_weight"] = Format(1 + (random.NextDouble() * 9)),
        ["subsample"] = Format(0.5 + (random.NextDouble() * 0.5)),
    };

    private static Dictionary<string, string> ResnetParameters(Random random) => new()
    {
        ["learning_rate"] = Format(0.0001 + (random.NextDouble() * 0.05)),
        ["mini_batch_size"] = (16 << random.Next(0, 4)).ToString(CultureInfo.InvariantCulture),
        ["momentum"] = Format(0.8 + (random.NextDouble() * 0.19)),
        ["optimizer"] = random.Next(2) == 0 ? "sgd" : "adam",
    };

    private static string Format(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    /// <summary>Text that breaks naive clients: quotes, backslashes, control characters, CJK, Cyrillic, emoji.</summary>
    private static SampleTuningJob UnicodeTuning()
    {
        const string name = "unicode-tuning";
        var t = BaseTime.AddHours(2);

        SampleTrainingJob Job(int index, string status, string objectiveStatus, string failureReason, params (string Key, string Value)[] parameters) => new()
        {
            TrainingJobName = $"{name}-{index:D3}",
            CreationTime = t.AddMinutes(index * 3).AddMilliseconds(index * 111),
            TrainingJobStatus = status,
            TrainingStartTime = t.AddMinutes((index * 3) + 1).AddMilliseconds(index * 7),
            TrainingEndTime = status == "InProgress" ? null : t.AddMinutes(index * 10).AddMilliseconds(index * 321),
            ObjectiveStatus = objectiveStatus,
            FailureReason = failureReason,
            TunedHyperParameters = parameters.ToDictionary(p => p.Key, p => p.Value),
        };

        return new SampleTuningJob
        {
            Name = name,
            Status = "InProgress",
            Strategy = "Grid",
            CreationTime = t.AddMilliseconds(42),
            LastModifiedTime = t.AddMinutes(30).AddMilliseconds(963),
            MaxNumberOfTrainingJobs = 4,
            MaxParallelTrainingJobs = 4,
            TrainingJobs =
            [
                Job(1, "Failed", "Failed", "AlgorithmError: value \"eta\" must be < 1, got '1.5' in C:\\data\\train\\config.json\nsecond line\twith a tab 🚀",
                    ("eta", "\"1.5\""), ("path", "C:\\data\\train\\"), ("note", "line one\nline two\r\n\tindented"), ("learning rate", "0.01")),
                Job(2, "Completed", "Succeeded", null, ("description", "学習率の探索 🚀✨"), ("описание", "скорость обучения"),
                    ("emoji 🎯", "👩‍🔬"), ("json", "{\"nested\": [1, 2, \"three\"], \"slash\": \"a/b\\\\c\"}"), ("empty", string.Empty)) with
                {
                    FinalHyperParameterTuningJobObjectiveMetric = new("validation:accuracy", "Maximize", 1.2345678901234567E-05),
                },
                Job(3, "Stopped", "Failed", "Stopped by user «Андрей» – 停止しました", ("quote'single", "it's \"fine\""), ("tab\tkey", "\t")),
                Job(4, "InProgress", "Pending", null, ("batch", "64")),
            ],
        };
    }
}
