using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using TuningJobs.Aws.Http;

namespace TuningJobs.Aws.SageMaker.Transform;

/// <summary>
/// Reads the string-to-string map straight into the public type, keys exactly as sent: the same steps as the
/// SDK's JsonDictionaryUnmarshaller, without its intermediate dictionary per job.
/// </summary>
internal sealed class HyperParametersUnmarshaller : IJsonUnmarshaller<HyperParameters, JsonUnmarshallerContext>
{
    public static readonly HyperParametersUnmarshaller Instance = new HyperParametersUnmarshaller();

    public HyperParameters Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
    {
        var result = new HyperParameters();
        context.Read(ref reader);
        if (!ExpectedJson.IsObject(context)) return result;
        while (!context.Peek(JsonTokenType.EndObject, ref reader))
        {
            if (result.Count == ResponseBounds.MaxHyperParametersPerJob)
            {
                throw new ResponseBoundException($"held a training job with more than {ResponseBounds.MaxHyperParametersPerJob} hyperparameters, more than the API allows");
            }
            var key = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            var value = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            result.Add(key, value);   // a key sent twice is not the documented JSON
        }
        context.Read(ref reader);
        return result;
    }
}
