using System.Diagnostics;
using TuningJobs.Listing;

namespace TuningJobs.Tests.Listing;

/// <summary>The watch over a scripted tuning job: what each poll asks and hands on, and when it ends.</summary>
public sealed class TrainingJobWatchTests
{
    /// <summary>A tuning job whose state moves on at each describe; listing shows the state described last.</summary>
    private sealed class Script
    {
        private readonly List<(HyperParameterTuningJob TuningJob, HyperParameterTrainingJobSummary[] Jobs)> _states = new();
        private int _state = -1;

        public int Describes { get; private set; }
        public int Listings { get; private set; }

        public Script State(string status, int completed, int inProgress, params (string Name, string Status)[] jobs)
        {
            _states.Add((new HyperParameterTuningJob
            {
                HyperParameterTuningJobName = "tune",
                HyperParameterTuningJobStatus = status,
                LastModifiedTime = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc).AddMinutes(completed * 10 + inProgress),
                TrainingJobStatusCounters = new TrainingJobStatusCounters { Completed = completed, InProgress = inProgress },
            }, jobs.Select(j => new HyperParameterTrainingJobSummary { TrainingJobName = j.Name, TrainingJobStatus = j.Status }).ToArray()));
            return this;
        }

        public TrainingJobWatch Watch(TimeSpan interval) => new(
            _ =>
            {
                Describes++;
                _state = Math.Min(_state + 1, _states.Count - 1);
                return _states[_state].TuningJob;
            },
            _ =>
            {
                Listings++;
                return _states[_state].Jobs;
            },
            interval);
    }

    private static List<string> Run(Script script) =>
        script.Watch(TimeSpan.Zero).Polls(CancellationToken.None)
            .SelectMany(poll => poll.Changed.Select(job => $"{poll.Number}:{job.TrainingJobName}={job.TrainingJobStatus}"))
            .ToList();

    [Fact]
    public void EachJobIsHandedOnWhenFirstSeenAndAtEachChangeUntilTheTuningJobEnds()
    {
        var script = new Script()
            .State("InProgress", 0, 1, ("a", "InProgress"))
            .State("InProgress", 0, 2, ("a", "InProgress"), ("b", "InProgress"))
            .State("InProgress", 1, 1, ("a", "Completed"), ("b", "InProgress"))
            .State("Completed", 1, 0, ("a", "Completed"), ("b", "Failed"));
        Assert.Equal(new[] { "1:a=InProgress", "2:b=InProgress", "3:a=Completed", "4:b=Failed" }, Run(script));
        Assert.Equal(4, script.Describes);
    }

    [Fact]
    public void APollThatSeesNoChangeAsksOnlyTheTuningJob()
    {
        var script = new Script()
            .State("InProgress", 0, 1, ("a", "InProgress"))
            .State("InProgress", 0, 1, ("a", "InProgress"))
            .State("InProgress", 0, 1, ("a", "InProgress"))
            .State("Completed", 1, 0, ("a", "Completed"));
        var polls = script.Watch(TimeSpan.Zero).Polls(CancellationToken.None).ToList();
        Assert.Equal(new[] { true, false, false, true }, polls.Select(p => p.Listed));
        Assert.Equal(4, script.Describes);
        Assert.Equal(2, script.Listings);
    }

    [Fact]
    public void ATuningJobThatHasEndedIsListedOnceAndTheWatchEnds()
    {
        var script = new Script().State("Stopped", 2, 0, ("a", "Completed"), ("b", "Stopped"));
        Assert.Equal(new[] { "1:a=Completed", "1:b=Stopped" }, Run(script));
        Assert.Equal((1, 1), (script.Describes, script.Listings));
    }

    [Fact]
    public async Task CancellingTheWaitBetweenPollsEndsTheWatchAtOnce()
    {
        var script = new Script().State("InProgress", 0, 1, ("a", "InProgress"));
        using var cancellation = new CancellationTokenSource();
        var watching = Task.Run(() => script.Watch(TimeSpan.FromHours(1)).Polls(cancellation.Token).ToList());
        while (script.Describes == 0) await Task.Delay(10);
        var clock = Stopwatch.StartNew();
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watching.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the watch took {clock.Elapsed} to end");
    }

    [Fact]
    public void ATuningJobWhoseDeletionFailedHasEnded()
    {
        var script = new Script().State("DeleteFailed", 1, 0, ("a", "Completed"));
        Assert.Equal(new[] { "1:a=Completed" }, Run(script));
        Assert.Equal(1, script.Describes);
    }

    [Fact]
    public void ATuningJobBeingDeletedEndsTheWatchWhenItIsGone()
    {
        var polls = 0;
        var watch = new TrainingJobWatch(
            _ => ++polls == 1
                ? new HyperParameterTuningJob { HyperParameterTuningJobName = "tune", HyperParameterTuningJobStatus = "Deleting" }
                : throw new TuningJobsException(FailureKind.ResourceNotFound, "gone"),
            _ => Array.Empty<HyperParameterTrainingJobSummary>(),
            TimeSpan.Zero);
        Assert.Single(watch.Polls(CancellationToken.None));
        Assert.Equal(2, polls);
    }
}
