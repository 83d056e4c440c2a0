using System.Text.Json;
using Amazon.Runtime.Internal.Transform;

namespace TuningJobs.Aws.SageMaker.Transform;

internal static class ExpectedJson
{
    /// <summary>
    /// After the reader moved onto a member's value: true for an object, false for null, and for anything else
    /// an error the SDK reports as an unreadable answer. The SDK's object loops never end on another token.
    /// </summary>
    public static bool IsObject(JsonUnmarshallerContext context)
    {
        if (context.CurrentTokenType == JsonTokenType.Null) return false;
        if (context.CurrentTokenType != JsonTokenType.StartObject)
            throw new JsonException($"Expected an object at {context.CurrentPath}, found {context.CurrentTokenType}.");
        return true;
    }
}
