using System;
using System.Collections.Generic;
using System.Linq;

namespace TuningJobs.LocalEndpoint.Operations;

/// <summary>SageMaker.ListTrainingJobsForHyperParameterTuningJob.</summary>
public sealed class ListTrainingJobsForTuningJob : IOperation
{
    public const string OperationName = "ListTrainingJobsForHyperParameterTuningJob";

    private static readonly IReadOnlyDictionary<string, MemberKind> _memberKinds = new Dictionary<string, MemberKind>(StringComparer.Ordinal)
    {
        ["HyperParameterTuningJobName"] = MemberKind.String,
        ["MaxResults"] = MemberKind.Integer,
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
        validation.Required(request.HyperParameterTuningJobName, "hyperParameterTuningJobName");
        validation.Length(request.HyperParameterTuningJobName, "hyperParameterTuningJobName", 1, 32);
        validation.TuningJobNameFormat(request.HyperParameterTuningJobName, "hyperParameterTuningJobName");
        validation.Range(request.MaxResults, "maxResults", 1, 100);
        validation.Length(request.NextToken, "nextToken", 0, 8192);
        validation.Enum(request.SortBy, "sortBy", Validation.TrainingJobSortBy);
        validation.Enum(request.SortOrder, "sortOrder", Validation.SortOrders);
        validation.Enum(request.StatusEquals, "statusEquals", Validation.TrainingJobStatuses);
        validation.ThrowIfAny();
    }

    public string ListingKey(OperationRequest request) => PageToken.ListingKey(
        OperationName,
        request.HyperParameterTuningJobName,
        request.SortBy ?? "Name",
        request.SortOrder ?? "Ascending",
        request.StatusEquals ?? string.Empty);

    public byte[] Answer(OperationRequest request, int offset, SampleData data)
    {
        if (!data.TryGet(request.HyperParameterTuningJobName, out var tuningJob))
        {
            throw ErrorResponses.ResourceNotFound(request.HyperParameterTuningJobName);
        }

        return Paging.Answer(Order(tuningJob.TrainingJobs, request), offset, request, ListingKey(request), "TrainingJobSummaries", WireJson.WriteTrainingJob);
    }

    /// <summary>
    /// Filters and sorts; ties break on the name so pages are stable. Descending reverses the whole order.
    /// FinalObjectiveMetricValue drops jobs without a metric, as the API reference says the service does.
    /// </summary>
    internal static IReadOnlyList<SampleTrainingJob> Order(IEnumerable<SampleTrainingJob> jobs, OperationRequest request)
    {
        var filtered = jobs.Where(j => request.StatusEquals == null || string.Equals(j.TrainingJobStatus, request.StatusEquals, StringComparison.Ordinal));
        var byName = StringComparer.Ordinal;
        IOrderedEnumerable<SampleTrainingJob> sorted = (request.SortBy ?? "Name") switch
        {
            "CreationTime" => filtered.OrderBy(j => j.CreationTime).ThenBy(j => j.TrainingJobName, byName),
            "Status" => filtered.OrderBy(j => j.TrainingJobStatus, byName).ThenBy(j => j.TrainingJobName, byName),
            "FinalObjectiveMetricValue" => filtered
                .Where(j => j.FinalHyperParameterTuningJobObjectiveMetric != null)
                .OrderBy(j => j.FinalHyperParameterTuningJobObjectiveMetric.Value)
                .ThenBy(j => j.TrainingJobName, byName),
            _ => filtered.OrderBy(j => j.TrainingJobName, byName),
        };

        var list = sorted.ToList();
        if (request.SortOrder == "Descending")
        {
            list.Reverse();
        }

        return list;
    }
}
