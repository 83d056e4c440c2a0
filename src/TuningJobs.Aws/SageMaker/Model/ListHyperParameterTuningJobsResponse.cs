using System.Collections.Generic;
using Amazon.Runtime;

namespace TuningJobs.Aws.SageMaker.Model
{
    /// <summary>Only the names of one page are read: completion needs nothing else.</summary>
    internal sealed class ListHyperParameterTuningJobsResponse : AmazonWebServiceResponse
    {
        public List<string> HyperParameterTuningJobNames { get; set; } = new List<string>();
    }
}
