using System;
using System.Collections.Generic;
using System.Threading;
using TuningJobs.Errors;

namespace TuningJobs.Listing;

/// <summary>
/// Follows a tuning job until it ends. Each poll describes the tuning job; only when its status, counters or
/// LastModifiedTime moved does it list the training jobs, and it hands on each job the first time it is seen and
/// again each time its status changes. It ends after the poll that found the tuning job ended, whose listing
/// shows every training job in its final state, or when a tuning job that was being deleted is gone. Between polls it waits, and a cancelled token ends the wait at once.
/// </summary>
internal sealed class TrainingJobWatch
{
    private readonly Func<CancellationToken, HyperParameterTuningJob> _describe;
    private readonly Func<CancellationToken, IEnumerable<HyperParameterTrainingJobSummary>> _listTrainingJobs;
    private readonly TimeSpan _pollInterval;
    private readonly Dictionary<string, string> _statusByJob = new Dictionary<string, string>(StringComparer.Ordinal);

    public TrainingJobWatch(Func<CancellationToken, HyperParameterTuningJob> describe,
        Func<CancellationToken, IEnumerable<HyperParameterTrainingJobSummary>> listTrainingJobs, TimeSpan pollInterval)
    {
        _describe = describe;
        _listTrainingJobs = listTrainingJobs;
        _pollInterval = pollInterval;
    }

    public IEnumerable<WatchPoll> Polls(CancellationToken cancellationToken)
    {
        HyperParameterTuningJob before = null;
        for (var number = 1; ; number++)
        {
            if (number > 1 && cancellationToken.WaitHandle.WaitOne(_pollInterval))
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            HyperParameterTuningJob tuningJob;
            try
            {
                tuningJob = _describe(cancellationToken);
            }
            catch (TuningJobsException gone) when (gone.Kind == FailureKind.ResourceNotFound && before?.HyperParameterTuningJobStatus == "Deleting")
            {
                yield break;   // a tuning job being deleted ends by going away
            }
            var listed = before is null || Moved(before, tuningJob);
            var changed = listed ? Changes(cancellationToken) : new List<HyperParameterTrainingJobSummary>();
            before = tuningJob;
            yield return new WatchPoll(number, tuningJob, listed, changed);
            if (tuningJob.HasEnded) yield break;
        }
    }

    // What a describe shows of the training jobs: when none of it moved, no training job changed status.
    private static bool Moved(HyperParameterTuningJob before, HyperParameterTuningJob now) =>
        before.HyperParameterTuningJobStatus != now.HyperParameterTuningJobStatus
        || before.LastModifiedTime != now.LastModifiedTime
        || !Equals(before.TrainingJobStatusCounters, now.TrainingJobStatusCounters)
        || !Equals(before.ObjectiveStatusCounters, now.ObjectiveStatusCounters);

    private List<HyperParameterTrainingJobSummary> Changes(CancellationToken cancellationToken)
    {
        var changed = new List<HyperParameterTrainingJobSummary>();
        foreach (var job in _listTrainingJobs(cancellationToken))
        {
            var name = job.TrainingJobName ?? string.Empty;
            if (_statusByJob.TryGetValue(name, out var status) && status == job.TrainingJobStatus) continue;
            _statusByJob[name] = job.TrainingJobStatus;
            changed.Add(job);
        }
        return changed;
    }
}

/// <summary>One poll: the tuning job as described, whether the training jobs were listed, and the ones that are new or changed status.</summary>
internal sealed record WatchPoll(int Number, HyperParameterTuningJob TuningJob, bool Listed, IReadOnlyList<HyperParameterTrainingJobSummary> Changed);
