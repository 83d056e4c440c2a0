using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using TuningJobs.Aws.Http;
using TuningJobs.Aws.SageMaker.Model;

namespace TuningJobs.Aws.SageMaker.Transform;

/// <summary>One page of a listing: NextToken, and the operation's list member read with its item unmarshaller, bounded.</summary>
internal sealed class PageResponseUnmarshaller<T> : SageMakerResponseUnmarshaller
{
    private readonly string _listMember;
    private readonly BoundedListUnmarshaller<T, IJsonUnmarshaller<T, JsonUnmarshallerContext>> _items;

    /// <param name="listMember">The list's member name: "TrainingJobSummaries".</param>
    /// <param name="items">What the items are, for messages: "training job summaries".</param>
    /// <param name="maxResults">The request's MaxResults: an answer with more items is not read further.</param>
    public PageResponseUnmarshaller(string listMember, IJsonUnmarshaller<T, JsonUnmarshallerContext> itemUnmarshaller, string items, int? maxResults)
    {
        _listMember = listMember;
        _items = new BoundedListUnmarshaller<T, IJsonUnmarshaller<T, JsonUnmarshallerContext>>(
            itemUnmarshaller, maxResults ?? ResponseBounds.MaxSummariesPerPage, items);
    }

    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
    {
        var response = new PageResponse<T>();
        var reader = JsonReaders.For(context);
        context.Read(ref reader);
        var depth = context.CurrentDepth;
        while (context.ReadAtDepth(depth, ref reader))
        {
            if (context.TestExpression("NextToken", depth, ref reader))
            {
                response.NextToken = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            }
            else if (context.TestExpression(_listMember, depth, ref reader))
            {
                response.Items = _items.Unmarshall(context, ref reader);
            }
        }
        return response;
    }
}
