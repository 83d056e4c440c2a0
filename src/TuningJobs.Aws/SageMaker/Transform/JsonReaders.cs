using Amazon;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace TuningJobs.Aws.SageMaker.Transform;

internal static class JsonReaders
{
    /// <summary>A reader over the answer's body with the SDK's configured buffer size and depth limit.</summary>
    public static StreamingUtf8JsonReader For(JsonUnmarshallerContext context) =>
        new StreamingUtf8JsonReader(context.Stream, AWSConfigs.StreamingUtf8JsonReaderBufferSize ?? 4096, context.JsonMaxDepth);
}
