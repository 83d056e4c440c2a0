namespace TuningJobs.Errors;

/// <summary>What went wrong, as far as the user's next step is concerned. Each maps to one ErrorId.</summary>
internal enum FailureKind
{
    ResourceNotFound,
    AccessDenied,
    InvalidCredentials,
    NoCredentials,
    ProfileNotFound,
    NoRegion,
    ValidationError,
    Throttled,
    ServiceUnavailable,
    ConnectionFailed,
    InvalidResponse,
    ServiceError,
    EngineLoadFailed,
    ObjectiveTypeUnknown,
    InvalidConfiguration,
    Timeout,
}
