using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace TuningJobs.Aws.Http;

/// <summary>
/// The body of one answer, read within its attempt's deadline and up to a number of bytes.
/// The SDK reads it synchronously; each read is the inner stream's ReadAsync with the attempt's token, so that when
/// the deadline passes or the caller cancels, .NET aborts the connection under a read in flight. The wait for a read
/// also ends on that token by itself, for a platform whose stream does not observe it (.NET Framework): then that
/// read is left to finish into a buffer of this stream's own, never into the caller's, and the SDK's disposal of the
/// answer closes it.
/// </summary>
internal sealed class BoundedAnswerStream : Stream
{
    private const int MaxChunk = 81920;

    private readonly Stream _inner;
    private readonly AttemptClock _clock;
    private readonly long _maxBytes;
    private readonly TaskCompletionSource<bool> _stopped = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _stopRegistration;
    private byte[] _scratch;
    private long _bytesRead;
    private bool _overBound;
    private bool _ended;
    private int _disposed;

    public BoundedAnswerStream(Stream inner, AttemptClock clock, long maxBytes)
    {
        _inner = inner;
        _clock = clock;
        _maxBytes = maxBytes;
        _stopRegistration = clock.Token.Register(state => ((TaskCompletionSource<bool>)state).TrySetResult(true), _stopped);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => throw new NotSupportedException();
    }

    // The SDK reads synchronously, on a pool thread of its own pipeline. On .NET (PowerShell 7) the wait here ends on the
    // stop signal itself, set by whoever cancels, not on a continuation that needs another pool thread: when the pool is
    // busy (the caller blocks one thread on the SDK's task, Ctrl+C another), a continuation could wait a second for the
    // pool to grow. .NET Framework queues even this wake-up to the pool, as it did the continuation before.
    public override int Read(byte[] buffer, int offset, int count)
    {
        if (!StartRead(buffer, offset, count, CancellationToken.None, out var read, out var scratch)) return 0;
        if (!read.IsCompleted && Task.WaitAny(read, _stopped.Task) != 0) throw Abandon(read, CancellationToken.None);
        return EndRead(read, scratch, buffer, offset, CancellationToken.None);
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (!StartRead(buffer, offset, count, cancellationToken, out var read, out var scratch)) return 0;
        using (cancellationToken.CanBeCanceled ? cancellationToken.Register(state => ((AttemptClock)state).Abandon(), _clock) : default(CancellationTokenRegistration))
        {
            if (!read.IsCompleted && await Task.WhenAny(read, _stopped.Task).ConfigureAwait(false) != read) throw Abandon(read, cancellationToken);
            return EndRead(read, scratch, buffer, offset, cancellationToken);
        }
    }

    /// <summary>Starts one read of the inner stream into this stream's scratch buffer; false when there is nothing to read.</summary>
    private bool StartRead(byte[] buffer, int offset, int count, CancellationToken cancellationToken, out Task<int> read, out byte[] scratch)
    {
        if (buffer == null) throw new ArgumentNullException(nameof(buffer));
        if (offset < 0 || count < 0 || offset > buffer.Length - count) throw new ArgumentOutOfRangeException(nameof(count));
        read = null;
        scratch = null;
        // A body read to its end stays read, whenever the reader asks again.
        if (_ended) return false;
        ThrowIfOver(cancellationToken);
        if (count == 0) return false;

        var chunk = Math.Min(count, MaxChunk);
        scratch = _scratch != null && _scratch.Length >= chunk ? _scratch : (_scratch = new byte[chunk]);
        read = _inner.ReadAsync(scratch, 0, chunk, _clock.Token);
        return true;
    }

    // The attempt ended before the read did: the read goes on into the scratch buffer, which this stream never uses again.
    private Exception Abandon(Task<int> read, CancellationToken cancellationToken)
    {
        _scratch = null;
        _ = read.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        return Stopped(cancellationToken);
    }

    /// <summary>Takes a finished read into the caller's buffer, within the byte bound.</summary>
    private int EndRead(Task<int> read, byte[] scratch, byte[] buffer, int offset, CancellationToken cancellationToken)
    {
        int got;
        try
        {
            got = read.GetAwaiter().GetResult();
        }
        catch (Exception) when (_clock.Token.IsCancellationRequested)
        {
            throw Stopped(cancellationToken);
        }

        if (got == 0) _ended = true;
        _bytesRead += got;
        if (_bytesRead > _maxBytes)
        {
            _overBound = true;
            throw OverBound();
        }
        Buffer.BlockCopy(scratch, 0, buffer, offset, got);
        return got;
    }

    private void ThrowIfOver(CancellationToken cancellationToken)
    {
        if (_overBound) throw OverBound();
        if (_clock.Token.IsCancellationRequested || cancellationToken.IsCancellationRequested) throw Stopped(cancellationToken);
    }

    // Why the attempt is over: its deadline, the caller's cancellation, or the answer was disposed.
    private Exception Stopped(CancellationToken cancellationToken)
    {
        if (_clock.IsExpired) return _clock.Expired();
        if (cancellationToken.IsCancellationRequested) return new OperationCanceledException(cancellationToken);
        return new OperationCanceledException("The answer was abandoned before it was read to its end.");
    }

    private ResponseBoundException OverBound() =>
        new ResponseBoundException($"was larger than {DescribeBytes(_maxBytes)}, more than any answer the API allows");

    private static string DescribeBytes(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MiB"
        : bytes >= 1024 && bytes % 1024 == 0 ? (bytes / 1024).ToString(CultureInfo.InvariantCulture) + " KiB"
        : bytes.ToString(CultureInfo.InvariantCulture) + " bytes";

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _clock.Abandon();
            _stopRegistration.Dispose();
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
