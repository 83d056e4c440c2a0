namespace TuningJobs.Errors;

/// <summary>
/// Where a listing stood when it failed, as plain facts: what was written, the token of the page that failed, the
/// sort it really ran with, and what -Skip and -First still owed. <see cref="ErrorRecords"/> turns them into advice.
/// </summary>
internal sealed class ResumePoint
{
    public long Written { get; set; }

    /// <summary>Null when the first page failed: there is nothing to resume, only to run again.</summary>
    public string NextToken { get; set; }

    public string SortBy { get; set; }
    public string SortOrder { get; set; }
    public ulong SkipOwed { get; set; }

    /// <summary>Null when -First was not given.</summary>
    public ulong? FirstOwed { get; set; }
}
