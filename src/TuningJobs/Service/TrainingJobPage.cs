using System.Collections.Generic;

namespace TuningJobs.Service
{
    /// <summary>One page of a listing, as the service answered it.</summary>
    internal sealed class TrainingJobPage
    {
        public TrainingJobPage(IReadOnlyList<HyperParameterTrainingJobSummary> jobs, string nextToken, string requestId)
        {
            Jobs = jobs ?? new HyperParameterTrainingJobSummary[0];
            NextToken = string.IsNullOrEmpty(nextToken) ? null : nextToken;
            RequestId = requestId;
        }

        public IReadOnlyList<HyperParameterTrainingJobSummary> Jobs { get; }

        /// <summary>Null when this was the last page.</summary>
        public string NextToken { get; }

        public string RequestId { get; }
    }
}
