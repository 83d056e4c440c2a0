using System.Text.Json;
using System.Text.Json.Serialization;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// The members of the operations' requests, as sent (null when absent or JSON null). Read the way the service's
/// deserializer does: the body must be a JSON object, a member must have its modelled JSON type (else
/// SerializationException), member names are case-sensitive, and members the model does not know are passed over.
/// </summary>
public sealed record OperationRequest(
    string HyperParameterTuningJobName, int? MaxResults, string NextToken, string SortBy, string SortOrder, string StatusEquals, string NameContains,
    DateTimeOffset? CreationTimeAfter, DateTimeOffset? CreationTimeBefore, DateTimeOffset? LastModifiedTimeAfter, DateTimeOffset? LastModifiedTimeBefore)
{
    /// <summary>MaxResults, or the service's default of 10.</summary>
    [JsonIgnore]
    public int PageSize => MaxResults ?? 10;

    public static OperationRequest Parse(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<OperationRequest>(body, WireJson.Options)
                ?? throw ServiceError.Serialization("Start of Null found where a structure was expected.");
        }
        catch (JsonException exception)
        {
            throw ServiceError.Serialization("The request body could not be read: " + exception.Message);
        }
    }

    /// <summary>Best-effort reading for the request log: never throws.</summary>
    public static OperationRequest TryParse(byte[] body)
    {
        try
        {
            return Parse(body);
        }
        catch (ServiceError)
        {
            return null;
        }
    }
}

/// <summary>
/// One operation: the service's validation of its request, its answer, and for a listing the member its answer lists
/// under and the key its NextTokens are bound to. A listing's answer is its items in ascending order, paged here.
/// </summary>
internal sealed record Operation(
    string Name, Action<Validation, OperationRequest> Validate, Func<OperationRequest, SampleData, object> Answer,
    string ListMember = null)
{
    private static readonly StringComparer _byName = StringComparer.Ordinal;

    private static readonly Operation[] _all =
    [
        new("ListTrainingJobsForHyperParameterTuningJob", (validation, request) =>
        {
            validation.TuningJobName(request.HyperParameterTuningJobName);
            validation.Range(request.MaxResults, "maxResults", 1, 100);
            validation.Listing(request, ["Name", "CreationTime", "Status", "FinalObjectiveMetricValue"],
                ["InProgress", "Completed", "Failed", "Stopping", "Stopped", "Deleting"]);
        }, TrainingJobs, "TrainingJobSummaries"),
        new("ListHyperParameterTuningJobs", (validation, request) =>
        {
            validation.Range(request.MaxResults, "maxResults", 1, 100);
            validation.Length(request.NameContains, "nameContains", 0, 63);
            validation.Pattern(request.NameContains, "nameContains", "^[a-zA-Z0-9\\-]+");
            validation.Listing(request, ["Name", "Status", "CreationTime"],
                ["Completed", "InProgress", "Failed", "Stopped", "Stopping", "Deleting", "DeleteFailed"]);
        }, TuningJobs, "HyperParameterTuningJobSummaries"),
        new("DescribeHyperParameterTuningJob", (validation, request) => validation.TuningJobName(request.HyperParameterTuningJobName),
            (request, data) => WireJson.TuningJob(Find(data, request.HyperParameterTuningJobName), describe: true)),
    ];

    /// <summary>The operations by X-Amz-Target.</summary>
    public static readonly IReadOnlyDictionary<string, Operation> ByTarget = _all.ToDictionary(o => "SageMaker." + o.Name, StringComparer.Ordinal);

    /// <summary>
    /// The answer for the page at <paramref name="offset"/>: for a listing, NextToken first (as the service sends it,
    /// and the benchmark's floor client reads it), then the page; Descending reverses the whole order.
    /// </summary>
    public byte[] AnswerPage(OperationRequest request, int offset, SampleData data)
    {
        var answer = Answer(request, data);
        if (ListMember == null)
        {
            return WireJson.Serialize(answer);
        }

        var items = ((IEnumerable<object>)answer).ToList();
        if (request.SortOrder == "Descending")
        {
            items.Reverse();
        }

        var end = Math.Min(items.Count, offset + request.PageSize);
        var page = new Dictionary<string, object>();   // written in the order added
        if (end < items.Count)
        {
            page["NextToken"] = PageToken.Create(end, TokenKey(request));
        }

        page[ListMember] = items.Skip(offset).Take(end - offset);
        return WireJson.Serialize(page);
    }

    /// <summary>
    /// The key a NextToken of this listing is bound to: the operation and every member that defines the listing, with
    /// the sort's defaults applied, so that a resumed listing that names them takes the token of one that did not.
    /// </summary>
    public string TokenKey(OperationRequest request) => Name + JsonSerializer.Serialize(
        request with { MaxResults = null, NextToken = null, SortBy = request.SortBy ?? "Name", SortOrder = request.SortOrder ?? "Ascending" },
        WireJson.Options);

    /// <summary>
    /// Filtered and sorted ascending; ties break on the name so that pages are stable. FinalObjectiveMetricValue drops
    /// jobs without a metric, as the API reference says the service does.
    /// </summary>
    private static IEnumerable<object> TrainingJobs(OperationRequest request, SampleData data)
    {
        var jobs = Find(data, request.HyperParameterTuningJobName).TrainingJobs
            .Where(j => request.StatusEquals == null || j.TrainingJobStatus == request.StatusEquals);
        var sorted = request.SortBy switch
        {
            "CreationTime" => jobs.OrderBy(j => j.CreationTime),
            "Status" => jobs.OrderBy(j => j.TrainingJobStatus, _byName),
            "FinalObjectiveMetricValue" => jobs.Where(j => j.FinalHyperParameterTuningJobObjectiveMetric != null)
                .OrderBy(j => j.FinalHyperParameterTuningJobObjectiveMetric.Value),
            _ => jobs.OrderBy(j => j.TrainingJobName, _byName),
        };
        return sorted.ThenBy(j => j.TrainingJobName, _byName);
    }

    /// <summary>NameContains matches case-insensitively, as the service does; time filters are exclusive bounds.</summary>
    private static IEnumerable<object> TuningJobs(OperationRequest request, SampleData data)
    {
        var jobs = data.TuningJobs(DateTimeOffset.UtcNow).Where(j =>
            (request.NameContains == null || j.Name.Contains(request.NameContains, StringComparison.OrdinalIgnoreCase))
            && (request.StatusEquals == null || j.Status == request.StatusEquals)
            && (request.CreationTimeAfter == null || j.CreationTime > request.CreationTimeAfter)
            && (request.CreationTimeBefore == null || j.CreationTime < request.CreationTimeBefore)
            && (request.LastModifiedTimeAfter == null || (j.LastModifiedTime ?? j.CreationTime) > request.LastModifiedTimeAfter)
            && (request.LastModifiedTimeBefore == null || (j.LastModifiedTime ?? j.CreationTime) < request.LastModifiedTimeBefore));
        var sorted = request.SortBy switch
        {
            "Status" => jobs.OrderBy(j => j.Status, _byName),
            "CreationTime" => jobs.OrderBy(j => j.CreationTime),
            _ => jobs.OrderBy(j => j.Name, _byName),
        };
        return sorted.ThenBy(j => j.Name, _byName).Select(job => WireJson.TuningJob(job, describe: false));
    }

    // The operations' only modelled error; the service sends its bare shape name, without a namespace prefix.
    private static SampleTuningJob Find(SampleData data, string name) => data.TryGet(name, out var job)
        ? job
        : throw new ServiceError(400, "ResourceNotFound", "Amazon SageMaker can't find a tuning job with name " + name);
}
