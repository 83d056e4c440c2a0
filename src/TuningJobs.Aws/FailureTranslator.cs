using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using TuningJobs.Aws.Http;
using TuningJobs.Aws.SageMaker.Model;
using TuningJobs.Api;
using TuningJobs.Errors;

namespace TuningJobs.Aws;

/// <summary>
/// Explains an SDK failure as a <see cref="TuningJobsException"/>. No SDK exception crosses the boundary,
/// not even as an inner exception: its text can quote what was signed (a service's signature-mismatch message
/// repeats the canonical request, session token included), and $Error keeps whatever the record holds.
/// </summary>
internal static class FailureTranslator
{
    private static readonly string[] _throttlingCodes =
    {
        "ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded",
        "ProvisionedThroughputExceededException", "RequestThrottled", "SlowDown", "RequestThrottledException",
        "TransactionInProgressException", "EC2ThrottledException", "BandwidthLimitExceeded", "LimitExceededException",
        "PriorRequestNotComplete",
    };

    private static readonly string[] _credentialCodes =
    {
        "UnrecognizedClientException", "InvalidClientTokenId", "ExpiredTokenException", "ExpiredToken",
        "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignatureException",
        "MissingAuthenticationTokenException", "MissingAuthenticationToken", "AuthFailure", "RequestExpired",
        "InvalidAccessKeyId", "TokenRefreshRequired",
    };

    public static TuningJobsException Translate(Exception failure, string tuningJobName, string target)
    {
        // Found wherever the SDK put them: thrown by the HTTP handler, or under the exception of an unreadable body.
        var timedOut = Find<AttemptTimeoutException>(failure);
        if (timedOut != null)
        {
            var attempts = timedOut.Attempt > 0 ? $"after {timedOut.Attempt} attempt{(timedOut.Attempt == 1 ? "" : "s")}" : "after all retries";
            return new TuningJobsException(FailureKind.Timeout,
                $"No complete answer from {target} within {AttemptTimeoutException.Describe(timedOut.Timeout)} (attempt timeout), {attempts}.");
        }
        var overBound = Find<ResponseBoundException>(failure);
        if (overBound != null)
        {
            return new TuningJobsException(FailureKind.InvalidResponse,
                $"The answer from {target} {overBound.Message}; it was not read further.", requestId: (failure as AmazonServiceException)?.RequestId);
        }

        switch (failure)
        {
            case TuningJobsException explained:
                return explained;
            case ResourceNotFoundException notFound:
                return new TuningJobsException(FailureKind.ResourceNotFound,
                    $"The tuning job '{tuningJobName}' was not found in {target}. The service said: {FirstLine(notFound.Message)}",
                    notFound.ErrorCode, notFound.RequestId);
            case AmazonUnmarshallingException unreadable:
                // A body cut short by a reset is the connection's fault, not the service's.
                var cut = FindConnectionFailure(unreadable.InnerException);
                return cut != null ? ConnectionFailed(target, cut) : InvalidResponse(target, unreadable.RequestId);
            case AmazonServiceException service when service.ErrorCode != null || service.StatusCode != 0:
                return FromServiceAnswer(service, target);
            case JsonException _:
            case FormatException _:
            case InvalidDataException _:
                return InvalidResponse(target, null);
        }

        var connectionFailure = FindConnectionFailure(failure);
        if (connectionFailure != null)
        {
            return ConnectionFailed(target, connectionFailure);
        }
        if (failure is AmazonClientException client && LooksLikeMissingCredentials(client))
        {
            return new TuningJobsException(FailureKind.NoCredentials,
                "No AWS credentials could be resolved: " + FirstLine(client.Message));
        }
        if (failure.InnerException != null && failure is AmazonServiceException)
        {
            return Translate(failure.InnerException, tuningJobName, target);
        }
        return new TuningJobsException(FailureKind.ServiceError,
            $"The request to {target} failed: {FirstLine(failure.Message)}");
    }

    private static TuningJobsException FromServiceAnswer(AmazonServiceException service, string target)
    {
        var code = service.ErrorCode;
        var said = string.IsNullOrEmpty(service.Message) ? code : FirstLine(service.Message);
        FailureKind kind;
        string message;
        if (code == "AccessDeniedException" || code == "AccessDenied")
        {
            kind = FailureKind.AccessDenied;
            message = $"Access was denied by {target}: {said}";
        }
        else if (Array.IndexOf(_credentialCodes, code) >= 0)
        {
            kind = FailureKind.InvalidCredentials;
            message = $"The credentials were rejected by {target} ({code}): {said}";
        }
        else if (code == "ValidationException")
        {
            kind = FailureKind.ValidationError;
            message = $"The service rejected the request: {said}";
        }
        else if (Array.IndexOf(_throttlingCodes, code) >= 0 || service.StatusCode == (HttpStatusCode)429)
        {
            kind = FailureKind.Throttled;
            message = $"The service at {target} kept throttling the request after all retries ({code}): {said}";
        }
        else if ((int)service.StatusCode >= 500)
        {
            kind = FailureKind.ServiceUnavailable;
            message = $"The service at {target} failed after all retries (HTTP {(int)service.StatusCode} {code}): {said}";
        }
        else if (code == null && service.InnerException != null)
        {
            return InvalidResponse(target, service.RequestId);
        }
        else
        {
            kind = FailureKind.ServiceError;
            message = $"The service at {target} answered HTTP {(int)service.StatusCode} {code}: {said}";
        }
        return new TuningJobsException(kind, message, code, service.RequestId);
    }

    private static TuningJobsException ConnectionFailed(string target, Exception cause) =>
        new TuningJobsException(FailureKind.ConnectionFailed, $"Could not get an answer from {target}: {FirstLine(cause.Message)}");

    private static TuningJobsException InvalidResponse(string target, string requestId) =>
        new TuningJobsException(FailureKind.InvalidResponse,
            $"The answer from {target} was not the documented SageMaker JSON, so it could not be read.",
            requestId: requestId);

    // A service message's first line says what is wrong; what follows can quote the signed request.
    private static string FirstLine(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var end = text.IndexOfAny(new[] { '\r', '\n' });
        var line = end < 0 ? text : text.Substring(0, end);
        line = line.TrimEnd();
        return line.Length > 500 ? line.Substring(0, 500) + "…" : line;
    }

    private static Exception FindConnectionFailure(Exception failure)
    {
        for (var e = failure; e != null; e = e.InnerException)
        {
            if (e is HttpRequestException || e is WebException || e is SocketException || e is IOException) return Innermost(e);
            if (e is OperationCanceledException || e is TimeoutException) return e;
        }
        return null;
    }

    private static T Find<T>(Exception failure) where T : Exception
    {
        for (var e = failure; e != null; e = e.InnerException)
        {
            if (e is T found) return found;
        }
        return null;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException != null) e = e.InnerException;
        return e;
    }

    private static bool LooksLikeMissingCredentials(AmazonClientException e) =>
        e.Message.IndexOf("credential", StringComparison.OrdinalIgnoreCase) >= 0;
}
