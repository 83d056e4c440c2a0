using System;

namespace TuningJobs.Api;

/// <summary>
/// The values the service accepts, in its exact spelling. ValidateSet binds them case-insensitively;
/// <see cref="Canonical"/> turns what the user typed back into the spelling the service wants.
/// </summary>
internal static class ApiValues
{
    // The documented statuses plus Deleting, which the current service model adds.
    internal const string InProgress = "InProgress", Completed = "Completed", Failed = "Failed",
        Stopping = "Stopping", Stopped = "Stopped", Deleting = "Deleting";

    internal const string Name = "Name", CreationTime = "CreationTime", Status = "Status",
        FinalObjectiveMetricValue = "FinalObjectiveMetricValue";

    internal const string Ascending = "Ascending", Descending = "Descending";

    // A tuning job has the training jobs' statuses and one more.
    internal const string DeleteFailed = "DeleteFailed";

    internal const string Maximize = "Maximize", Minimize = "Minimize";

    internal static readonly string[] TrainingJobStatuses = { InProgress, Completed, Failed, Stopping, Stopped, Deleting };
    internal static readonly string[] SortByOptions = { Name, CreationTime, Status, FinalObjectiveMetricValue };
    internal static readonly string[] SortOrders = { Ascending, Descending };
    internal static readonly string[] TuningJobStatuses = { Completed, InProgress, Failed, Stopped, Stopping, Deleting, DeleteFailed };
    internal static readonly string[] TuningJobSortByOptions = { Name, Status, CreationTime };

    internal const string TuningJobNamePattern = @"^[a-zA-Z0-9](-*[a-zA-Z0-9])*\z";
    internal const string RegionPattern = @"^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*\z";

    internal static string Canonical(string value, string[] allowed)
    {
        if (value is null) return null;
        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase)) return candidate;
        }
        return value;
    }
}
