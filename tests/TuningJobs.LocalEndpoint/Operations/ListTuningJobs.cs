using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TuningJobs.LocalEndpoint.Operations;

/// <summary>SageMaker.ListHyperParameterTuningJobs.</summary>
public sealed class ListTuningJobs : IOperation
{
    public const string OperationName = "ListHyperParameterTuningJobs";

    private static readonly IReadOnlyDictionary<string, MemberKind> _memberKinds = new Dictionary<string, MemberKind>(StringComparer.Ordinal)
    {
        ["CreationTimeAfter"] = MemberKind.Timestamp,
        ["CreationTimeBefore"] = MemberKind.Timestamp,
        ["LastModifiedTimeAfter"] = MemberKind.Timestamp,
        ["LastModifiedTimeBefore"] = MemberKind.Timestamp,
        ["MaxResults"] = MemberKind.Integer,
        ["NameContains"] = MemberKind.String,
        ["NextToken"] = MemberKind.String,
        ["SortBy"] = MemberKind.String,
        ["SortOrder"] = MemberKind.String,
        ["StatusEquals"] = MemberKind.String,
    };

    public string Name => OperationName;

    public IReadOnlyDictionary<string, MemberKind> Members => _memberKinds;

    public void Validate(OperationRequest request)
    {
        var validation = new Validation();
        validation.Range(request.MaxResults, "maxResults", 1, 100);
        validation.Length(request.NameContains, "nameContains", 0, 63);
        validation.NameContainsFormat(request.NameContains, "nameContains");
        validation.Length(request.NextToken, "nextToken", 0, 8192);
        validation.Enum(request.SortBy, "sortBy", Validation.TuningJobSortBy);
        validation.Enum(request.SortOrder, "sortOrder", Validation.SortOrders);
        validation.Enum(request.StatusEquals, "statusEquals", Validation.TuningJobStatuses);
        validation.ThrowIfAny();
    }

    public string ListingKey(OperationRequest request) => PageToken.ListingKey(
        OperationName,
        request.NameContains ?? string.Empty,
        request.SortBy ?? "Name",
        request.SortOrder ?? "Ascending",
        request.StatusEquals ?? string.Empty,
        Stamp(request.CreationTimeAfter),
        Stamp(request.CreationTimeBefore),
        Stamp(request.LastModifiedTimeAfter),
        Stamp(request.LastModifiedTimeBefore));

    public byte[] Answer(OperationRequest request, int offset, SampleData data) =>
        Paging.Answer(Order(data.TuningJobs, request), offset, request, ListingKey(request), "HyperParameterTuningJobSummaries", WireJson.WriteTuningJobSummary);

    /// <summary>NameContains matches case-insensitively, as the service does; time filters are exclusive bounds.</summary>
    internal static IReadOnlyList<SampleTuningJob> Order(IEnumerable<SampleTuningJob> jobs, OperationRequest request)
    {
        var filtered = jobs.Where(j =>
            (request.NameContains == null || j.Name.Contains(request.NameContains, StringComparison.OrdinalIgnoreCase))
            && (request.StatusEquals == null || string.Equals(j.Status, request.StatusEquals, StringComparison.Ordinal))
            && (request.CreationTimeAfter == null || j.CreationTime > request.CreationTimeAfter)
            && (request.CreationTimeBefore == null || j.CreationTime < request.CreationTimeBefore)
            && (request.LastModifiedTimeAfter == null || (j.LastModifiedTime ?? j.CreationTime) > request.LastModifiedTimeAfter)
            && (request.LastModifiedTimeBefore == null || (j.LastModifiedTime ?? j.CreationTime) < request.LastModifiedTimeBefore));

        var byName = StringComparer.Ordinal;
        var list = ((request.SortBy ?? "Name") switch
        {
            "Status" => filtered.OrderBy(j => j.Status, byName).ThenBy(j => j.Name, byName),
            "CreationTime" => filtered.OrderBy(j => j.CreationTime).ThenBy(j => j.Name, byName),
            _ => filtered.OrderBy(j => j.Name, byName),
        }).ToList();

        if (request.SortOrder == "Descending")
        {
            list.Reverse();
        }

        return list;
    }

    private static string Stamp(DateTimeOffset? time) =>
        time?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
