using System.Text;
using Microsoft.AspNetCore.Http;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// Answers operation requests, checking in the order the service's front end does: route, signature,
/// content type, target, body, validation, pagination token, then the operation itself. Faults and canned
/// answers are slotted in where the real failure they imitate would happen.
/// </summary>
internal sealed class OperationPipeline(LocalSageMakerEndpoint endpoint, CancellationToken stopping)
{
    public async Task HandleAsync(HttpContext context)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var token = cancellation.Token;
        var requestId = Guid.NewGuid().ToString();
        var request = context.Request;
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
            await DelayAsync(endpoint.Latency, token);

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
            await AnswerAsync(context, operation, body, entry, requestId, token);
        }
        catch (ServiceError error)
        {
            if (entry != null)
            {
                entry.StatusCode = error.StatusCode;
                entry.ErrorCode = error.Code;
            }

            await WriteAsync(context, error.StatusCode, error.Body, ServiceError.JsonContentType, requestId, token);
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

    /// <summary>Sets the status and the headers every SageMaker answer carries; without a length the answer is chunked.</summary>
    public static HttpResponse StartAnswer(HttpContext context, int statusCode, string contentType, string requestId, long? contentLength)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.ContentLength = contentLength;
        response.Headers["x-amzn-RequestId"] = requestId;
        return response;
    }

    private async Task AnswerAsync(
        HttpContext context, Operation operation, byte[] body, RequestLogEntry entry, string requestId, CancellationToken token)
    {
        var request = context.Request;
        if (endpoint.RawResponses.TryDequeue(out var raw))
        {
            entry.Fault = "rawResponse";
            entry.StatusCode = raw.StatusCode;
            await WriteAsync(context, raw.StatusCode, Encoding.UTF8.GetBytes(raw.Body ?? string.Empty), raw.ContentType, requestId, token);
            return;
        }

        // Coral routes on the media type before it looks at the target: a request that is not awsJson 1.1
        // falls through to another protocol and comes back as UnknownOperationException with 404
        // (seen from Kinesis as "<UnknownOperationException/>"). The body stays JSON here so that the
        // SDK's JSON error parser reports the code instead of failing on XML.
        var mediaType = request.ContentType?.Split(';', 2)[0].Trim();
        if (!string.Equals(mediaType, ServiceError.JsonContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw ServiceError.UnknownOperation(404, $"Content-Type '{request.ContentType}' is not supported; use application/x-amz-json-1.1.");
        }

        if (operation == null)
        {
            var target = request.Headers["X-Amz-Target"].ToString();
            throw ServiceError.UnknownOperation(400, target.Length == 0 ? "Missing X-Amz-Target header." : $"Unknown operation {target}.");
        }

        var faults = endpoint.Faults;
        if (faults.DecideBeforeValidation() is { } authorization)
        {
            entry.Fault = "errorFor";
            throw authorization.Error();
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
        var pageKey = string.Join('\u001f', operation.Name, operationRequest.HyperParameterTuningJobName ?? operationRequest.NameContains, operationRequest.NextToken);
        var (fault, name, delay) = faults.DecideForPage(pageKey, offset / operationRequest.PageSize);
        entry.Fault = name;
        await DelayAsync(TimeSpan.FromMilliseconds(delay), token);
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
            ResetFault => BodyFaults.ResetMidBodyAsync(context, answer, requestId, token),
            StalledBodyFault stalled => BodyFaults.DripAsync(context, answer, requestId, stalled.IntervalMilliseconds, token),
            EndlessBodyFault => BodyFaults.EndlessAsync(context, answer, requestId, token),
            OversizedPageFault => WriteAsync(
                context, 200, BodyFaults.Oversized(answer, operationRequest.PageSize + 1), ServiceError.JsonContentType, requestId, token),
            _ => WriteAsync(context, 200, answer, ServiceError.JsonContentType, requestId, token),
        });
    }

    private static Task WriteAsync(
        HttpContext context, int statusCode, byte[] body, string contentType, string requestId, CancellationToken token) =>
        StartAnswer(context, statusCode, contentType, requestId, body.Length).Body.WriteAsync(body, token).AsTask();

    private static Task DelayAsync(TimeSpan delay, CancellationToken token) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, token) : Task.CompletedTask;
}
