using System;

namespace TuningJobs;

/// <summary>
/// One training job launched by a hyperparameter tuning job, with the member names of the SageMaker API.
/// Statuses stay strings so that values the service adds later still come through.
/// </summary>
public sealed class HyperParameterTrainingJobSummary
{
    public string TrainingJobDefinitionName { get; set; }
    public string TrainingJobName { get; set; }
    public string TrainingJobArn { get; set; }
    public string TuningJobName { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreationTime { get; set; }

    /// <summary>UTC; null until the job starts.</summary>
    public DateTime? TrainingStartTime { get; set; }

    /// <summary>UTC; null while the job runs.</summary>
    public DateTime? TrainingEndTime { get; set; }

    public string TrainingJobStatus { get; set; }
    public string ObjectiveStatus { get; set; }
    public HyperParameters TunedHyperParameters { get; set; } = new HyperParameters();
    public string FailureReason { get; set; }
    public FinalHyperParameterTuningJobObjectiveMetric FinalHyperParameterTuningJobObjectiveMetric { get; set; }

    /// <summary>
    /// The final objective metric's value, or null when the job reported none: a plain number for the table
    /// view, Sort-Object and Export-Csv, where the metric object would show as text.
    /// </summary>
    public double? ObjectiveValue => FinalHyperParameterTuningJobObjectiveMetric?.Value;

    /// <summary>How long the job trained; null until it has both started and ended.</summary>
    public TimeSpan? TrainingTime =>
        TrainingStartTime.HasValue && TrainingEndTime.HasValue ? TrainingEndTime.Value - TrainingStartTime.Value : (TimeSpan?)null;

    public override string ToString() => TrainingJobName ?? string.Empty;
}
