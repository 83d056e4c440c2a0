using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace TuningJobs.Aws.SageMaker.Transform
{
    /// <summary>Reads the string-to-string map into the public type directly, keys exactly as sent.</summary>
    internal sealed class HyperParametersUnmarshaller : IJsonUnmarshaller<HyperParameters, JsonUnmarshallerContext>
    {
        public static readonly HyperParametersUnmarshaller Instance = new HyperParametersUnmarshaller();

        public HyperParameters Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
        {
            var pairs = new JsonDictionaryUnmarshaller<string, string, StringUnmarshaller, StringUnmarshaller>(
                StringUnmarshaller.Instance, StringUnmarshaller.Instance).Unmarshall(context, ref reader);
            var result = new HyperParameters();
            if (pairs == null) return result;
            foreach (var pair in pairs) result[pair.Key] = pair.Value;
            return result;
        }
    }
}
