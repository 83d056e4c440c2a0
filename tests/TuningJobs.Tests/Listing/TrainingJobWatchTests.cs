using TuningJobs.Listing;
using TuningJobs.Tests.Commands;

namespace TuningJobs.Tests.Listing;

/// <summary>The watch over a scripted tuning job: what each poll asks and hands on, and when it ends.</summary>
public sealed class TrainingJobWatchTests
{
    /// <summary>The watch over the fake's running tuning job "tune", as the cmdlet builds it.</summary>
    private static TrainingJobWatch Watch(FakeSageMakerApi fake) => new(
        cancellation => fake.DescribeTuningJobAsync(null, "tune", cancellation).GetAwaiter().GetResult(),
        cancellation => fake.ListTrainingJobsAsync(null, new TrainingJobsRequest { HyperParameterTuningJobName = "tune" }, cancellation)
            .GetAwaiter().GetResult().Items,
        TimeSpan.Zero);

    /// <summary>Each job handed on, as poll:name=status.</summary>
    private static IEnumerable<string> Changes(IEnumerable<WatchPoll> polls) =>
        polls.SelectMany(poll => poll.Changed.Select(job => $"{poll.Number}:{job.TrainingJobName}={job.TrainingJobStatus}"));

    // A poll that sees no change in the tuning job's counters asks only the tuning job.
    [Fact]
    public void EachJobIsHandedOnWhenFirstSeenAndAtEachChangeUntilTheTuningJobEnds()
    {
        var fake = new FakeSageMakerApi(0)
            .ThenState("InProgress", 0, 1, ("a", "InProgress"))
            .ThenState("InProgress", 0, 1, ("a", "InProgress"))
            .ThenState("InProgress", 0, 2, ("a", "InProgress"), ("b", "InProgress"))
            .ThenState("InProgress", 1, 1, ("a", "Completed"), ("b", "InProgress"))
            .ThenState("Completed", 1, 0, ("a", "Completed"), ("b", "Failed"));
        var polls = Watch(fake).Polls(CancellationToken.None).ToList();
        Assert.Equal(new[] { "1:a=InProgress", "3:b=InProgress", "4:a=Completed", "5:b=Failed" }, Changes(polls));
        Assert.Equal(new[] { true, false, true, true, true }, polls.Select(p => p.Listed));
        Assert.Equal(5, fake.Described.Count);
        Assert.Equal(4, fake.Requests.Count);
    }

    [Theory]
    [InlineData("Stopped")]
    [InlineData("DeleteFailed")]
    public void ATuningJobThatHasEndedIsListedOnceAndTheWatchEnds(string status)
    {
        var fake = new FakeSageMakerApi(0).ThenState(status, 2, 0, ("a", "Completed"), ("b", "Stopped"));
        Assert.Equal(new[] { "1:a=Completed", "1:b=Stopped" }, Changes(Watch(fake).Polls(CancellationToken.None)));
        Assert.Equal((1, 1), (fake.Described.Count, fake.Requests.Count));
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
