namespace TuningJobs.Aws.Http;

/// <summary>
/// Bounds on one answer, from the limits of the service model (spec/sagemaker-model-excerpt.json). An answer past
/// one of them is not the service speaking: reading stops there and the call ends as InvalidResponse.
/// </summary>
internal static class ResponseBounds
{
    /// <summary>Summaries in one page when the request set no MaxResults: MaxResults is at most 100.</summary>
    public const int MaxSummariesPerPage = 100;

    /// <summary>Entries of one job's TunedHyperParameters: the HyperParameters map holds at most 100.</summary>
    public const int MaxHyperParametersPerJob = 100;

    /// <summary>
    /// Bytes of one answer's body, 64 MiB. The largest page the model allows: 100 summaries, each with at most 100
    /// hyperparameters of a 256-character key and a 2,500-character value (275,600 characters), its other strings
    /// (definition name 64, job name 63, ARN 256, tuning job name 32, failure reason 1,024, metric name 255, statuses
    /// and types: under 2,000 characters) and its member names, quotes, separators and timestamps (under 2,000
    /// bytes); with the 8,192-character NextToken that is about 27.96 million characters, 26.7 MiB of ASCII. 64 MiB
    /// leaves room for 2.4 bytes per character on average (non-ASCII text, JSON escapes), more than twice the
    /// ASCII worst case, while the memory one answer can take stays a small multiple of it.
    /// </summary>
    public const long MaxAnswerBytes = 64L * 1024 * 1024;
}
