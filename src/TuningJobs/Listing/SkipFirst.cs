namespace TuningJobs.Listing;

/// <summary>
/// The paging parameters' count over the items a command could write: how many to pass over first (skip), and the
/// most to take after that (first). The pager, a listing filtered by a pattern, and the watch all count with it, so
/// what is still owed is one set of facts whichever of them ran out.
/// </summary>
internal sealed class SkipFirst
{
    /// <param name="skip">How many items to pass over before taking any.</param>
    /// <param name="first">The most items to take, or ulong.MaxValue for all.</param>
    public SkipFirst(ulong skip, ulong first)
    {
        SkipOwed = skip;
        FirstOwed = first;
        FirstGiven = first != ulong.MaxValue;
    }

    /// <summary>Every item, none passed over.</summary>
    public static SkipFirst All() => new SkipFirst(0, ulong.MaxValue);

    /// <summary>Items still to pass over.</summary>
    public ulong SkipOwed { get; private set; }

    /// <summary>Items still to take; ulong.MaxValue (and falling) when no most-to-take was given.</summary>
    public ulong FirstOwed { get; private set; }

    /// <summary>True when a most-to-take was given; <see cref="FirstOwed"/> then says how many items it still wants.</summary>
    public bool FirstGiven { get; }

    /// <summary>Items passed over so far.</summary>
    public long Skipped { get; private set; }

    /// <summary>Items taken so far.</summary>
    public long Taken { get; private set; }

    /// <summary>True once the most to take has been taken: no more items are wanted.</summary>
    public bool Full => FirstOwed == 0;

    /// <summary>Counts one item: true when it is to be written, false when it is passed over or no more are wanted.</summary>
    public bool Take()
    {
        if (Full) return false;
        if (SkipOwed > 0)
        {
            SkipOwed--;
            Skipped++;
            return false;
        }
        FirstOwed--;
        Taken++;
        return true;
    }

    /// <summary>How many items are still needed to meet it, passed-over ones included.</summary>
    public ulong Needed => FirstOwed > ulong.MaxValue - SkipOwed ? ulong.MaxValue : SkipOwed + FirstOwed;
}
