using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace TuningJobs.LocalEndpoint;

/// <summary>A fault bound to one page of any listing, for a limited number of attempts.</summary>
public class PageFault
{
    /// <summary>0-based page within a listing: the NextToken offset divided by the request's effective MaxResults.</summary>
    public int PageIndex { get; set; }

    /// <summary>How many attempts at that page fail; a large number means always. Default 1.</summary>
    public int Times { get; set; } = 1;

    [JsonIgnore]
    internal int Used { get; set; }
}

/// <summary>Fails a page with a chosen status and error code.</summary>
public sealed class PageFailureFault : PageFault
{
    public int StatusCode { get; set; } = 500;

    /// <summary>Defaults to InternalFailure (ServiceUnavailable for 503, ThrottlingException for 429).</summary>
    public string ErrorCode { get; set; }

    public string Message { get; set; }
}

/// <summary>Slows a page down; applies to every attempt unless <see cref="Times"/> is set.</summary>
public sealed class PageDelayFault
{
    public int PageIndex { get; set; }

    public int Milliseconds { get; set; }

    public int? Times { get; set; }

    [JsonIgnore]
    internal int Used { get; set; }
}

/// <summary>Sends a page's headers with its Content-Length, then its body one byte at a time, as a stalled proxy does.</summary>
public sealed class StalledBodyFault : PageFault
{
    /// <summary>Milliseconds between two bytes of the body; default 500.</summary>
    public int IntervalMilliseconds { get; set; } = 500;
}

/// <summary>Answers a page with more summaries than the request's MaxResults (10 when it has none) allows.</summary>
public sealed class OversizedPageFault : PageFault
{
    /// <summary>Summaries beyond the page size; default 1.</summary>
    public int ExtraSummaries { get; set; } = 1;
}

/// <summary>Answers the next requests, whatever page they ask for, with one error (AccessDeniedException, ExpiredTokenException...).</summary>
public sealed class ErrorFault
{
    public int StatusCode { get; set; } = 400;

    public string ErrorCode { get; set; } = "AccessDeniedException";

    public string Message { get; set; }

    /// <summary>Default 1; a large number means always.</summary>
    public int Times { get; set; } = 1;

    [JsonIgnore]
    internal int Used { get; set; }
}

internal enum FaultAction
{
    None,
    Error,
    Reset,
    Hang,
    StalledBody,
    EndlessBody,
    OversizedPage,
}

/// <summary>What to do with one attempt; <paramref name="Amount"/> is the fault's own number (drip interval, extra summaries).</summary>
internal readonly record struct FaultDecision(FaultAction Action, string Name, ServiceErrorException Error, int DelayMilliseconds, int Amount = 0);

/// <summary>
/// Faults for reliability tests, changeable while the endpoint runs (in process through the properties, out of
/// process through PUT /__control/faults). Each kind counts its own attempts; when several apply to the same
/// attempt the first in this order wins: errorFor, failPage, resetMidBody, hang, stalledBody, endlessBody,
/// oversizedPage, throttleFirstAttempt, serverErrorFirstAttempt. A delay is added on top of whatever answer follows.
/// </summary>
public sealed class FaultPlan
{
    private readonly object _gate = new();
    private readonly HashSet<string> _throttledPages = new();
    private readonly HashSet<string> _failedPages = new();
    private bool _throttleFirstAttempt;
    private int _serverErrorFirstAttempt;

    /// <summary>The first attempt at every distinct page (operation, tuning job, NextToken) gets ThrottlingException; setting it forgets the pages seen.</summary>
    public bool ThrottleFirstAttempt
    {
        get => _throttleFirstAttempt;
        set
        {
            lock (_gate)
            {
                _throttleFirstAttempt = value;
                _throttledPages.Clear();
            }
        }
    }

    /// <summary>A 5xx status (0 = off) for the first attempt at every distinct page; setting it forgets the pages seen.</summary>
    public int ServerErrorFirstAttempt
    {
        get => _serverErrorFirstAttempt;
        set
        {
            lock (_gate)
            {
                _serverErrorFirstAttempt = value;
                _failedPages.Clear();
            }
        }
    }

    public PageFailureFault FailPage { get; set; }

    public PageFault ResetMidBody { get; set; }

    public PageFault Hang { get; set; }

    /// <summary>Headers with a Content-Length, then the body one byte every <see cref="StalledBodyFault.IntervalMilliseconds"/>.</summary>
    public StalledBodyFault StalledBody { get; set; }

