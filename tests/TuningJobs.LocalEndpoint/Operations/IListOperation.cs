using System.Collections.Generic;

namespace TuningJobs.LocalEndpoint.Operations;

/// <summary>One paginated list operation: its members, its validation, the key that binds its tokens, its answer.</summary>
public interface IListOperation
{
    /// <summary>The operation name, as in "SageMaker.{Name}" of X-Amz-Target.</summary>
    string Name { get; }

    IReadOnlyDictionary<string, MemberKind> Members { get; }

    /// <summary>Throws one ValidationException listing every violated constraint.</summary>
    void Validate(ListRequest request);

    /// <summary>Everything that defines the listing, with defaults applied, so a token is tied to it.</summary>
    string ListingKey(ListRequest request);

    /// <summary>Builds the answer body for the page starting at <paramref name="offset"/>; throws ServiceErrorException for modelled errors.</summary>
    byte[] Answer(ListRequest request, int offset, SampleData data);
}

internal static class Paging
{
    public const int DefaultMaxResults = 10;

    public static int PageSize(ListRequest request) => request.MaxResults ?? DefaultMaxResults;

    /// <summary>The slice for this page and the token for the next one (null when nothing remains).</summary>
    public static (List<T> Page, string NextToken) Slice<T>(IReadOnlyList<T> items, int offset, int pageSize, string listingKey)
    {
        var page = new List<T>();
        for (var i = offset; i < items.Count && page.Count < pageSize; i++)
        {
            page.Add(items[i]);
        }

        var next = offset + page.Count;
        return (page, next < items.Count ? PageToken.Create(next, listingKey) : null);
    }
}
