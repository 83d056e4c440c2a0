using System;
using System.Collections.Generic;
using System.Text.Json;

namespace TuningJobs.LocalEndpoint;

/// <summary>The members of either list request, as sent (null when absent or JSON null).</summary>
public sealed class ListRequest
{
    public string HyperParameterTuningJobName { get; set; }

    public int? MaxResults { get; set; }

    public string NextToken { get; set; }

    public string SortBy { get; set; }

    public string SortOrder { get; set; }

    public string StatusEquals { get; set; }

    public string NameContains { get; set; }

    public DateTimeOffset? CreationTimeAfter { get; set; }

    public DateTimeOffset? CreationTimeBefore { get; set; }

    public DateTimeOffset? LastModifiedTimeAfter { get; set; }

    public DateTimeOffset? LastModifiedTimeBefore { get; set; }
}

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
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    public static ListRequest Parse(byte[] body, IReadOnlyDictionary<string, MemberKind> members)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException exception)
        {
            // The service does not echo parser internals; a short reason is still kinder to whoever debugs a client.
            throw ErrorResponses.Serialization("The request body could not be parsed as JSON: " + exception.Message);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw ErrorResponses.Serialization($"Start of {Describe(root.ValueKind)} found where a structure was expected.");
            }

            var request = new ListRequest();
            foreach (var property in root.EnumerateObject())
            {
                if (!members.TryGetValue(property.Name, out var kind) || property.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                Assign(request, property.Name, kind, property.Value);
            }

            return request;
        }
    }

    /// <summary>Best-effort reading for the request log: never throws.</summary>
    public static ListRequest TryParse(byte[] body, IReadOnlyDictionary<string, MemberKind> members)
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

    private static void Assign(ListRequest request, string name, MemberKind kind, JsonElement value)
    {
        switch (kind)
        {
            case MemberKind.String:
                if (value.ValueKind != JsonValueKind.String)
                {
                    throw ErrorResponses.Serialization($"{Token(value.ValueKind)} can not be converted to a String");
                }

                SetString(request, name, value.GetString());
                break;

            case MemberKind.Integer:
                if (value.ValueKind != JsonValueKind.Number)
                {
                    throw ErrorResponses.Serialization($"{Token(value.ValueKind)} can not be converted to an Integer");
                }

                if (!value.TryGetInt32(out var number))
                {
                    throw ErrorResponses.Serialization($"NUMBER_VALUE '{value.GetRawText()}' can not be converted to an Integer");
                }

                request.MaxResults = number;
                break;

            case MemberKind.Timestamp:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var seconds))
                {
                    throw ErrorResponses.Serialization($"{Token(value.ValueKind)} can not be converted to a Timestamp");
                }

                DateTimeOffset time;
                try
                {
                    time = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000m));
                }
                catch (Exception exception) when (exception is ArgumentOutOfRangeException or OverflowException)
                {
                    throw ErrorResponses.Serialization($"NUMBER_VALUE '{value.GetRawText()}' can not be converted to a Timestamp");
                }

                SetTime(request, name, time);
                break;
        }
    }

    private static void SetString(ListRequest request, string name, string value)
    {
        switch (name)
        {
            case "HyperParameterTuningJobName": request.HyperParameterTuningJobName = value; break;
            case "NextToken": request.NextToken = value; break;
            case "SortBy": request.SortBy = value; break;
            case "SortOrder": request.SortOrder = value; break;
            case "StatusEquals": request.StatusEquals = value; break;
            case "NameContains": request.NameContains = value; break;
            default: throw new InvalidOperationException("No string member " + name);
        }
    }

    private static void SetTime(ListRequest request, string name, DateTimeOffset value)
    {
        switch (name)
        {
            case "CreationTimeAfter": request.CreationTimeAfter = value; break;
            case "CreationTimeBefore": request.CreationTimeBefore = value; break;
            case "LastModifiedTimeAfter": request.LastModifiedTimeAfter = value; break;
            case "LastModifiedTimeBefore": request.LastModifiedTimeBefore = value; break;
            default: throw new InvalidOperationException("No timestamp member " + name);
        }
    }

    private static string Token(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "STRING_VALUE",
        JsonValueKind.Number => "NUMBER_VALUE",
        JsonValueKind.True or JsonValueKind.False => "BOOLEAN_VALUE",
        JsonValueKind.Object => "Start of structure or map",
        JsonValueKind.Array => "Start of list",
        _ => kind.ToString().ToUpperInvariant(),
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "list",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
