using System.Collections.Generic;
using Amazon.Runtime;

namespace TuningJobs.Aws.SageMaker.Model;

/// <summary>
/// One page of a listing: its list member and NextToken. The items are read straight into the module's public types:
/// they have no AWSSDK types in them, and a second copy per item would only cost time on the hot path.
/// </summary>
internal sealed class PageResponse<T> : AmazonWebServiceResponse
{
    public List<T> Items { get; set; }
    public string NextToken { get; set; }
}
