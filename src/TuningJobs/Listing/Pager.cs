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
    private ulong _toSkip;
    private ulong _toTake;

    /// <param name="skip">How many items to pass over before taking any.</param>
    /// <param name="first">The most items to take, or ulong.MaxValue for all.</param>
    public Pager(PageSource<T> source, string startToken, int pageSize, ulong skip, ulong first)
    {
        _source = source;
        _pageSize = pageSize;
        _toSkip = skip;
        _toTake = first;
        FirstGiven = first != ulong.MaxValue;
        PendingToken = startToken;
    }

    /// <summary>The token of the page not yet read: the place to resume from. Null before a first page or after the last.</summary>
    public string PendingToken { get; private set; }

    /// <summary>Items handed to the caller to write so far.</summary>
    public long Taken { get; private set; }

    /// <summary>Items read and passed over (skip) so far.</summary>
    public long Skipped { get; private set; }

    /// <summary>Items still to pass over.</summary>
    public ulong SkipOwed => _toSkip;

    /// <summary>True when a most-to-take was given; <see cref="FirstOwed"/> then says how many items it still wants.</summary>
    public bool FirstGiven { get; }

    public ulong FirstOwed => _toTake;

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
        SkipOwed = SkipOwed,
        FirstOwed = FirstGiven ? FirstOwed : (ulong?)null,
    };

    /// <summary>
    /// The pages, pulled one request at a time. A failure surfaces from the enumeration as the
    /// <see cref="TuningJobsException"/> the boundary threw, with this pager's facts still telling where it stood.
    /// </summary>
    public IEnumerable<PageRead<T>> Pages(CancellationToken cancellationToken)
    {
        while (_toTake > 0 && !Finished)
        {
            var stopwatch = Stopwatch.StartNew();
            var page = _source(PendingToken, NextPageSize(), cancellationToken).GetAwaiter().GetResult();
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
            yield return new PageRead<T>(PagesRead, page, wanted, stopwatch.ElapsedMilliseconds);
        }
    }

    private List<T> Wanted(IReadOnlyList<T> items)
    {
        var wanted = new List<T>(items.Count);
        for (var i = 0; i < items.Count && _toTake > 0; i++)
        {
            if (_toSkip > 0)
            {
                _toSkip--;
                Skipped++;
                continue;
            }
            _toTake--;
            Taken++;
            wanted.Add(items[i]);
        }
        return wanted;
    }

    // With a most-to-take, one request asks for only what is still needed; the items to pass over must still be read.
    private int NextPageSize()
    {
        var needed = _toTake > ulong.MaxValue - _toSkip ? ulong.MaxValue : _toSkip + _toTake;
        return needed < (ulong)_pageSize ? (int)needed : _pageSize;
    }
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
