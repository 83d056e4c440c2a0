using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace TuningJobs.Aws.SageMaker.Transform;

/// <summary>Reads one member into the target when the reader is on a member name it knows; the loop passes over the others.</summary>
internal delegate void MemberReader<in T>(T target, JsonUnmarshallerContext context, int depth, ref StreamingUtf8JsonReader reader);

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

    /// <summary>Moves onto the next value and reads it as a new T: null for null, an error for anything but an object.</summary>
    public static T Object<T>(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, MemberReader<T> readMember)
        where T : class, new()
    {
        var target = new T();
        return Members(target, context, ref reader, readMember) ? target : null;
    }

    /// <summary>
    /// Moves onto the next value and reads its members into target, in the SDK's depth-tracked loop: false for null
    /// (nothing read), an error for anything but an object. Unknown members are skipped.
    /// </summary>
    public static bool Members<T>(T target, JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, MemberReader<T> readMember)
    {
        context.Read(ref reader);
        if (!IsObject(context)) return false;
        var depth = context.CurrentDepth;
        while (context.ReadAtDepth(depth, ref reader))
        {
            readMember(target, context, depth, ref reader);
        }
        return true;
    }
}
