using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TuningJobs.LocalEndpoint.Operations;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// Answers operation requests, checking in the order the service's front end does: route, signature,
/// content type, target, body, validation, pagination token, then the operation itself. Faults and canned
/// answers are slotted in where the real failure they imitate would happen.
/// </summary>
internal sealed class OperationPipeline
{
    private const string TargetPrefix = "SageMaker.";

    private static readonly IReadOnlyDictionary<string, IOperation> _operations =
        new IOperation[] { new ListTrainingJobsForTuningJob(), new ListTuningJobs(), new DescribeTuningJob() }.ToDictionary(o => TargetPrefix + o.Name, StringComparer.Ordinal);

    private readonly LocalSageMakerEndpoint _endpoint;
    private readonly RawResponseQueue _rawResponses;
    private readonly CancellationToken _stopping;

    public OperationPipeline(LocalSageMakerEndpoint endpoint, RawResponseQueue rawResponses, CancellationToken stopping)
    {
        _endpoint = endpoint;
        _rawResponses = rawResponses;
        _stopping = stopping;
    }

    public async Task HandleAsync(HttpContext context)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
        var token = cancellation.Token;
        var requestId = Guid.NewGuid().ToString();
        var request = context.Request;

        try
        {
            if (!HttpMethods.IsPost(request.Method) || request.Path.Value != "/")
            {
                await WriteErrorAsync(context, ErrorResponses.UnknownOperation(404, $"No operation is served at {request.Method} {request.Path}; awsJson 1.1 requests are POST /."), requestId, token);
                return;
            }

            var body = await ReadBodyAsync(request, token);
            await DelayAsync(_endpoint.Latency, token);

            SigV4Identity identity;
            try
            {
                identity = SigV4Verifier.Verify(request, body, _endpoint.SigningRegion, _endpoint.Clock());
            }
            catch (ServiceErrorException error)
            {
                _endpoint.CountSignatureRejection();
                await WriteErrorAsync(context, error, requestId, token);
                return;
            }

            var target = request.Headers["X-Amz-Target"].ToString();
            _operations.TryGetValue(target, out var operation);
            var seen = operation == null ? null : RequestParser.TryParse(body, operation.Members);
            var entry = new RequestLogEntry(
                target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target.Substring(TargetPrefix.Length) : target,
                seen?.HyperParameterTuningJobName, seen?.MaxResults, seen?.NextToken, seen?.SortBy, seen?.SortOrder, seen?.StatusEquals, seen?.NameContains,
                identity.Region, identity.AccessKeyId, requestId, DateTimeOffset.UtcNow, context.Connection.Id);
            _endpoint.Requests.Add(entry);

            await AnswerAsync(context, operation, body, entry, token);
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

    private async Task AnswerAsync(HttpContext context, IOperation operation, byte[] body, RequestLogEntry entry, CancellationToken token)
    {
        var request = context.Request;
        try
        {
            if (_rawResponses.TryTake(out var raw))
            {
                entry.Fault = "rawResponse";
                entry.StatusCode = raw.StatusCode;
                await ErrorResponses.WriteAsync(context, raw.StatusCode, Encoding.UTF8.GetBytes(raw.Body ?? string.Empty), raw.ContentType, entry.RequestId, token);
                return;
            }

            // Coral routes on the media type before it looks at the target: a request that is not awsJson 1.1
            // falls through to another protocol and comes back as UnknownOperationException with 404
            // (seen from Kinesis as "<UnknownOperationException/>"). The body stays JSON here so that the
            // SDK's JSON error parser reports the code instead of failing on XML.
            if (!IsAwsJson11(request.ContentType))
            {
                throw ErrorResponses.UnknownOperation(404, $"Content-Type '{request.ContentType}' is not supported; use application/x-amz-json-1.1.");
            }

            if (operation == null)
            {
                var target = request.Headers["X-Amz-Target"].ToString();
                throw ErrorResponses.UnknownOperation(400, target.Length == 0 ? "Missing X-Amz-Target header." : $"Unknown operation {target}.");
            }

            var errorFor = _endpoint.Faults.DecideBeforeValidation();
            if (errorFor.Action == FaultAction.Error)
            {
                entry.Fault = errorFor.Name;
                throw errorFor.Error;
            }

            var listRequest = RequestParser.Parse(body, operation.Members);
            operation.Validate(listRequest);

            var offset = 0;
            if (!string.IsNullOrEmpty(listRequest.NextToken)
                && !PageToken.TryRead(listRequest.NextToken, operation.ListingKey(listRequest), out offset, out var problem))
            {
                throw ErrorResponses.InvalidPaginationToken(problem);
            }

            // Page index = offset / page size: stateless, the same for retries, and the same across listings
            // as long as the client keeps MaxResults constant, which is what paginators do.
            var pageIndex = offset / Paging.PageSize(listRequest);
            var pageKey = string.Join('\u001f', operation.Name, listRequest.HyperParameterTuningJobName ?? listRequest.NameContains ?? string.Empty, listRequest.NextToken ?? string.Empty);
            var decision = _endpoint.Faults.DecideForPage(pageKey, pageIndex);
            entry.Fault = decision.Name;
            await DelayAsync(TimeSpan.FromMilliseconds(decision.DelayMilliseconds), token);

            switch (decision.Action)
            {
                case FaultAction.Error:
                    throw decision.Error;
                case FaultAction.Hang:
                    await Task.Delay(Timeout.Infinite, token);
                    return;
                case FaultAction.Reset:
                    await ResetMidBodyAsync(context, operation.Answer(listRequest, offset, _endpoint.Data), entry.RequestId, token);
                    return;
                case FaultAction.StalledBody:
                    entry.StatusCode = 200;
                    await BodyFaults.DripAsync(context, operation.Answer(listRequest, offset, _endpoint.Data), entry.RequestId, decision.Amount, token);
                    return;
                case FaultAction.EndlessBody:
                    entry.StatusCode = 200;
                    await BodyFaults.EndlessAsync(context, operation.Answer(listRequest, offset, _endpoint.Data), entry.RequestId, token);
                    return;
                case FaultAction.OversizedPage:
                    entry.StatusCode = 200;
                    var oversized = BodyFaults.Oversized(operation.Answer(listRequest, offset, _endpoint.Data), Paging.PageSize(listRequest) + decision.Amount);
                    await ErrorResponses.WriteAsync(context, 200, oversized, ErrorResponses.JsonContentType, entry.RequestId, token);
                    return;
            }

            var answer = operation.Answer(listRequest, offset, _endpoint.Data);
            entry.StatusCode = 200;
            await ErrorResponses.WriteAsync(context, 200, answer, ErrorResponses.JsonContentType, entry.RequestId, token);
        }
        catch (ServiceErrorException error)
        {
            entry.StatusCode = error.StatusCode;
            entry.ErrorCode = error.Code;
            await WriteErrorAsync(context, error, entry.RequestId, token);
        }
    }

    private static async Task ResetMidBodyAsync(HttpContext context, byte[] answer, string requestId, CancellationToken token)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = ErrorResponses.JsonContentType;
        response.Headers["x-amzn-RequestId"] = requestId;
        response.ContentLength = answer.Length;
        await response.Body.WriteAsync(answer.AsMemory(0, answer.Length / 2), token);
        await response.Body.FlushAsync(token);
        context.Abort();
    }

    private static Task WriteErrorAsync(HttpContext context, ServiceErrorException error, string requestId, CancellationToken token) =>
        ErrorResponses.WriteAsync(context, error.StatusCode, ErrorResponses.Body(error), ErrorResponses.JsonContentType, requestId, token);

    private static bool IsAwsJson11(string contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return string.Equals(mediaType, ErrorResponses.JsonContentType, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken token)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, token);
        return buffer.ToArray();
    }

    private static Task DelayAsync(TimeSpan delay, CancellationToken token) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, token) : Task.CompletedTask;
}
