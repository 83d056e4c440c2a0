using System.Collections.Concurrent;

namespace TuningJobs.Tests.Commands;

/// <summary>
/// A fake of the module's own boundary, for cmdlet unit tests: it serves a fixed list of jobs in pages of the size
/// asked for (sorted by the final metric when asked, as the service does), records every request, and can fail a
/// page, hold a page until the caller cancels, or open with an empty page that still has a NextToken.
/// </summary>
internal sealed class FakeSageMakerApi : ISageMakerApi
{
    private readonly List<HyperParameterTrainingJobSummary> _jobs;

    /// <param name="tuningJobCount">When not 0, the account's tuning jobs are tune-001, tune-002… (every third Failed).</param>
    public FakeSageMakerApi(int jobCount, int tuningJobCount = 0)
    {
        _jobs = Enumerable.Range(1, jobCount)
            .Select(i => new HyperParameterTrainingJobSummary { TrainingJobName = $"job-{i:D4}", TrainingJobStatus = "Completed" })
            .ToList();
        if (tuningJobCount != 0)
        {
            TuningJobs = Enumerable.Range(1, tuningJobCount)
                .Select(i => new HyperParameterTuningJob { HyperParameterTuningJobName = $"tune-{i:D3}", HyperParameterTuningJobStatus = i % 3 == 0 ? "Failed" : "Completed" })
                .ToList();
        }
    }

    /// <summary>Jobs named job-000, job-001… with these final metric values, all of the given objective type.</summary>
    public FakeSageMakerApi(string objectiveType, params double[] values)
    {
        _jobs = values.Select((value, i) => new HyperParameterTrainingJobSummary
        {
            TrainingJobName = $"job-{i:D3}",
            FinalHyperParameterTuningJobObjectiveMetric = new FinalHyperParameterTuningJobObjectiveMetric { MetricName = "m", Type = objectiveType, Value = value },
        }).ToList();
    }

    public ConcurrentQueue<TrainingJobsRequest> Requests { get; } = new();

    /// <summary>The first page of a listing is empty and points on to the rest.</summary>
    public bool EmptyFirstPage { get; set; }

    /// <summary>When set, the request for this page number (1-based) waits until it is cancelled.</summary>
    public int? HangOnPage { get; set; }

    public TaskCompletionSource<bool> HangStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool HangWasCancelled { get; private set; }

    public Func<TrainingJobsRequest, Exception> Failure { get; set; }

    /// <summary>When set, the first page points on with this text instead of an offset, as a service may send any text.</summary>
    public string CraftedNextToken { get; set; }

    private int _craftedOffset;

    /// <summary>The account's tuning jobs, for ListHyperParameterTuningJobs and DescribeHyperParameterTuningJob; null makes both fail.</summary>
    public List<HyperParameterTuningJob> TuningJobs { get; set; } = new[] { "xgb-churn-0412", "xgb-churn-0413", "resnet-sweep-big" }
        .Select(name => new HyperParameterTuningJob { HyperParameterTuningJobName = name, HyperParameterTuningJobStatus = "Completed" }).ToList();

    /// <summary>When set, listing tuning jobs waits this long (or until cancelled).</summary>
    public TimeSpan TuningJobListingDelay { get; set; }

    /// <summary>When set, a call blocks this long before it starts, as resolving credentials can.</summary>
    public TimeSpan ConnectDelay { get; set; }

    public ConcurrentQueue<TuningJobsRequest> TuningJobRequests { get; } = new();

    public ConcurrentQueue<string> Described { get; } = new();

    public Func<string, Exception> DescribeFailure { get; set; }

    /// <summary>
    /// A running tuning job, state by state: each describe of <see cref="Running"/>'s name moves to the next state
    /// (staying at the last), and listing its training jobs shows the state described last.
    /// </summary>
    public List<(HyperParameterTuningJob TuningJob, HyperParameterTrainingJobSummary[] TrainingJobs)> Running { get; private set; }

