namespace TuningJobs.Service
{
    /// <summary>What went wrong, as far as the user's next step is concerned. Each maps to one ErrorId.</summary>
    internal enum ServiceErrorKind
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
        Timeout,
    }
}
