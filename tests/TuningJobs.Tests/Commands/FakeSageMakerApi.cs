using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TuningJobs.Api;
using Xunit;

namespace TuningJobs.Tests.Commands;

/// <summary>
/// A fake of the module's own boundary, for cmdlet unit tests: it serves a fixed list of jobs in pages of the size
/// asked for (sorted by the final metric when asked, as the service does), records every request, and can fail a
/// page, hold a page until the caller cancels, or open with an empty page that still has a NextToken.
/// </summary>
internal sealed class FakeSageMakerApi : ISageMakerApi
{
    private readonly IReadOnlyList<HyperParameterTrainingJobSummary> _jobs;

    public FakeSageMakerApi(int jobCount)
    {
        _jobs = Enumerable.Range(1, jobCount)
            .Select(i => new HyperParameterTrainingJobSummary { TrainingJobName = $"job-{i:D4}", TrainingJobStatus = "Completed" })
            .ToList();
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

    /// <summary>Null makes listing names fail.</summary>
    public string[] TuningJobNames { get; set; } = { "xgb-churn-0412", "xgb-churn-0413", "resnet-sweep-big" };

    /// <summary>When set, listing tuning job names waits this long (or until cancelled).</summary>
    public TimeSpan NameListingDelay { get; set; }

    /// <summary>When set, a call blocks this long before it starts, as resolving credentials can.</summary>
    public TimeSpan ConnectDelay { get; set; }

    public ConcurrentQueue<string> NameQueries { get; } = new();

    public IReadOnlyList<string> KnownRegions() => new[] { "eu-west-1", "us-east-1", "us-west-2" };

    public async Task<IReadOnlyList<string>> ListTuningJobNamesAsync(AwsConnection connection, string nameContains, int maxResults,
        CancellationToken cancellationToken)
    {
        if (ConnectDelay > TimeSpan.Zero) Thread.Sleep(ConnectDelay);
        NameQueries.Enqueue(nameContains);
        if (NameListingDelay > TimeSpan.Zero) await Task.Delay(NameListingDelay, cancellationToken);
        return TuningJobNames.Where(n => n.IndexOf(nameContains ?? string.Empty, StringComparison.OrdinalIgnoreCase) >= 0).Take(maxResults).ToList();
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
        if (EmptyFirstPage && request.NextToken == null)
        {
            return new Page<HyperParameterTrainingJobSummary>(Array.Empty<HyperParameterTrainingJobSummary>(), "0", "req-empty");
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
        return new Page<HyperParameterTrainingJobSummary>(page, next, "req-" + Requests.Count);
    }
}

/// <summary>Tests that replace the process-wide engine run one at a time and put the real one back.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EngineSwap
{
    public const string Name = "Swaps the engine";

    internal static IDisposable Use(ISageMakerApi fake)
    {
        Loading.Engine.Api = fake;
        return new Restore();
    }

    private sealed class Restore : IDisposable
    {
        public void Dispose() => Loading.Engine.Api = null;
    }
}
