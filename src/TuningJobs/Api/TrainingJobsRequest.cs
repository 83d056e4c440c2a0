namespace TuningJobs.Api;

/// <summary>The members of one ListTrainingJobsForHyperParameterTuningJob request, already in the service's spelling.</summary>
internal sealed class TrainingJobsRequest
{
    public string HyperParameterTuningJobName { get; set; }
    public int? MaxResults { get; set; }
    public string NextToken { get; set; }
    public string SortBy { get; set; }
    public string SortOrder { get; set; }
    public string StatusEquals { get; set; }

    /// <summary>The same listing sorted another way, from its first page.</summary>
    public TrainingJobsRequest WithSort(string sortBy, string sortOrder) => new TrainingJobsRequest
    {
        HyperParameterTuningJobName = HyperParameterTuningJobName,
        StatusEquals = StatusEquals,
        SortBy = sortBy,
        SortOrder = sortOrder,
    };

    public TrainingJobsRequest WithPage(string nextToken, int maxResults)
    {
        var page = (TrainingJobsRequest)MemberwiseClone();
        page.NextToken = nextToken;
        page.MaxResults = maxResults;
        return page;
    }
}
