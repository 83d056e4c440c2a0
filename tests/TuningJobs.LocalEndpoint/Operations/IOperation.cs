using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace TuningJobs.LocalEndpoint.Operations;

/// <summary>One operation: its members, its validation, the key that binds its tokens (for a listing), its answer.</summary>
public interface IOperation
{
    /// <summary>The operation name, as in "SageMaker.{Name}" of X-Amz-Target.</summary>
    string Name { get; }

    IReadOnlyDictionary<string, MemberKind> Members { get; }

    /// <summary>Throws one ValidationException listing every violated constraint.</summary>
    void Validate(OperationRequest request);

    /// <summary>Everything that defines the listing, with defaults applied, so a token is tied to it.</summary>
    string ListingKey(OperationRequest request);

    /// <summary>Builds the answer body for the page starting at <paramref name="offset"/>; throws ServiceErrorException for modelled errors.</summary>
    byte[] Answer(OperationRequest request, int offset, SampleData data);
}

internal static class Paging
{
    public const int DefaultMaxResults = 10;

    public static int PageSize(OperationRequest request) => request.MaxResults ?? DefaultMaxResults;

    /// <summary>
    /// The answer for the page of <paramref name="ordered"/> that starts at <paramref name="offset"/>: NextToken first
    /// (as the service sends it, and the benchmark's floor client reads it), then the page under <paramref name="member"/>.
    /// </summary>
    public static byte[] Answer<T>(IReadOnlyList<T> ordered, int offset, OperationRequest request, string listingKey, string member, Action<Utf8JsonWriter, T> write)
    {
        var end = Math.Min(ordered.Count, offset + PageSize(request));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WireJson.WriterOptions))
        {
            writer.WriteStartObject();
            if (end < ordered.Count)
            {
                writer.WriteString("NextToken", PageToken.Create(end, listingKey));
            }

            writer.WriteStartArray(member);
            for (var i = offset; i < end; i++)
            {
                write(writer, ordered[i]);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
