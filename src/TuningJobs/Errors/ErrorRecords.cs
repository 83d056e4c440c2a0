using System;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace TuningJobs.Errors;

/// <summary>
/// The module's ErrorRecords: one stable PascalCase ErrorId and one specific category per cause, the tuning job
/// name as target, and a recommended action that says how to go on, including how to resume a listing that
/// failed part way.
/// </summary>
internal static class ErrorRecords
{
    /// <param name="failure">What went wrong.</param>
    /// <param name="tuningJobName">The target object, and the name messages speak of.</param>
    /// <param name="target">Where requests went (<see cref="Api.AwsConnection.Describe"/>).</param>
    /// <param name="operation">The IAM action the call needs, for the access-denied advice.</param>
    /// <param name="resume">Where a listing stood, or null for a call that is not a listing.</param>
    internal static ErrorRecord FromFailure(TuningJobsException failure, string tuningJobName, string target, string operation,
        ResumePoint resume = null)
    {
        if (resume != null)
        {
            failure.JobsWritten = resume.Written;
            failure.NextToken = resume.NextToken;
            failure.ResumeParameters = ResumeParameters(resume);
        }
        var (errorId, category, action) = Describe(failure.Kind, tuningJobName, target, operation);
        var record = new ErrorRecord(failure, errorId, category, tuningJobName);
        record.ErrorDetails = new ErrorDetails(failure.Message + RequestIdSentence(failure))
        {
            RecommendedAction = action + ResumeSentence(failure),
        };
        return record;
    }

    private static (string ErrorId, ErrorCategory Category, string Action) Describe(FailureKind kind, string jobName, string target, string operation)
    {
        switch (kind)
        {
            case FailureKind.ResourceNotFound:
                return ("ResourceNotFound", ErrorCategory.ObjectNotFound,
                    $"Check the tuning job name '{jobName}' and that it exists in {target} (Get-Help about_TuningJobs: REGIONS).");
            case FailureKind.AccessDenied:
                return ("AccessDenied", ErrorCategory.PermissionDenied,
                    $"Use credentials allowed to call {operation}.");
            case FailureKind.InvalidCredentials:
                return ("InvalidCredentials", ErrorCategory.AuthenticationError,
                    "Refresh or replace the credentials (for SSO profiles run 'aws sso login'), then run the command again.");
            case FailureKind.NoCredentials:
                return ("NoCredentials", ErrorCategory.AuthenticationError,
                    "Pass -Credential or -ProfileName, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or AWS_PROFILE, or configure the shared credentials file.");
            case FailureKind.ProfileNotFound:
                return ("ProfileNotFound", ErrorCategory.ObjectNotFound,
                    "Name a profile from the shared config or credentials file (~/.aws/config, ~/.aws/credentials).");
            case FailureKind.NoRegion:
                return ("NoRegion", ErrorCategory.InvalidArgument,
                    "Pass -Region (for example -Region us-east-1), set AWS_REGION, or set a region in the profile.");
            case FailureKind.ValidationError:
                return ("ValidationError", ErrorCategory.InvalidArgument,
                    "Correct the parameter the message names; a -NextToken must come from the same listing.");
            case FailureKind.Throttled:
                return ("Throttled", ErrorCategory.LimitsExceeded,
                    "Wait and run the command again, or raise AWS_MAX_ATTEMPTS.");
            case FailureKind.ServiceUnavailable:
                return ("ServiceUnavailable", ErrorCategory.ResourceUnavailable,
                    "The service failed after all retries; run the command again later.");
            case FailureKind.ConnectionFailed:
                return ("ConnectionFailed", ErrorCategory.ConnectionError,
                    $"Check the network path to {target}, then run the command again.");
            case FailureKind.InvalidResponse:
                return ("InvalidResponse", ErrorCategory.InvalidResult,
                    $"The answer from {target} was not the documented JSON; check -EndpointUrl and any proxy in between.");
            case FailureKind.ObjectiveTypeUnknown:
                return ("ObjectiveTypeUnknown", ErrorCategory.InvalidResult,
                    "Sort explicitly instead of -Best: -SortBy FinalObjectiveMetricValue -SortOrder Descending for a maximized objective, Ascending for a minimized one.");
            case FailureKind.EngineLoadFailed:
                return ("EngineLoadFailed", ErrorCategory.ResourceUnavailable,
                    "Rebuild or reinstall the TuningJobs module.");
            case FailureKind.InvalidConfiguration:
                return ("InvalidConfiguration", ErrorCategory.InvalidArgument,
                    "Change or unset the setting the message names; AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true turns off endpoints configured in the environment or the profile.");
            case FailureKind.Timeout:
                return ("Timeout", ErrorCategory.OperationTimeout,
                    $"Check the network path to {target} and any proxy in between, or allow more time with -TimeoutSec, then run the command again.");
            default:
                return ("ServiceError", ErrorCategory.InvalidOperation,
                    "Read the service's message above; run the command again if the cause is temporary.");
        }
    }

    private static string RequestIdSentence(TuningJobsException failure) =>
        failure.RequestId is null ? string.Empty : $" (request id {failure.RequestId})";

    // The parameters that fetch exactly the rest, as PowerShell source: the token is text from the wire, so it is
    // quoted the way PowerShell quotes a literal (every kind of single quote doubled) and can never become code.
    private static string ResumeParameters(ResumePoint resume)
    {
        if (resume.NextToken is null) return null;
        var parameters = "-NextToken " + Quote(resume.NextToken);
        if (resume.SortBy != null) parameters += " -SortBy " + resume.SortBy;
        if (resume.SortOrder != null) parameters += " -SortOrder " + resume.SortOrder;
        if (resume.SkipOwed > 0) parameters += " -Skip " + resume.SkipOwed;
        if (resume.FirstOwed.HasValue) parameters += " -First " + resume.FirstOwed.Value;
        return parameters;
    }

    internal static string Quote(string text) => "'" + CodeGeneration.EscapeSingleQuotedStringContent(text) + "'";

    // Items already written stay written: say how to fetch exactly the rest.
    private static string ResumeSentence(TuningJobsException failure)
    {
        if (failure.JobsWritten == 0 && failure.ResumeParameters is null) return string.Empty;
        var written = $" {failure.JobsWritten} job(s) were written before the failure.";
        return failure.ResumeParameters is null
            ? written + " Run the command again to list from the start."
            : written + $" To resume where it stopped, run the same command with {failure.ResumeParameters} " +
              "(in place of the paging parameters it had: -Skip, -First, -NextToken, and -Best where there is one).";
    }
}
