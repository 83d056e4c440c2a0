using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TuningJobs.Service;

namespace TuningJobs.Tests.Commands
{
    /// <summary>
    /// A fake of the module's own boundary, for cmdlet unit tests: it serves a fixed list of jobs in pages of the
    /// size asked for, records every request, and can hold a page until the caller cancels.
    /// </summary>
    internal sealed class FakeTuningJobService : ITuningJobService, ITuningJobServiceProvider
    {
        private readonly IReadOnlyList<HyperParameterTrainingJobSummary> _jobs;

        public FakeTuningJobService(int jobCount)
        {
            _jobs = Enumerable.Range(1, jobCount)
                .Select(i => new HyperParameterTrainingJobSummary { TrainingJobName = $"job-{i:D4}", TrainingJobStatus = "Completed" })
                .ToList();
        }

        public ConcurrentQueue<TrainingJobPageRequest> Requests { get; } = new ConcurrentQueue<TrainingJobPageRequest>();

        /// <summary>When set, the request for this page number (1-based) waits until it is cancelled.</summary>
        public int? HangOnPage { get; set; }

        public TaskCompletionSource<bool> HangStarted { get; } = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool HangWasCancelled { get; private set; }

        public Func<TrainingJobPageRequest, Exception> Failure { get; set; }

        public string Target => "fake";

        public string[] TuningJobNames { get; set; } = { "xgb-churn-0412", "xgb-churn-0413", "resnet-sweep-big" };

        /// <summary>When set, listing tuning job names waits this long (or until cancelled).</summary>
        public TimeSpan NameListingDelay { get; set; }

        public ConcurrentQueue<string> NameQueries { get; } = new ConcurrentQueue<string>();

        public IReadOnlyList<string> KnownRegions() => new[] { "eu-west-1", "us-east-1", "us-west-2" };

        /// <summary>When set, getting the service itself takes this long, as resolving credentials can.</summary>
        public TimeSpan GetServiceDelay { get; set; }

        public async Task<IReadOnlyList<string>> ListTuningJobNamesAsync(string nameContains, int maxResults, CancellationToken cancellationToken)
        {
            NameQueries.Enqueue(nameContains);
            if (NameListingDelay > TimeSpan.Zero) await Task.Delay(NameListingDelay, cancellationToken);
            return TuningJobNames.Where(n => n.IndexOf(nameContains ?? string.Empty, StringComparison.OrdinalIgnoreCase) >= 0).Take(maxResults).ToList();
        }

        public ITuningJobService GetService(ServiceConnection connection)
        {
            if (GetServiceDelay > TimeSpan.Zero) Thread.Sleep(GetServiceDelay);
            return this;
        }

        public async Task<TrainingJobPage> ListTrainingJobsAsync(TrainingJobPageRequest request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request);
            var failure = Failure?.Invoke(request);
            if (failure != null) throw failure;
            if (HangOnPage == Requests.Count)
            {
                HangStarted.TrySetResult(true);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    HangWasCancelled = true;
                    throw;
                }
            }
            var offset = request.NextToken == null ? 0 : int.Parse(request.NextToken);
            var size = request.MaxResults ?? 10;
            var page = _jobs.Skip(offset).Take(size).ToList();
            var next = offset + size < _jobs.Count ? (offset + size).ToString() : null;
            return new TrainingJobPage(page, next, "req-" + Requests.Count);
        }
    }
}
