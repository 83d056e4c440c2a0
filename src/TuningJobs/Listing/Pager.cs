using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using TuningJobs.Api;
using TuningJobs.Errors;

namespace TuningJobs.Listing;

/// <summary>Asks the service for one page: from the given token (null for the first page), at most so many items.</summary>
internal delegate Task<Page<T>> PageSource<T>(string nextToken, int maxResults, CancellationToken cancellationToken);

/// <summary>
/// Walks the pages of one listing and yields each page as it arrives, with the part of it the caller should write:
/// the items to pass over (skip) and those past the most to take (first) are already taken away. It asks for no more
/// items than skip plus first still need, sends no request once they are met, and keeps plain facts of where it stands
/// (the token of the page not yet read, what skip and first still owe) so that a failure can say how to resume. It writes
/// nothing itself: the caller pulls pages and owns output, progress and errors.
/// </summary>
internal sealed class Pager<T>
{
    private readonly PageSource<T> _source;
    private readonly int _pageSize;

    /// <param name="count">What to pass over and the most to take; the pager counts every item it reads with it.</param>
    public Pager(PageSource<T> source, string startToken, int pageSize, SkipFirst count)
    {
        _source = source;
        _pageSize = pageSize;
        Count = count;
        PendingToken = startToken;
    }

    /// <summary>What was passed over and taken, and what is still owed.</summary>
    public SkipFirst Count { get; }

    /// <summary>The token of the page not yet read: the place to resume from. Null before a first page or after the last.</summary>
    public string PendingToken { get; private set; }

    /// <summary>Items handed to the caller to write so far.</summary>
    public long Taken => Count.Taken;

    /// <summary>Items read so far: passed over and taken.</summary>
    public long Read => Count.Skipped + Count.Taken;

    /// <summary>Pages read so far.</summary>
    public int PagesRead { get; private set; }

    /// <summary>True when the listing reached its last page.</summary>
    public bool Finished { get; private set; }

    /// <summary>Where the listing stands, for a failure's advice; the pending token only where it resumes this listing.</summary>
    public ResumePoint ResumePoint(long written, bool tokenResumes, string sortBy, string sortOrder) => new ResumePoint
    {
        Written = written,
        NextToken = tokenResumes ? PendingToken : null,
        SortBy = sortBy,
        SortOrder = sortOrder,
        SkipOwed = Count.SkipOwed,
        FirstOwed = Count.FirstGiven ? Count.FirstOwed : (ulong?)null,
    };

    /// <summary>
    /// When true, from the second page on the request for the next page goes out before a page is handed over, so
    /// that the service answers while the caller writes. Not with the first: a caller that took a whole page will
    /// most likely take the next, while one that stops within the first (a downstream Select-Object that keeps a few)
    /// must not cost a request. A caller that may still drop the listing after the page it is given (the best-first
    /// listing, until it knows its order; a pattern that stops at its last match) leaves it false until it knows.
    /// Past what skip and first still need nothing is asked either way, and a caller that stops early cancels the
    /// request in flight.
    /// </summary>
    public bool ReadAhead { get; set; }

    /// <summary>
    /// The pages, pulled one at a time. A failure surfaces from the enumeration, when the failed page is pulled, as the
    /// <see cref="TuningJobsException"/> the boundary threw, with this pager's facts still telling where it stood.
    /// </summary>
    public IEnumerable<PageRead<T>> Pages(CancellationToken cancellationToken)
    {
        using var dropped = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<Answer> next = null;
        try
        {
            while (!Count.Full && !Finished)
            {
                var answer = (next ?? Request(dropped.Token)).GetAwaiter().GetResult();
                next = null;
                var page = answer.Page;
                if (page.NextToken != null && page.NextToken == PendingToken)
                {
                    // A service that hands back the token it was given would make us loop for ever.
                    throw new TuningJobsException(FailureKind.InvalidResponse,
                        "The service returned the same NextToken it was sent, so the listing cannot advance.", requestId: page.RequestId);
                }

                PagesRead++;
                var wanted = Wanted(page.Items);
                PendingToken = page.NextToken;
                Finished = PendingToken == null;
                if (ReadAhead && PagesRead > 1 && !Count.Full && !Finished) next = Request(dropped.Token);
                yield return new PageRead<T>(PagesRead, page, wanted, answer.Milliseconds);
            }
        }
        finally
        {
            if (next != null)
            {
                dropped.Cancel();
                // Nobody will read the dropped page: take its failure (a cancellation, mostly) so it is not left unobserved.
                next.ContinueWith(task => task.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
            }
        }
    }

    // The request for the page at PendingToken, sized by what skip and first still need now.
    private async Task<Answer> Request(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var page = await _source(PendingToken, NextPageSize(), cancellationToken).ConfigureAwait(false);
        return new Answer(page, stopwatch.ElapsedMilliseconds);
    }

    private sealed record Answer(Page<T> Page, long Milliseconds);

    private List<T> Wanted(IReadOnlyList<T> items)
    {
        var wanted = new List<T>(items.Count);
        for (var i = 0; i < items.Count && !Count.Full; i++)
        {
            if (Count.Take()) wanted.Add(items[i]);
        }
        return wanted;
    }

    // With a most-to-take, one request asks for only what is still needed; the items to pass over must still be read.
    private int NextPageSize() => Count.Needed < (ulong)_pageSize ? (int)Count.Needed : _pageSize;
}

/// <summary>One page as the pager read it: the whole answer, and the part of it to write.</summary>
internal sealed class PageRead<T>
{
    public PageRead(int number, Page<T> page, IReadOnlyList<T> wanted, long milliseconds)
    {
        Number = number;
        Page = page;
        Wanted = wanted;
        Milliseconds = milliseconds;
    }

    /// <summary>1 for the first page read.</summary>
    public int Number { get; }

    public Page<T> Page { get; }

    /// <summary>The items the caller should write, after skip and first.</summary>
    public IReadOnlyList<T> Wanted { get; }

    public long Milliseconds { get; }

    public bool HasMore => Page.NextToken != null;
}
