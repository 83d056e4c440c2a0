using System;
using System.Collections.Generic;

namespace TuningJobs;

/// <summary>
/// A hyperparameter tuning job, with the member names of the SageMaker API. A listing
/// (ListHyperParameterTuningJobs) fills what its summary has; describing (DescribeHyperParameterTuningJob) fills
/// every member. Statuses and strategies stay strings so that values the service adds later still come through.
/// </summary>
public sealed class HyperParameterTuningJob
{
    public string HyperParameterTuningJobName { get; set; }
    public string HyperParameterTuningJobArn { get; set; }
    public string HyperParameterTuningJobStatus { get; set; }
    public string Strategy { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreationTime { get; set; }

    /// <summary>UTC; null until the tuning job ends.</summary>
    public DateTime? HyperParameterTuningEndTime { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? LastModifiedTime { get; set; }

    public TrainingJobStatusCounters TrainingJobStatusCounters { get; set; } = new TrainingJobStatusCounters();
    public ObjectiveStatusCounters ObjectiveStatusCounters { get; set; } = new ObjectiveStatusCounters();
    public ResourceLimits ResourceLimits { get; set; }

    /// <summary>The objective the tuning job optimizes. Describing fills it; a listing's summary has none.</summary>
    public HyperParameterTuningJobObjective HyperParameterTuningJobObjective { get; set; }

    public HyperParameterTrainingJobSummary BestTrainingJob { get; set; }
    public HyperParameterTrainingJobSummary OverallBestTrainingJob { get; set; }
    public HyperParameterTuningJobWarmStartConfig WarmStartConfig { get; set; }
    public string FailureReason { get; set; }
    public HyperParameterTuningJobCompletionDetails TuningJobCompletionDetails { get; set; }
    public HyperParameterTuningJobConsumedResources ConsumedResources { get; set; }

    /// <summary>
    /// True when the tuning job will not change again: any status but InProgress, Stopping and Deleting (Completed,
    /// Failed, Stopped, DeleteFailed, and whatever final status the service adds later).
    /// </summary>
    public bool HasEnded =>
        HyperParameterTuningJobStatus != "InProgress" && HyperParameterTuningJobStatus != "Stopping" && HyperParameterTuningJobStatus != "Deleting";

    public override string ToString() => HyperParameterTuningJobName ?? string.Empty;
}

/// <summary>How many of a tuning job's training jobs are in each state.</summary>
public sealed class TrainingJobStatusCounters : IEquatable<TrainingJobStatusCounters>
{
    public int Completed { get; set; }
    public int InProgress { get; set; }
    public int RetryableError { get; set; }
    public int NonRetryableError { get; set; }
    public int Stopped { get; set; }

    public bool Equals(TrainingJobStatusCounters other) =>
        other != null && Completed == other.Completed && InProgress == other.InProgress && RetryableError == other.RetryableError
        && NonRetryableError == other.NonRetryableError && Stopped == other.Stopped;

    public override bool Equals(object obj) => Equals(obj as TrainingJobStatusCounters);

    public override int GetHashCode() => (Completed, InProgress, RetryableError, NonRetryableError, Stopped).GetHashCode();

    public override string ToString() =>
        $"{Completed} completed, {InProgress} in progress, {RetryableError + NonRetryableError} failed, {Stopped} stopped";
}

/// <summary>How many of a tuning job's training jobs have reported their objective, are pending, or failed to.</summary>
public sealed class ObjectiveStatusCounters : IEquatable<ObjectiveStatusCounters>
{
    public int Succeeded { get; set; }
    public int Pending { get; set; }
    public int Failed { get; set; }

    public bool Equals(ObjectiveStatusCounters other) =>
        other != null && Succeeded == other.Succeeded && Pending == other.Pending && Failed == other.Failed;

    public override bool Equals(object obj) => Equals(obj as ObjectiveStatusCounters);

    public override int GetHashCode() => (Succeeded, Pending, Failed).GetHashCode();

    public override string ToString() => $"{Succeeded} succeeded, {Pending} pending, {Failed} failed";
}

/// <summary>The limits the tuning job was started with.</summary>
public sealed class ResourceLimits
{
    public int? MaxNumberOfTrainingJobs { get; set; }
    public int MaxParallelTrainingJobs { get; set; }
    public int? MaxRuntimeInSeconds { get; set; }
}

/// <summary>The metric a tuning job optimizes, and which way.</summary>
public sealed class HyperParameterTuningJobObjective
{
    /// <summary>Maximize or Minimize.</summary>
    public string Type { get; set; }
    public string MetricName { get; set; }

    public override string ToString() => $"{Type} {MetricName}";
}

/// <summary>The tuning jobs a warm-started tuning job builds on.</summary>
public sealed class HyperParameterTuningJobWarmStartConfig
{
    public List<ParentHyperParameterTuningJob> ParentHyperParameterTuningJobs { get; set; } = new List<ParentHyperParameterTuningJob>();

    /// <summary>IdenticalDataAndAlgorithm or TransferLearning.</summary>
    public string WarmStartType { get; set; }
}

public sealed class ParentHyperParameterTuningJob
{
    public string HyperParameterTuningJobName { get; set; }

    public override string ToString() => HyperParameterTuningJobName ?? string.Empty;
}

public sealed class HyperParameterTuningJobCompletionDetails
{
    public int? NumberOfTrainingJobsObjectiveNotImproving { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? ConvergenceDetectedTime { get; set; }
}

public sealed class HyperParameterTuningJobConsumedResources
{
    public int? RuntimeInSeconds { get; set; }
}
