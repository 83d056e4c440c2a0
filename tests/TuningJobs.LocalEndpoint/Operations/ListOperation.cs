using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace TuningJobs.LocalEndpoint.Operations;

/// <summary>
/// A listing: the members every SageMaker listing has (MaxResults, NextToken, SortBy, SortOrder, StatusEquals),
/// validated, bound into its tokens and paged alike, beside the filters that are the operation's own.
/// </summary>
public abstract class ListOperation<T> : IOperation
{
    private readonly string _listMember;
    private readonly Action<Utf8JsonWriter, T> _write;
    private readonly string[] _sortBy;
    private readonly string[] _statuses;

    /// <param name="listMember">The answer's list member: "TrainingJobSummaries".</param>
    /// <param name="filters">The operation's own members.</param>
    protected ListOperation(string name, string listMember, Action<Utf8JsonWriter, T> write, string[] sortBy, string[] statuses,
        params (string Member, MemberKind Kind)[] filters)
    {
        Name = name;
        _listMember = listMember;
        _write = write;
        _sortBy = sortBy;
        _statuses = statuses;
        var members = new Dictionary<string, MemberKind>(StringComparer.Ordinal)
        {
            ["MaxResults"] = MemberKind.Integer,
            ["NextToken"] = MemberKind.String,
            ["SortBy"] = MemberKind.String,
            ["SortOrder"] = MemberKind.String,
            ["StatusEquals"] = MemberKind.String,
        };
        foreach (var (member, kind) in filters)
        {
            members.Add(member, kind);
        }

        Members = members;
    }

    public string Name { get; }

    public IReadOnlyDictionary<string, MemberKind> Members { get; }

    public abstract void Validate(OperationRequest request);

    public abstract string ListingKey(OperationRequest request);

    public abstract byte[] Answer(OperationRequest request, int offset, SampleData data);

    /// <summary>The listing's own members after the operation's: then throws one ValidationException for all.</summary>
    protected void ValidateListing(Validation validation, OperationRequest request)
    {
        validation.Length(request.NextToken, "nextToken", 0, 8192);
        validation.Enum(request.SortBy, "sortBy", _sortBy);
        validation.Enum(request.SortOrder, "sortOrder", Validation.SortOrders);
        validation.Enum(request.StatusEquals, "statusEquals", _statuses);
        validation.ThrowIfAny();
    }

    /// <summary>The key that binds tokens to this listing: what it lists, its sort and status (defaults applied), its other filters.</summary>
    protected string ListingKey(OperationRequest request, string listed, params string[] filters) => PageToken.ListingKey(
        [Name, listed, request.SortBy ?? "Name", request.SortOrder ?? "Ascending", request.StatusEquals ?? string.Empty, .. filters]);

    /// <summary>The page at <paramref name="offset"/> of the items in ascending order; Descending reverses the whole order.</summary>
    protected byte[] Page(IEnumerable<T> ascending, int offset, OperationRequest request)
    {
        var list = ascending.ToList();
        if (request.SortOrder == "Descending")
        {
            list.Reverse();
        }

        return Paging.Answer(list, offset, request, ListingKey(request), _listMember, _write);
    }
}
