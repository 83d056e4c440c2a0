using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TuningJobs.Service;

namespace TuningJobs.Tests.Commands
{
    /// <summary>
    /// A fake of the boundary that sorts by the final metric as the service does, and can open a listing with an
    /// empty page that still has a NextToken (which the service is allowed to send).
    /// </summary>
    internal sealed class SortingFakeService : ITuningJobService, ITuningJobServiceProvider
    {
        private readonly List<HyperParameterTrainingJobSummary> _jobs;

        public SortingFakeService(string objectiveType, params double[] values)
        {
            _jobs = values.Select((value, i) => new HyperParameterTrainingJobSummary
            {
                TrainingJobName = $"job-{i:D3}",
                FinalHyperParameterTuningJobObjectiveMetric = new FinalHyperParameterTuningJobObjectiveMetric { MetricName = "m", Type = objectiveType, Value = value },
            }).ToList();
        }

        public bool EmptyFirstPage { get; set; }

        public List<TrainingJobPageRequest> Requests { get; } = new List<TrainingJobPageRequest>();

        public string Target => "fake";

        public ITuningJobService GetService(ServiceConnection connection) => this;

        public IReadOnlyList<string> KnownRegions() => Array.Empty<string>();

        public Task<IReadOnlyList<string>> ListTuningJobNamesAsync(string nameContains, int maxResults, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(Array.Empty<string>());

        public Task<TrainingJobPage> ListTrainingJobsAsync(TrainingJobPageRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            if (EmptyFirstPage && request.NextToken == null)
            {
                return Task.FromResult(new TrainingJobPage(Array.Empty<HyperParameterTrainingJobSummary>(), "0", "req-empty"));
            }
            IEnumerable<HyperParameterTrainingJobSummary> sorted = _jobs;
            if (request.SortBy == "FinalObjectiveMetricValue")
            {
                sorted = request.SortOrder == "Descending"
                    ? _jobs.OrderByDescending(j => j.FinalHyperParameterTuningJobObjectiveMetric.Value)
                    : _jobs.OrderBy(j => j.FinalHyperParameterTuningJobObjectiveMetric.Value);
            }
            var offset = request.NextToken == null ? 0 : int.Parse(request.NextToken);
            var size = request.MaxResults ?? 10;
            var page = sorted.Skip(offset).Take(size).ToList();
            var next = offset + size < _jobs.Count ? (offset + size).ToString() : null;
            return Task.FromResult(new TrainingJobPage(page, next, "req-" + Requests.Count));
        }
    }
}
