using System;
using System.Threading;

namespace TuningJobs.Aws.Http;

/// <summary>
/// The deadline of one HTTP attempt, started when the attempt is sent, and the token that ends the attempt: when the
/// deadline passes, when the caller cancels, or when the answer is abandoned (disposed).
/// </summary>
internal sealed class AttemptClock : IDisposable
{
    private readonly CancellationTokenSource _deadline;
    private readonly CancellationTokenSource _attempt;
    private readonly TimeSpan _timeout;
    private readonly int _attemptNumber;
    private readonly int _maxAttempts;

    public AttemptClock(TimeSpan timeout, CancellationToken callerToken, int attemptNumber, int maxAttempts)
    {
        _timeout = timeout;
        _attemptNumber = attemptNumber;
        _maxAttempts = maxAttempts;
        _deadline = new CancellationTokenSource(timeout);
        _attempt = CancellationTokenSource.CreateLinkedTokenSource(callerToken, _deadline.Token);
        // Kept, because a disposed source no longer hands out its token.
        Token = _attempt.Token;
    }

    /// <summary>Cancelled when the attempt is over for any reason.</summary>
    public CancellationToken Token { get; }

    public bool IsExpired => _deadline.IsCancellationRequested;

    public AttemptTimeoutException Expired() => new AttemptTimeoutException(_timeout, _attemptNumber, _maxAttempts);

    /// <summary>Ends the attempt now: a read in flight stops (and .NET aborts its connection).</summary>
    public void Abandon()
    {
        try
        {
            _attempt.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        _attempt.Dispose();
        _deadline.Dispose();
    }
}
