using System.Management.Automation;

namespace TuningJobs.Tests.Errors;

/// <summary>
/// Every kind of failure becomes an ErrorRecord with its own ErrorId and category, the tuning job as target, the
/// failure's message with its request id, and advice on what to do. What produces each kind over HTTP is tested in Aws/.
/// </summary>
public sealed class ErrorRecordsTests
{
    [Theory]
    [InlineData("ResourceNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData("AccessDenied", ErrorCategory.PermissionDenied)]
    [InlineData("InvalidCredentials", ErrorCategory.AuthenticationError)]
    [InlineData("NoCredentials", ErrorCategory.AuthenticationError)]
    [InlineData("ProfileNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData("NoRegion", ErrorCategory.InvalidArgument)]
    [InlineData("ValidationError", ErrorCategory.InvalidArgument)]
    [InlineData("Throttled", ErrorCategory.LimitsExceeded)]
    [InlineData("ServiceUnavailable", ErrorCategory.ResourceUnavailable)]
    [InlineData("ConnectionFailed", ErrorCategory.ConnectionError)]
    [InlineData("InvalidResponse", ErrorCategory.InvalidResult)]
    [InlineData("ServiceError", ErrorCategory.InvalidOperation)]
    [InlineData("EngineLoadFailed", ErrorCategory.ResourceUnavailable)]
    [InlineData("ObjectiveTypeUnknown", ErrorCategory.InvalidResult)]
    [InlineData("InvalidConfiguration", ErrorCategory.InvalidArgument, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")]
    [InlineData("Timeout", ErrorCategory.OperationTimeout)]
    public void EachKindHasItsErrorIdCategoryTargetMessageAndAdvice(string kind, ErrorCategory category, string adviceMentions = "")
    {
        var failure = new TuningJobsException(Enum.Parse<FailureKind>(kind), "Said by the service.", "SomeCode", "req-1");
        var record = ErrorRecords.FromFailure(failure, "my-tuning", "region us-east-1",
            "sagemaker:ListTrainingJobsForHyperParameterTuningJob");
        Assert.Equal(kind, record.FullyQualifiedErrorId);
        Assert.Equal(category, record.CategoryInfo.Category);
        Assert.Equal("my-tuning", record.TargetObject);
        Assert.Same(failure, record.Exception);
        Assert.Equal("Said by the service. (request id req-1)", record.ErrorDetails.Message);
        Assert.False(string.IsNullOrWhiteSpace(record.ErrorDetails.RecommendedAction));
        Assert.Contains(adviceMentions, record.ErrorDetails.RecommendedAction);
    }
}
