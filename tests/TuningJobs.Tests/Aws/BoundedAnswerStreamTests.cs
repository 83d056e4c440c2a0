using System.Diagnostics;
using TuningJobs.Aws.Http;

namespace TuningJobs.Tests.Aws;

/// <summary>The answer stream on its own: deadline, abandonment and byte bound, also over a stream that ignores cancellation.</summary>
public sealed class BoundedAnswerStreamTests
{
    /// <summary>A body whose reads never complete and ignore their token, as a .NET Framework response stream's may.</summary>
    private sealed class DeafStream : MemoryStream
    {
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            new TaskCompletionSource<int>().Task;
    }

    [Fact]
    public void AReadThatIgnoresItsTokenStillEndsAtTheDeadline()
    {
        using var clock = new AttemptClock(TimeSpan.FromMilliseconds(300), CancellationToken.None, 2, 3);
        using var stream = new BoundedAnswerStream(new DeafStream(), clock, 1024);

        var watch = Stopwatch.StartNew();
        var timeout = Assert.Throws<AttemptTimeoutException>(() => stream.Read(new byte[16], 0, 16));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
        Assert.Equal((2, 3), (timeout.Attempt, timeout.MaxAttempts));
        Assert.Null(timeout.InnerException);
        Assert.Throws<AttemptTimeoutException>(() => stream.Read(new byte[16], 0, 16));
    }

    [Fact]
    public async Task DisposingEndsAReadInFlightAsAbandoned()
    {
        using var clock = new AttemptClock(TimeSpan.FromMinutes(5), CancellationToken.None, 1, 3);
        var stream = new BoundedAnswerStream(new DeafStream(), clock, 1024);
        var reading = Task.Run(() => stream.Read(new byte[16], 0, 16));
        await Task.Delay(100);

        stream.Dispose();

        var stopped = await Assert.ThrowsAsync<OperationCanceledException>(() => reading.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.IsNotType<AttemptTimeoutException>(stopped);
    }

    [Fact]
    public void ABodyPastTheByteBoundFailsAtTheBound()
    {
        using var clock = new AttemptClock(TimeSpan.FromMinutes(5), CancellationToken.None, 1, 3);
        using var stream = new BoundedAnswerStream(new MemoryStream(new byte[10_000]), clock, 4096);
        var buffer = new byte[1000];
        long read = 0;

        var bound = Assert.Throws<ResponseBoundException>(() =>
        {
            int got;
            while ((got = stream.Read(buffer, 0, buffer.Length)) > 0) read += got;
        });

        Assert.Equal(4000, read);
        Assert.Contains("larger than 4 KiB", bound.Message);
        Assert.Throws<ResponseBoundException>(() => stream.Read(buffer, 0, buffer.Length));
    }

    [Fact]
    public void ABodyReadToItsEndStaysReadAfterTheDeadline()
    {
        using var clock = new AttemptClock(TimeSpan.FromMilliseconds(200), CancellationToken.None, 1, 3);
        using var stream = new BoundedAnswerStream(new MemoryStream(new byte[100]), clock, 4096);
        var buffer = new byte[1000];

        Assert.Equal(100, stream.Read(buffer, 0, buffer.Length));
        Assert.Equal(0, stream.Read(buffer, 0, buffer.Length));
        Thread.Sleep(400);
        Assert.Equal(0, stream.Read(buffer, 0, buffer.Length));
    }
}