    /// <summary>A chunked 200 whose list of summaries never ends: written as the client reads, until it goes away (1 GiB at most).</summary>
    public PageFault EndlessBody { get; set; }

    /// <summary>A page with more summaries than the request asked for.</summary>
    public OversizedPageFault OversizedPage { get; set; }

    public PageDelayFault Delay { get; set; }

    public ErrorFault ErrorFor { get; set; }

    public void Clear() => ReplaceWith(new FaultPlan());

    /// <summary>Takes over the settings of a plan just read from JSON (its attempt counters are fresh).</summary>
    public void ReplaceWith(FaultPlan plan)
    {
        plan ??= new FaultPlan();
        lock (_gate)
        {
            ThrottleFirstAttempt = plan.ThrottleFirstAttempt;
            ServerErrorFirstAttempt = plan.ServerErrorFirstAttempt;
            FailPage = plan.FailPage;
            ResetMidBody = plan.ResetMidBody;
            Hang = plan.Hang;
            StalledBody = plan.StalledBody;
            EndlessBody = plan.EndlessBody;
            OversizedPage = plan.OversizedPage;
            Delay = plan.Delay;
            ErrorFor = plan.ErrorFor;
        }
    }

    /// <summary>Faults that do not depend on the page; checked before the request is validated, as authorization is.</summary>
    internal FaultDecision DecideBeforeValidation()
    {
        lock (_gate)
        {
            var fault = ErrorFor;
            if (fault != null && fault.Used < fault.Times)
            {
                fault.Used++;
                var message = fault.Message ?? (fault.ErrorCode == "ExpiredTokenException"
                    ? "The security token included in the request is expired"
                    : "User: arn:aws:iam::123456789012:user/local is not authorized to perform this action");
                return new FaultDecision(FaultAction.Error, "errorFor", new ServiceErrorException(fault.StatusCode, fault.ErrorCode ?? "AccessDeniedException", message), 0);
            }

            return default;
        }
    }

    internal FaultDecision DecideForPage(string pageKey, int pageIndex)
    {
        lock (_gate)
        {
            var delay = 0;
            if (Delay != null && Delay.PageIndex == pageIndex && (Delay.Times == null || Delay.Used < Delay.Times))
            {
                Delay.Used++;
                delay = Delay.Milliseconds;
            }

            if (Take(FailPage, pageIndex))
            {
                var status = FailPage.StatusCode;
                var code = FailPage.ErrorCode ?? (status == 429 ? "ThrottlingException" : status == 503 ? "ServiceUnavailable" : "InternalFailure");
                var message = FailPage.Message ?? (code == "ThrottlingException" ? "Rate exceeded" : ErrorResponses.ServerError(status).Message);
                return new FaultDecision(FaultAction.Error, "failPage", new ServiceErrorException(status, code, message), delay);
            }

            if (Take(ResetMidBody, pageIndex))
            {
                return new FaultDecision(FaultAction.Reset, "resetMidBody", null, delay);
            }

            if (Take(Hang, pageIndex))
            {
                return new FaultDecision(FaultAction.Hang, "hang", null, delay);
            }

            if (Take(StalledBody, pageIndex))
            {
                return new FaultDecision(FaultAction.StalledBody, "stalledBody", null, delay, StalledBody.IntervalMilliseconds);
            }

            if (Take(EndlessBody, pageIndex))
            {
                return new FaultDecision(FaultAction.EndlessBody, "endlessBody", null, delay);
            }

            if (Take(OversizedPage, pageIndex))
            {
                return new FaultDecision(FaultAction.OversizedPage, "oversizedPage", null, delay, OversizedPage.ExtraSummaries);
            }

            if (_throttleFirstAttempt && _throttledPages.Add(pageKey))
            {
                return new FaultDecision(FaultAction.Error, "throttle", ErrorResponses.Throttling(), delay);
            }

            if (_serverErrorFirstAttempt != 0 && _failedPages.Add(pageKey))
            {
                return new FaultDecision(FaultAction.Error, "serverError", ErrorResponses.ServerError(_serverErrorFirstAttempt), delay);
            }

            return new FaultDecision(FaultAction.None, delay > 0 ? "delay" : null, null, delay);
        }
    }

    private static bool Take(PageFault fault, int pageIndex)
    {
        if (fault == null || fault.PageIndex != pageIndex || fault.Used >= fault.Times)
        {
            return false;
        }

        fault.Used++;
        return true;
    }
}
