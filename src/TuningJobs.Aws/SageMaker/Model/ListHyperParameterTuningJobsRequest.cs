using System;
using Amazon.Runtime;

namespace TuningJobs.Aws.SageMaker.Model;

internal sealed class ListHyperParameterTuningJobsRequest : AmazonWebServiceRequest
{
    public string NameContains { get; set; }
    public string StatusEquals { get; set; }
    public DateTime? CreationTimeAfter { get; set; }
    public DateTime? CreationTimeBefore { get; set; }
    public DateTime? LastModifiedTimeAfter { get; set; }
    public DateTime? LastModifiedTimeBefore { get; set; }
    public int? MaxResults { get; set; }
    public string NextToken { get; set; }
    public string SortBy { get; set; }
    public string SortOrder { get; set; }
}
