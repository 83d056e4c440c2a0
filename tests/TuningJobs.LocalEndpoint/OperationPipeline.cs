using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// Answers operation requests, checking in the order the service's front end does: route, signature,
/// content type, target, body, validation, pagination token, then the operation itself. Faults are slotted in where
/// the real failure they imitate would happen, including answers that misbehave after their headers, as a stalled
/// proxy or a broken peer does.
/// </summary>
internal sealed class OperationPipeline(LocalSageMakerEndpoint endpoint, CancellationToken stopping)
{
    // An endless body ends by itself after this much, so that a client that never gives up cannot keep it going.
    private const long EndlessBodyLimitBytes = 1L << 30;

    public async Task HandleAsync(HttpContext context)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var token = cancellation.Token;
        var request = context.Request;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        RequestLogEntry entry = null;
        try
        {
            if (!HttpMethods.IsPost(request.Method) || request.Path.Value != "/")
            {
                throw ServiceError.UnknownOperation(404, $"No operation is served at {request.Method} {request.Path}; awsJson 1.1 requests are POST /.");
            }

            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, token);
            var body = buffer.ToArray();
            if (endpoint.Latency > TimeSpan.Zero) await Task.Delay(endpoint.Latency, token);

            (string AccessKeyId, string Region) signer;
            try
            {
                signer = SigV4Verifier.Verify(request, body, endpoint.SigningRegion, endpoint.Clock());
            }
            catch (ServiceError)
            {
                endpoint.CountSignatureRejection();
                throw;
            }

            var target = request.Headers["X-Amz-Target"].ToString();
            Operation.ByTarget.TryGetValue(target, out var operation);
            var seen = operation == null ? null : OperationRequest.TryParse(body);
            entry = new RequestLogEntry(operation?.Name ?? target, seen?.MaxResults, seen?.NextToken, seen?.SortBy, seen?.NameContains,
                signer.AccessKeyId, signer.Region, context.Connection.Id);
            endpoint.Requests.Enqueue(entry);

