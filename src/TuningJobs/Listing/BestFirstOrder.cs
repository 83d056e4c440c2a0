using System;
using TuningJobs.Service;
using TuningJobs.Validation;

namespace TuningJobs.Listing
{
    /// <summary>
    /// Best first, whatever the objective's direction: the service sorts by FinalObjectiveMetricValue, and the
    /// objective's Type on the first job it returns (Maximize or Minimize) says which way is best. The listing
    /// starts descending; a Minimize objective starts it over ascending, so -Best -First 1 costs at most two requests.
    /// </summary>
    internal static class BestFirstOrder
    {
        internal const string Minimize = "Minimize";

        public static TrainingJobPageRequest Start(TrainingJobPageRequest request) =>
            request.WithSort(ServiceValues.FinalObjectiveMetricValue, ServiceValues.Descending);

        /// <summary>The request to start over with when descending was the wrong way, else null.</summary>
        public static TrainingJobPageRequest Reconsider(TrainingJobPageRequest descending, TrainingJobPage firstPage)
        {
            if (firstPage.Jobs.Count == 0) return null;
            var type = firstPage.Jobs[0].FinalHyperParameterTuningJobObjectiveMetric?.Type;
            if (!string.Equals(type, Minimize, StringComparison.OrdinalIgnoreCase)) return null;
            return descending.WithSort(ServiceValues.FinalObjectiveMetricValue, ServiceValues.Ascending);
        }
    }
}
