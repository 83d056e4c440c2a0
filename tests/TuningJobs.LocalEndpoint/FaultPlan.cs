using System.Collections.Concurrent;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// Faults for reliability tests, replaced as a whole while the endpoint runs (in process through
/// <see cref="LocalSageMakerEndpoint.Faults"/>, out of process through PUT /__control/faults); each fault counts its
/// own attempts. When several apply to the same attempt the first in this order wins: errorFor, failPage,
/// resetMidBody, hang, stalledBody, endlessBody, oversizedPage, then throttleFirstAttempt, which overrides
/// serverErrorFirstAttempt.
/// </summary>
/// <param name="ErrorFor">Comes before the request is validated, as authorization does.</param>
/// <param name="Delay">Added on top of whatever answer follows.</param>
/// <param name="ThrottleFirstAttempt">The first attempt at every distinct page (operation, tuning job, NextToken) gets ThrottlingException.</param>
/// <param name="ServerErrorFirstAttempt">A 5xx status (0 = off) for the first attempt at every distinct page.</param>
public sealed record FaultPlan(
    ErrorFault ErrorFor = null, PageFailureFault FailPage = null, ResetFault ResetMidBody = null, HangFault Hang = null,
    StalledBodyFault StalledBody = null, EndlessBodyFault EndlessBody = null, OversizedPageFault OversizedPage = null,
    PageDelayFault Delay = null, bool ThrottleFirstAttempt = false, int ServerErrorFirstAttempt = 0)
{
    private readonly ConcurrentDictionary<string, bool> _failedFirstAttempts = new();

    /// <summary>The fault that takes this attempt before validation, if any.</summary>
    internal ErrorFault DecideBeforeValidation() => ErrorFor?.TakeAttempt(null) == true ? ErrorFor : null;

    /// <summary>The fault that takes this attempt at a page, if any, with its name for the request log, and the delay before it.</summary>
    internal (PageFault Fault, string Name, int DelayMilliseconds) DecideForPage(string pageKey, int pageIndex)
    {
        var delay = Delay?.TakeAttempt(pageIndex) == true ? Delay.Milliseconds : 0;
        (PageFault Fault, string Name)[] pageFaults =
        [
            (FailPage, "failPage"), (ResetMidBody, "resetMidBody"), (Hang, "hang"),
            (StalledBody, "stalledBody"), (EndlessBody, "endlessBody"), (OversizedPage, "oversizedPage"),
        ];
        foreach (var (fault, name) in pageFaults)
        {
            if (fault?.TakeAttempt(pageIndex) == true)
            {
                return (fault, name, delay);
            }
        }

        if ((ThrottleFirstAttempt || ServerErrorFirstAttempt != 0) && _failedFirstAttempts.TryAdd(pageKey, true))
        {
            return ThrottleFirstAttempt
                ? (new PageFailureFault { StatusCode = 400, ErrorCode = "ThrottlingException" }, "throttle", delay)
                : (new PageFailureFault { StatusCode = ServerErrorFirstAttempt }, "serverError", delay);
        }

        return (null, delay > 0 ? "delay" : null, delay);
    }
}

/// <summary>A fault bound to one page of any listing, for a limited number of attempts.</summary>
public abstract class PageFault
{
    private int _used;

    /// <summary>0-based page within a listing: the NextToken offset divided by the request's effective MaxResults.</summary>
    public int PageIndex { get; init; }

    /// <summary>How many attempts at that page it takes; a large number means always. Default 1.</summary>
    public int Times { get; init; } = 1;

    /// <summary>Whether the fault takes this attempt at a page (at any page when null).</summary>
    internal bool TakeAttempt(int? pageIndex) => (pageIndex == null || pageIndex == PageIndex) && Interlocked.Increment(ref _used) <= Times;
}

/// <summary>Fails a page with a chosen status and error code.</summary>
public class PageFailureFault : PageFault
{
    public int StatusCode { get; init; } = 500;

    /// <summary>Defaults to InternalFailure (ServiceUnavailable for 503).</summary>
    public string ErrorCode { get; init; }

    public string Message { get; init; }

    internal ServiceError Error()
    {
        var (code, message) = StatusCode == 503
            ? ("ServiceUnavailable", "Service is unavailable. Please retry.")
            : ("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.");
        code = ErrorCode ?? code;
        return new ServiceError(StatusCode, code, Message ?? (code == "ThrottlingException" ? "Rate exceeded" : message));
    }
}

/// <summary>Answers the next requests, whatever page they ask for, with one error.</summary>
public sealed class ErrorFault : PageFailureFault;

/// <summary>Sends half the answer after its Content-Length, then resets the connection.</summary>
public sealed class ResetFault : PageFault;

/// <summary>Never answers, until the client gives up.</summary>
public sealed class HangFault : PageFault;

/// <summary>Sends a page's headers with its Content-Length, then its body one byte at a time, as a stalled proxy does.</summary>
public sealed class StalledBodyFault : PageFault
{
    /// <summary>Milliseconds between two bytes of the body; default 500.</summary>
    public int IntervalMilliseconds { get; init; } = 500;
}

/// <summary>A chunked 200 whose list of summaries never ends: written as the client reads, until it goes away (1 GiB at most).</summary>
public sealed class EndlessBodyFault : PageFault;

/// <summary>Answers a page with one summary more than the request's MaxResults (10 when it has none) allows.</summary>
public sealed class OversizedPageFault : PageFault;

/// <summary>Slows a page down, before whatever answer follows.</summary>
public sealed class PageDelayFault : PageFault
{
    public int Milliseconds { get; init; }
}
