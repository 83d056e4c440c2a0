using System;
using System.Collections.Generic;
using System.Linq;

namespace TuningJobs.LocalEndpoint.Operations;

/// <summary>SageMaker.ListTrainingJobsForHyperParameterTuningJob.</summary>
public sealed class ListTrainingJobsForTuningJob()
    : ListOperation<SampleTrainingJob>(OperationName, "TrainingJobSummaries", WireJson.WriteTrainingJob, Validation.TrainingJobSortBy,
        Validation.TrainingJobStatuses, ("HyperParameterTuningJobName", MemberKind.String))
{
    public const string OperationName = "ListTrainingJobsForHyperParameterTuningJob";

    public override void Validate(OperationRequest request)
    {
        var validation = new Validation();
        validation.TuningJobName(request.HyperParameterTuningJobName, "hyperParameterTuningJobName");
        validation.Range(request.MaxResults, "maxResults", 1, 100);
        ValidateListing(validation, request);
    }

    public override string ListingKey(OperationRequest request) => ListingKey(request, request.HyperParameterTuningJobName);

    public override byte[] Answer(OperationRequest request, int offset, SampleData data)
    {
        if (!data.TryGet(request.HyperParameterTuningJobName, out var tuningJob))
        {
            throw ErrorResponses.ResourceNotFound(request.HyperParameterTuningJobName);
        }

        return Page(Order(tuningJob.TrainingJobs, request), offset, request);
    }

    /// <summary>
    /// Filters and sorts ascending; ties break on the name so pages are stable. FinalObjectiveMetricValue drops jobs
    /// without a metric, as the API reference says the service does.
    /// </summary>
    private static IEnumerable<SampleTrainingJob> Order(IEnumerable<SampleTrainingJob> jobs, OperationRequest request)
    {
        var filtered = jobs.Where(j => request.StatusEquals == null || string.Equals(j.TrainingJobStatus, request.StatusEquals, StringComparison.Ordinal));
        var byName = StringComparer.Ordinal;
        return (request.SortBy ?? "Name") switch
        {
            "CreationTime" => filtered.OrderBy(j => j.CreationTime).ThenBy(j => j.TrainingJobName, byName),
            "Status" => filtered.OrderBy(j => j.TrainingJobStatus, byName).ThenBy(j => j.TrainingJobName, byName),
            "FinalObjectiveMetricValue" => filtered
                .Where(j => j.FinalHyperParameterTuningJobObjectiveMetric != null)
                .OrderBy(j => j.FinalHyperParameterTuningJobObjectiveMetric.Value)
                .ThenBy(j => j.TrainingJobName, byName),
            _ => filtered.OrderBy(j => j.TrainingJobName, byName),
        };
    }
}