    /// <summary>Adds a state of the running tuning job "tune": its status and counters (which set LastModifiedTime), and its training jobs.</summary>
    public FakeSageMakerApi ThenState(string status, int completed, int inProgress, params (string Name, string Status)[] jobs)
    {
        Running ??= [];
        Running.Add((new HyperParameterTuningJob
        {
            HyperParameterTuningJobName = "tune",
            HyperParameterTuningJobStatus = status,
            LastModifiedTime = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc).AddMinutes(completed * 10 + inProgress),
            TrainingJobStatusCounters = new TrainingJobStatusCounters { Completed = completed, InProgress = inProgress },
        }, jobs.Select(j => new HyperParameterTrainingJobSummary { TrainingJobName = j.Name, TrainingJobStatus = j.Status }).ToArray()));
        return this;
    }

    private int _runningState = -1;

    public void WarmUp() { }

    public IReadOnlyList<string> KnownRegions() => new[] { "eu-west-1", "us-east-1", "us-west-2" };

    public async Task<Page<HyperParameterTuningJob>> ListTuningJobsAsync(AwsConnection connection, TuningJobsRequest request,
        CancellationToken cancellationToken)
    {
        if (ConnectDelay > TimeSpan.Zero) Thread.Sleep(ConnectDelay);
        TuningJobRequests.Enqueue(request);
        if (TuningJobListingDelay > TimeSpan.Zero) await Task.Delay(TuningJobListingDelay, cancellationToken);
        var matching = TuningJobs
            .Where(j => j.HyperParameterTuningJobName.IndexOf(request.NameContains ?? string.Empty, StringComparison.OrdinalIgnoreCase) >= 0)
            .Where(j => request.StatusEquals == null || j.HyperParameterTuningJobStatus == request.StatusEquals)
            .ToList();
        var offset = request.NextToken == null ? 0 : int.Parse(request.NextToken);
        return Slice(matching, offset, request.MaxResults, "req-t" + TuningJobRequests.Count);
    }

    /// <summary>The page at this offset, pointing on with the next offset while jobs remain.</summary>
    private static Page<T> Slice<T>(IReadOnlyCollection<T> items, int offset, int? maxResults, string requestId,
        Func<int, string> token = null)
    {
        var size = maxResults ?? 10;
        var next = offset + size < items.Count ? (token ?? (o => o.ToString()))(offset + size) : null;
        return new Page<T>(items.Skip(offset).Take(size).ToList(), next, requestId);
    }

    public Task<HyperParameterTuningJob> DescribeTuningJobAsync(AwsConnection connection, string tuningJobName, CancellationToken cancellationToken)
    {
        Described.Enqueue(tuningJobName);
        var failure = DescribeFailure?.Invoke(tuningJobName);
        if (failure != null) throw failure;
        if (Running != null && Running[0].TuningJob.HyperParameterTuningJobName == tuningJobName)
        {
            _runningState = Math.Min(_runningState + 1, Running.Count - 1);
            return Task.FromResult(Running[_runningState].TuningJob);
        }
        var job = TuningJobs.FirstOrDefault(j => j.HyperParameterTuningJobName == tuningJobName);
        if (job is null) throw new TuningJobsException(FailureKind.ResourceNotFound, $"The tuning job '{tuningJobName}' was not found in fake.");
        return Task.FromResult(job);
    }

    public async Task<Page<HyperParameterTrainingJobSummary>> ListTrainingJobsAsync(AwsConnection connection, TrainingJobsRequest request,
        CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        var failure = Failure?.Invoke(request);
        if (failure != null) throw failure;
        if (HangOnPage == Requests.Count)
        {
            HangStarted.TrySetResult(true);
            using var cancelled = cancellationToken.Register(() => HangWasCancelled = true);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        if (EmptyFirstPage && request.NextToken == null)
        {
            return new Page<HyperParameterTrainingJobSummary>(Array.Empty<HyperParameterTrainingJobSummary>(), "0", "req-empty");
        }
        var jobs = Running != null && Running[0].TuningJob.HyperParameterTuningJobName == request.HyperParameterTuningJobName
            ? Running[Math.Max(0, _runningState)].TrainingJobs.Where(j => request.StatusEquals == null || j.TrainingJobStatus == request.StatusEquals).ToList()
            : _jobs;
        if (request.SortBy == "FinalObjectiveMetricValue")
        {
            jobs = (request.SortOrder == "Descending"
                ? jobs.OrderByDescending(j => j.FinalHyperParameterTuningJobObjectiveMetric.Value)
                : jobs.OrderBy(j => j.FinalHyperParameterTuningJobObjectiveMetric.Value)).ToList();
        }
        var offset = request.NextToken == null ? 0 : request.NextToken == CraftedNextToken ? _craftedOffset : int.Parse(request.NextToken);
        return Slice(jobs, offset, request.MaxResults, "req-" + Requests.Count, next =>
        {
            if (CraftedNextToken == null || offset != 0) return next.ToString();
            _craftedOffset = next;
            return CraftedNextToken;
        });
    }
}
