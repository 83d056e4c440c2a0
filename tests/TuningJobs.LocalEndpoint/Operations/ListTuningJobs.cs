using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TuningJobs.LocalEndpoint.Operations;

/// <summary>SageMaker.ListHyperParameterTuningJobs.</summary>
public sealed class ListTuningJobs()
    : ListOperation<SampleTuningJob>(OperationName, "HyperParameterTuningJobSummaries", WireJson.WriteTuningJobSummary, Validation.TuningJobSortBy,
        Validation.TuningJobStatuses, ("NameContains", MemberKind.String), ("CreationTimeAfter", MemberKind.Timestamp),
        ("CreationTimeBefore", MemberKind.Timestamp), ("LastModifiedTimeAfter", MemberKind.Timestamp), ("LastModifiedTimeBefore", MemberKind.Timestamp))
{
    public const string OperationName = "ListHyperParameterTuningJobs";

    public override void Validate(OperationRequest request)
    {
        var validation = new Validation();
        validation.Range(request.MaxResults, "maxResults", 1, 100);
        validation.Length(request.NameContains, "nameContains", 0, 63);
        validation.NameContainsFormat(request.NameContains, "nameContains");
        ValidateListing(validation, request);
    }

    public override string ListingKey(OperationRequest request) => ListingKey(request, request.NameContains ?? string.Empty,
        Stamp(request.CreationTimeAfter), Stamp(request.CreationTimeBefore), Stamp(request.LastModifiedTimeAfter), Stamp(request.LastModifiedTimeBefore));

    public override byte[] Answer(OperationRequest request, int offset, SampleData data) => Page(Order(data.TuningJobs, request), offset, request);

    /// <summary>NameContains matches case-insensitively, as the service does; time filters are exclusive bounds.</summary>
    private static IEnumerable<SampleTuningJob> Order(IEnumerable<SampleTuningJob> jobs, OperationRequest request)
    {
        var filtered = jobs.Where(j =>
            (request.NameContains == null || j.Name.Contains(request.NameContains, StringComparison.OrdinalIgnoreCase))
            && (request.StatusEquals == null || string.Equals(j.Status, request.StatusEquals, StringComparison.Ordinal))
            && (request.CreationTimeAfter == null || j.CreationTime > request.CreationTimeAfter)
            && (request.CreationTimeBefore == null || j.CreationTime < request.CreationTimeBefore)
            && (request.LastModifiedTimeAfter == null || (j.LastModifiedTime ?? j.CreationTime) > request.LastModifiedTimeAfter)
            && (request.LastModifiedTimeBefore == null || (j.LastModifiedTime ?? j.CreationTime) < request.LastModifiedTimeBefore));

        var byName = StringComparer.Ordinal;
        return (request.SortBy ?? "Name") switch
        {
            "Status" => filtered.OrderBy(j => j.Status, byName).ThenBy(j => j.Name, byName),
            "CreationTime" => filtered.OrderBy(j => j.CreationTime).ThenBy(j => j.Name, byName),
            _ => filtered.OrderBy(j => j.Name, byName),
        };
    }

    private static string Stamp(DateTimeOffset? time) =>
        time?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
