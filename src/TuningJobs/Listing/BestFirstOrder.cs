using System;
using System.Collections.Generic;
using TuningJobs.Api;

namespace TuningJobs.Listing;

/// <summary>
/// Best first, whatever the objective's direction: the service sorts by FinalObjectiveMetricValue, and the
/// objective's Type (Maximize or Minimize) says which way is best. The listing starts descending; a Minimize
/// objective starts it over ascending, so -Best -First 1 costs at most two requests.
/// </summary>
internal static class BestFirstOrder
{
    internal const string Minimize = "Minimize";

    public static TrainingJobsRequest Start(TrainingJobsRequest request) =>
        request.WithSort(ApiValues.FinalObjectiveMetricValue, ApiValues.Descending);

    /// <summary>The objective's Type as the first job of a page has it, or null when the page does not say.</summary>
    public static string ObjectiveTypeOf(IReadOnlyList<HyperParameterTrainingJobSummary> jobs) =>
        jobs.Count == 0 ? null : jobs[0].FinalHyperParameterTuningJobObjectiveMetric?.Type;

    /// <summary>The request to start over with when descending was the wrong way for this objective type, else null.</summary>
    public static TrainingJobsRequest Reconsider(TrainingJobsRequest descending, string objectiveType) =>
        string.Equals(objectiveType, Minimize, StringComparison.OrdinalIgnoreCase)
            ? descending.WithSort(ApiValues.FinalObjectiveMetricValue, ApiValues.Ascending)
            : null;
}
