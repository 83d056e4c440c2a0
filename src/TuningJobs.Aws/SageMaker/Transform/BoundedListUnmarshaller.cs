using System.Collections.Generic;
using System.Text.Json;
using Amazon;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using TuningJobs.Aws.Http;

namespace TuningJobs.Aws.SageMaker.Transform;

/// <summary>
/// The SDK's JsonListUnmarshaller, step for step, with a bound: a list with more items than that ends the answer
/// before the next item is read, so a list that never ends takes no more memory than the bound.
/// </summary>
internal sealed class BoundedListUnmarshaller<T, TUnmarshaller> : IJsonUnmarshaller<List<T>, JsonUnmarshallerContext>
    where TUnmarshaller : IJsonUnmarshaller<T, JsonUnmarshallerContext>
{
    private readonly TUnmarshaller _itemUnmarshaller;
    private readonly int _maxItems;
    private readonly string _items;

    /// <param name="items">What the items are, for the message: "training job summaries".</param>
    public BoundedListUnmarshaller(TUnmarshaller itemUnmarshaller, int maxItems, string items)
    {
        _itemUnmarshaller = itemUnmarshaller;
        _maxItems = maxItems;
        _items = items;
    }

    public List<T> Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
    {
        context.Read(ref reader);
        if (context.CurrentTokenType == JsonTokenType.Null)
        {
            return AWSConfigs.InitializeCollections ? new List<T>() : null;
        }
        var list = new List<T>();
        while (!context.Peek(JsonTokenType.EndArray, ref reader))
        {
            if (list.Count == _maxItems)
            {
                throw new ResponseBoundException($"held more than {_maxItems} {_items} where the request allowed at most {_maxItems}");
            }
            list.Add(_itemUnmarshaller.Unmarshall(context, ref reader));
        }
        context.Read(ref reader);
        return list;
    }
}
