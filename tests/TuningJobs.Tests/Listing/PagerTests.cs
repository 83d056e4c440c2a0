using TuningJobs.Listing;

namespace TuningJobs.Tests.Listing;

/// <summary>
/// The pager's read-ahead over a source of 10-item pages whose tokens are the item offsets ("10", "20"…): when each
/// request goes out relative to the pages handed over, and what a dropped or failed read-ahead leaves.
/// </summary>
public sealed class PagerTests
{
    private const int PageSize = 10;

    private readonly List<string> _requested = new();

    /// <summary>Answers each request at once, unless <paramref name="answer"/> gives the page's task itself.</summary>
    private Pager<int> Pager(int total, SkipFirst count, bool readAhead, Func<string, CancellationToken, Task<Page<int>>> answer = null) =>
        new((token, maxResults, cancellation) =>
        {
            _requested.Add(token);
            return answer?.Invoke(token, cancellation) ?? Task.FromResult(PageAt(token, maxResults, total));
        }, null, PageSize, count) { ReadAhead = readAhead };

    private static Page<int> PageAt(string token, int maxResults, int total)
    {
        var start = token is null ? 0 : int.Parse(token);
        var end = Math.Min(start + maxResults, total);
        return new Page<int>(Enumerable.Range(start, end - start).ToList(), end < total ? end.ToString() : null, "req");
    }

    /// <summary>How many requests had gone out as each page was handed over.</summary>
    private List<int> RequestsAtEachPage(Pager<int> pager) =>
        pager.Pages(CancellationToken.None).Select(_ => _requested.Count).ToList();

    // With read-ahead, from the second page on the next page is asked for before a page is handed over; without it,
    // each page is asked for when it is pulled.
    [Theory]
    [InlineData(true, new[] { 1, 3, 4, 4 })]
    [InlineData(false, new[] { 1, 2, 3, 4 })]
    public void EachPageIsAskedForWhenPulledOrReadAhead(bool readAhead, int[] requestsAtEachPage)
    {
        Assert.Equal(requestsAtEachPage, RequestsAtEachPage(Pager(40, SkipFirst.All(), readAhead)));
        Assert.Equal(new[] { null, "10", "20", "30" }, _requested);
    }

    [Fact]
    public void NothingIsReadAheadPastWhatFirstStillWants()
    {
        var pager = Pager(100, new SkipFirst(5, 20), readAhead: true);
        Assert.Equal(new[] { 1, 3, 3 }, RequestsAtEachPage(pager));
        Assert.Equal(20, pager.Taken);
        Assert.Equal("25", pager.PendingToken);
    }

    [Fact]
    public async Task DroppingTheListingCancelsTheReadAheadInFlight()
    {
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pager = Pager(40, SkipFirst.All(), readAhead: true, (token, cancellation) =>
        {
            if (token != "20") return null;
            cancellation.Register(() => cancelled.TrySetResult(true));
            return new TaskCompletionSource<Page<int>>().Task;
        });

        Assert.Equal(2, pager.Pages(CancellationToken.None).Take(2).Count());
        Assert.True(await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal("20", pager.PendingToken);
    }

    [Fact]
    public void AFailedReadAheadSurfacesWhenItsPageIsPulledWithItsTokenAsTheResumePoint()
    {
        var failure = new TuningJobsException(FailureKind.Throttled, "Rate exceeded.");
        var pager = Pager(40, SkipFirst.All(), readAhead: true,
            (token, _) => token == "20" ? Task.FromException<Page<int>>(failure) : null);
        var handed = new List<int>();

        var thrown = Assert.Throws<TuningJobsException>(() =>
        {
            foreach (var page in pager.Pages(CancellationToken.None)) handed.AddRange(page.Wanted);
        });

        Assert.Same(failure, thrown);
        Assert.Equal(Enumerable.Range(0, 20), handed);
        Assert.Equal("20", pager.PendingToken);
    }
}