            // The page as a client retries it: the same for every attempt, different for every page of every listing.
            var pageKey = string.Join('\u001f', entry.Operation, seen?.HyperParameterTuningJobName ?? seen?.NameContains, seen?.NextToken);
            await AnswerAsync(context, target, operation, body, entry, pageKey, token);
        }
        catch (ServiceError error)
        {
            if (entry != null)
            {
                (entry.StatusCode, entry.ErrorCode) = (error.StatusCode, error.Code);
            }

            await WriteAsync(context, error.Body, token, error.StatusCode);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client went away, or the endpoint is stopping: then drop the connection, because returning
            // normally would make Kestrel send an empty 200 that a client could take for a real answer.
            if (!context.RequestAborted.IsCancellationRequested)
            {
                context.Abort();
            }
        }
    }

    private async Task AnswerAsync(HttpContext context, string target, Operation operation, byte[] body, RequestLogEntry entry, string pageKey,
        CancellationToken token)
    {
        var faults = endpoint.Faults;
        if (faults.DecideBeforeChecks(pageKey) is { } raw)
        {
            (entry.Fault, entry.StatusCode) = ("rawAnswer", 200);
            await WriteAsync(context, Encoding.UTF8.GetBytes(raw.Body ?? string.Empty), token, contentType: raw.ContentType);
            return;
        }

        // Coral routes on the media type before it looks at the target: a request that is not awsJson 1.1
        // falls through to another protocol and comes back as UnknownOperationException with 404
        // (seen from Kinesis as "<UnknownOperationException/>"). The body stays JSON here so that the
        // SDK's JSON error parser reports the code instead of failing on XML.
        var contentType = context.Request.ContentType;
        if (!string.Equals(contentType?.Split(';', 2)[0].Trim(), ServiceError.JsonContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw ServiceError.UnknownOperation(404, $"Content-Type '{contentType}' is not supported; use application/x-amz-json-1.1.");
        }

        if (operation == null)
        {
            throw ServiceError.UnknownOperation(400, target.Length == 0 ? "Missing X-Amz-Target header." : $"Unknown operation {target}.");
        }

        var operationRequest = OperationRequest.Parse(body);
        var validation = new Validation();
        operation.Validate(validation, operationRequest);
        validation.ThrowIfAny();

        var offset = operation.ListMember != null && !string.IsNullOrEmpty(operationRequest.NextToken)
            ? PageToken.Read(operationRequest.NextToken, operation.TokenKey(operationRequest))
            : 0;

        // Page index = offset / page size: stateless, the same for retries, and the same across listings
        // as long as the client keeps MaxResults constant, which is what paginators do.
        var (fault, name, delay) = faults.DecideForPage(pageKey, offset / operationRequest.PageSize);
        entry.Fault = name;
        if (delay > 0) await Task.Delay(delay, token);
        switch (fault)
        {
            case PageFailureFault failure:
                throw failure.Error();
            case HangFault:
                await Task.Delay(Timeout.Infinite, token);
                return;
        }

        var answer = operation.AnswerPage(operationRequest, offset, endpoint.Data);
        entry.StatusCode = fault is ResetFault ? 0 : 200;
        await (fault switch
        {
            ResetFault => ResetMidBodyAsync(context, answer, token),
            StalledBodyFault stalled => DripAsync(context, answer, stalled.IntervalMilliseconds, token),
            EndlessBodyFault => EndlessAsync(context, answer, token),
            OversizedPageFault => WriteAsync(context, Oversized(answer, operationRequest.PageSize + 1), token),
            _ => WriteAsync(context, answer, token),
        });
    }

    /// <summary>Sets the status and content type of an answer; without a length the answer is chunked.</summary>
    private static HttpResponse StartAnswer(HttpContext context, long? contentLength, int statusCode = 200, string contentType = ServiceError.JsonContentType)
    {
        var response = context.Response;
        (response.StatusCode, response.ContentType, response.ContentLength) = (statusCode, contentType, contentLength);
        return response;
    }

    private static Task WriteAsync(HttpContext context, byte[] body, CancellationToken token, int statusCode = 200, string contentType = ServiceError.JsonContentType) =>
        StartAnswer(context, body.Length, statusCode, contentType).Body.WriteAsync(body, token).AsTask();

    /// <summary>Sends the headers with the answer's Content-Length and half the body, then resets the connection.</summary>
    private static async Task ResetMidBodyAsync(HttpContext context, byte[] answer, CancellationToken token)
    {
        var response = StartAnswer(context, answer.Length);
        await response.Body.WriteAsync(answer.AsMemory(0, answer.Length / 2), token);
        await response.Body.FlushAsync(token);
        context.Abort();
    }

    /// <summary>Sends the headers with the answer's Content-Length at once, then one byte every <paramref name="intervalMilliseconds"/>.</summary>
    private static async Task DripAsync(HttpContext context, byte[] answer, int intervalMilliseconds, CancellationToken token)
    {
        var response = StartAnswer(context, answer.Length);
        await response.Body.FlushAsync(token);
        for (var i = 0; i < answer.Length; i++)
        {
            await Task.Delay(Math.Max(1, intervalMilliseconds), token);
            await response.Body.WriteAsync(answer.AsMemory(i, 1), token);
            await response.Body.FlushAsync(token);
        }
    }

    /// <summary>
    /// A chunked answer that opens the page's list of summaries and repeats its first summary for ever, written only
    /// as fast as the client reads: the endpoint holds one summary, whatever the client does.
    /// </summary>
    private static async Task EndlessAsync(HttpContext context, byte[] answer, CancellationToken token)
    {
        var (list, first) = Summaries(JsonNode.Parse(answer).AsObject());
        var opening = Encoding.UTF8.GetBytes($"{{\"{list.Key}\":[{first.ToJsonString(WireJson.Options)}");
        var next = Encoding.UTF8.GetBytes("," + first.ToJsonString(WireJson.Options));
        var response = StartAnswer(context, null);
        await response.Body.WriteAsync(opening, token);
        for (long sent = opening.Length; sent < EndlessBodyLimitBytes; sent += next.Length)
        {
            await response.Body.WriteAsync(next, token);
        }

        context.Abort();
    }

    /// <summary>The answer with its list of summaries filled up to <paramref name="summaries"/> by copies of its first summary.</summary>
    private static byte[] Oversized(byte[] answer, int summaries)
    {
        var root = JsonNode.Parse(answer).AsObject();
        var (list, first) = Summaries(root);
        while (list.Value.AsArray().Count < summaries)
        {
            list.Value.AsArray().Add(first.DeepClone());
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString(WireJson.Options));
    }

    /// <summary>The answer's list member and a copy of its first summary (a stand-in when the page is empty).</summary>
    private static (KeyValuePair<string, JsonNode> List, JsonNode First) Summaries(JsonObject answer)
    {
        var list = answer.First(member => member.Value is JsonArray);
        return (list, list.Value.AsArray().FirstOrDefault()?.DeepClone() ?? new JsonObject { ["TrainingJobName"] = "endless", ["HyperParameterTuningJobName"] = "endless" });
    }
}
