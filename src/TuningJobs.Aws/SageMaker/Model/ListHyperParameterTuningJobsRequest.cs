using Amazon.Runtime;

namespace TuningJobs.Aws.SageMaker.Model
{
    /// <summary>The members of ListHyperParameterTuningJobs the module uses (tab completion of tuning job names).</summary>
    internal sealed class ListHyperParameterTuningJobsRequest : AmazonWebServiceRequest
    {
        public string NameContains { get; set; }
        public int? MaxResults { get; set; }
        public string SortBy { get; set; }
        public string SortOrder { get; set; }
    }
}
