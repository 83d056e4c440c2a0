using System;
using System.Management.Automation;
using TuningJobs.Service;

namespace TuningJobs.Errors
{
    /// <summary>
    /// The module's ErrorRecords: one stable PascalCase ErrorId and one specific category per cause, the tuning job
    /// name as target, and a recommended action that says how to go on.
    /// </summary>
    internal static class ErrorRecords
    {
        internal static ErrorRecord FromServiceFailure(TuningJobServiceException failure, string tuningJobName, string target)
        {
            var (errorId, category, action) = Describe(failure.Kind, tuningJobName, target);
            var record = new ErrorRecord(failure, errorId, category, tuningJobName);
            record.ErrorDetails = new ErrorDetails(failure.Message + RequestIdSentence(failure))
            {
                RecommendedAction = action + ResumeSentence(failure),
            };
            return record;
        }

        private static (string ErrorId, ErrorCategory Category, string Action) Describe(ServiceErrorKind kind, string jobName, string target)
        {
            switch (kind)
            {
                case ServiceErrorKind.ResourceNotFound:
                    return ("ResourceNotFound", ErrorCategory.ObjectNotFound,
                        $"Check the tuning job name '{jobName}' and that it exists in {target} (Get-Help Get-TuningTrainingJob -Parameter Region).");
                case ServiceErrorKind.AccessDenied:
                    return ("AccessDenied", ErrorCategory.PermissionDenied,
                        "Use credentials allowed to call sagemaker:ListTrainingJobsForHyperParameterTuningJob.");
                case ServiceErrorKind.InvalidCredentials:
                    return ("InvalidCredentials", ErrorCategory.AuthenticationError,
                        "Refresh or replace the credentials (for SSO profiles run 'aws sso login'), then run the command again.");
                case ServiceErrorKind.NoCredentials:
                    return ("NoCredentials", ErrorCategory.AuthenticationError,
                        "Pass -Credential or -ProfileName, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or AWS_PROFILE, or configure the shared credentials file.");
                case ServiceErrorKind.ProfileNotFound:
                    return ("ProfileNotFound", ErrorCategory.ObjectNotFound,
                        "Name a profile from the shared config or credentials file (~/.aws/config, ~/.aws/credentials).");
                case ServiceErrorKind.NoRegion:
                    return ("NoRegion", ErrorCategory.InvalidArgument,
                        "Pass -Region (for example -Region us-east-1), set AWS_REGION, or set a region in the profile.");
                case ServiceErrorKind.ValidationError:
                    return ("ValidationError", ErrorCategory.InvalidArgument,
                        "Correct the parameter the message names; a -NextToken must come from the same listing.");
                case ServiceErrorKind.Throttled:
                    return ("Throttled", ErrorCategory.LimitsExceeded,
                        "Wait and run the command again, or raise AWS_MAX_ATTEMPTS.");
                case ServiceErrorKind.ServiceUnavailable:
                    return ("ServiceUnavailable", ErrorCategory.ResourceUnavailable,
                        "The service failed after all retries; run the command again later.");
                case ServiceErrorKind.ConnectionFailed:
                    return ("ConnectionFailed", ErrorCategory.ConnectionError,
                        $"Check the network path to {target}, then run the command again.");
                case ServiceErrorKind.InvalidResponse:
                    return ("InvalidResponse", ErrorCategory.InvalidResult,
                        $"The answer from {target} was not the documented JSON; check -EndpointUrl and any proxy in between.");
                case ServiceErrorKind.EngineLoadFailed:
                    return ("EngineLoadFailed", ErrorCategory.ResourceUnavailable,
                        "Rebuild or reinstall the TuningJobs module.");
                case ServiceErrorKind.Timeout:
                    return ("Timeout", ErrorCategory.OperationTimeout,
                        $"Check the network path to {target} and any proxy in between, or allow more time with -TimeoutSec, then run the command again.");
                default:
                    return ("ServiceError", ErrorCategory.InvalidOperation,
                        "Read the service's message above; run the command again if the cause is temporary.");
            }
        }

        private static string RequestIdSentence(TuningJobServiceException failure) =>
            failure.RequestId is null ? string.Empty : $" (request id {failure.RequestId})";

        // Jobs already written stay written: say how to fetch exactly the rest.
        private static string ResumeSentence(TuningJobServiceException failure)
        {
            if (failure.JobsWritten == 0 && failure.ResumeParameters is null) return string.Empty;
            var written = $" {failure.JobsWritten} job(s) were written before the failure.";
            return failure.ResumeParameters is null
                ? written + " Run the command again to list from the start."
                : written + $" To resume where it stopped, run the same command with {failure.ResumeParameters} " +
                  "(in place of any -Best, -Skip, -First and -NextToken it had).";
        }

    }
}
