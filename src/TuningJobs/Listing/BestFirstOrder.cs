using System;
using System.Collections.Generic;
using TuningJobs.Api;

namespace TuningJobs.Listing;

/// <summary>
/// Best first, whatever the objective's direction: the service sorts by FinalObjectiveMetricValue, and the
/// objective's Type (Maximize or Minimize) says which way is best. The listing starts descending; a Minimize
/// objective starts it over ascending, so the single best job costs at most two requests.
/// </summary>
internal static class BestFirstOrder
{
    public static TrainingJobsRequest Start(TrainingJobsRequest request) =>
        request.WithSort(ApiValues.FinalObjectiveMetricValue, ApiValues.Descending);

    /// <summary>The objective's Type as the jobs of a page have it, or null when none of them says.</summary>
    public static string ObjectiveTypeOf(IReadOnlyList<HyperParameterTrainingJobSummary> jobs)
    {
        foreach (var job in jobs)
        {
            var type = job.FinalHyperParameterTuningJobObjectiveMetric?.Type;
            if (!string.IsNullOrEmpty(type)) return type;
        }
        return null;
    }

    /// <summary>True for Maximize or Minimize, the two types that say which way is best.</summary>
    public static bool IsDirection(string objectiveType) =>
        string.Equals(objectiveType, ApiValues.Maximize, StringComparison.OrdinalIgnoreCase)
        || string.Equals(objectiveType, ApiValues.Minimize, StringComparison.OrdinalIgnoreCase);

    /// <summary>The request to start over with when descending was the wrong way for this objective type, else null.</summary>
    public static TrainingJobsRequest Reconsider(TrainingJobsRequest descending, string objectiveType) =>
        string.Equals(objectiveType, ApiValues.Minimize, StringComparison.OrdinalIgnoreCase)
            ? descending.WithSort(ApiValues.FinalObjectiveMetricValue, ApiValues.Ascending)
            : null;
}
