using System;

namespace TuningJobs.Api;

/// <summary>The members of one ListHyperParameterTuningJobs request, already in the service's spelling; times in UTC.</summary>
internal sealed class TuningJobsRequest
{
    public string NameContains { get; set; }
    public string StatusEquals { get; set; }
    public DateTime? CreationTimeAfter { get; set; }
    public DateTime? CreationTimeBefore { get; set; }
    public DateTime? LastModifiedTimeAfter { get; set; }
    public DateTime? LastModifiedTimeBefore { get; set; }
    public string SortBy { get; set; }
    public string SortOrder { get; set; }
    public int? MaxResults { get; set; }
    public string NextToken { get; set; }

    public TuningJobsRequest WithPage(string nextToken, int maxResults)
    {
        var page = (TuningJobsRequest)MemberwiseClone();
        page.NextToken = nextToken;
        page.MaxResults = maxResults;
        return page;
    }
}
