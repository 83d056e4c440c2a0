using System;

namespace TuningJobs.Aws.Http;

/// <summary>
/// An answer crossed a bound no real answer reaches (more summaries than were asked for, or more bytes than the
/// largest page the API allows). Reading stops there, so memory never grows past the bound; the module reports
/// it as InvalidResponse. A FormatException and not an IOException: it is the answer's fault, not the connection's.
/// </summary>
internal sealed class ResponseBoundException : FormatException
{
    /// <param name="what">What the answer did, as the end of "The answer from X ...", such as "held more than 10 summaries".</param>
    public ResponseBoundException(string what)
        : base(what)
    {
    }
}
