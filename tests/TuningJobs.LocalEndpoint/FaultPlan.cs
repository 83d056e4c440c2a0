using System.Collections.Concurrent;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// Faults for reliability tests, and canned answers for reading tests, replaced as a whole while the endpoint runs (in
/// process through <see cref="LocalSageMakerEndpoint.Faults"/>, out of process through PUT /__control/faults); each
/// fault counts its own attempts. When several apply to the same attempt the first in this order wins: rawAnswer,
/// failPage, resetMidBody, hang, stalledBody, endlessBody, oversizedPage.
/// </summary>
/// <param name="RawAnswer">Comes before every check after authentication, so it takes no PageIndex.</param>
/// <param name="Delay">Added on top of whatever answer follows.</param>
public sealed record FaultPlan(
    RawAnswerFault RawAnswer = null, PageFailureFault FailPage = null, ResetFault ResetMidBody = null, HangFault Hang = null,
    StalledBodyFault StalledBody = null, EndlessBodyFault EndlessBody = null, OversizedPageFault OversizedPage = null,
    PageDelayFault Delay = null)
{
    /// <summary>The canned answer for this attempt, before its page is known, if any.</summary>
    internal RawAnswerFault DecideBeforeChecks(string pageKey) => RawAnswer?.TakeAttempt(pageKey, null) == true ? RawAnswer : null;

    /// <summary>The fault that takes this attempt at a page, if any, with its name for the request log, and the delay before it.</summary>
    internal (PageFault Fault, string Name, int DelayMilliseconds) DecideForPage(string pageKey, int pageIndex)
    {
        var delay = Delay?.TakeAttempt(pageKey, pageIndex) == true ? Delay.Milliseconds : 0;
        (PageFault Fault, string Name)[] pageFaults =
        [
            (FailPage, "failPage"), (ResetMidBody, "resetMidBody"), (Hang, "hang"),
            (StalledBody, "stalledBody"), (EndlessBody, "endlessBody"), (OversizedPage, "oversizedPage"),
        ];
        foreach (var (fault, name) in pageFaults)
        {
            if (fault?.TakeAttempt(pageKey, pageIndex) == true)
            {
                return (fault, name, delay);
            }
        }

        return (null, delay > 0 ? "delay" : null, delay);
    }
}

/// <summary>A fault bound to one page of any listing, or to every page, for a limited number of attempts.</summary>
public abstract class PageFault
{
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    /// <summary>0-based page within a listing: the NextToken offset divided by the request's effective MaxResults; null for every page.</summary>
    public int? PageIndex { get; init; }

    /// <summary>
    /// How many attempts it takes, at the page it names across listings, or without a PageIndex at each distinct page
    /// (operation, tuning job, NextToken) on its own; a large number means always. Default 1.
    /// </summary>
    public int Times { get; init; } = 1;

    /// <summary>Whether the fault takes this attempt at a page (whose index is null while unknown).</summary>
    internal bool TakeAttempt(string pageKey, int? pageIndex) =>
        (PageIndex == null || PageIndex == pageIndex) && _attempts.AddOrUpdate(PageIndex == null ? pageKey : "", 1, (_, used) => used + 1) <= Times;
}

/// <summary>Fails a page with a chosen status and error code (by default AWS's InternalFailure).</summary>
public sealed class PageFailureFault : PageFault
{
    public int StatusCode { get; init; } = 500;

    public string ErrorCode { get; init; } = "InternalFailure";

    public string Message { get; init; } = "The request processing has failed because of an unknown error, exception or failure.";

    internal ServiceError Error() => new(StatusCode, ErrorCode, Message);
}

/// <summary>
/// A 200 sent verbatim, for testing clients against malformed or unexpected answers (truncated JSON, wrong types,
/// HTML); a PageIndex keeps it from ever being sent.
/// </summary>
public sealed class RawAnswerFault : PageFault
{
    public string Body { get; init; } = string.Empty;

    public string ContentType { get; init; } = ServiceError.JsonContentType;
}

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
