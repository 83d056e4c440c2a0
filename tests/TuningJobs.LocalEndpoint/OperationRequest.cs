using System;
using System.Collections.Generic;
using System.Text.Json;

namespace TuningJobs.LocalEndpoint;

/// <summary>The members of any of the operations' requests, as sent (null when absent or JSON null).</summary>
public sealed record OperationRequest(
    string HyperParameterTuningJobName, int? MaxResults, string NextToken, string SortBy, string SortOrder, string StatusEquals, string NameContains,
    DateTimeOffset? CreationTimeAfter, DateTimeOffset? CreationTimeBefore, DateTimeOffset? LastModifiedTimeAfter, DateTimeOffset? LastModifiedTimeBefore);

public enum MemberKind
{
    String,
    Integer,
    Timestamp,
}

/// <summary>
/// Reads an awsJson request body the way the service's deserializer does: the body must be a JSON object,
/// modelled members must have their modelled JSON type (else SerializationException), JSON null means
/// absent, and members the model does not know are ignored. Member names are case-sensitive.
/// </summary>
public static class RequestParser
{
    public static OperationRequest Parse(byte[] body, IReadOnlyDictionary<string, MemberKind> members)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            throw ErrorResponses.Serialization("The request body could not be parsed as JSON: " + exception.Message);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw ErrorResponses.Serialization($"Start of {document.RootElement.ValueKind} found where a structure was expected.");
            }

            var values = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (members.TryGetValue(property.Name, out var kind) && property.Value.ValueKind != JsonValueKind.Null)
                {
                    values[property.Name] = Read(kind, property.Value);
                }
            }

            T Get<T>(string name) => values.TryGetValue(name, out var value) ? (T)value : default;
            return new OperationRequest(
                Get<string>("HyperParameterTuningJobName"), Get<int?>("MaxResults"), Get<string>("NextToken"), Get<string>("SortBy"), Get<string>("SortOrder"),
                Get<string>("StatusEquals"), Get<string>("NameContains"), Get<DateTimeOffset?>("CreationTimeAfter"), Get<DateTimeOffset?>("CreationTimeBefore"),
                Get<DateTimeOffset?>("LastModifiedTimeAfter"), Get<DateTimeOffset?>("LastModifiedTimeBefore"));
        }
    }

    /// <summary>Best-effort reading for the request log: never throws.</summary>
    public static OperationRequest TryParse(byte[] body, IReadOnlyDictionary<string, MemberKind> members)
    {
        try
        {
            return Parse(body, members);
        }
        catch (ServiceErrorException)
        {
            return null;
        }
    }

    private static object Read(MemberKind kind, JsonElement value)
    {
        var ok = value.ValueKind == (kind == MemberKind.String ? JsonValueKind.String : JsonValueKind.Number);
        if (ok && kind == MemberKind.String)
        {
            return value.GetString();
        }

        if (ok && kind == MemberKind.Integer && value.TryGetInt32(out var number))
        {
            return number;
        }

        if (ok && kind == MemberKind.Timestamp && value.TryGetDecimal(out var seconds) && Math.Abs(seconds) < 253_402_300_799m)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000m));
        }

        var what = ok ? $"NUMBER_VALUE '{value.GetRawText()}'" : value.ValueKind.ToString().ToUpperInvariant() + "_VALUE";
        throw ErrorResponses.Serialization($"{what} can not be converted to {(kind == MemberKind.Integer ? "an" : "a")} {kind}");
    }
}
