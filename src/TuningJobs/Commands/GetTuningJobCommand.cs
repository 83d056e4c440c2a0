using System;
using System.Management.Automation;
using System.Text.RegularExpressions;
using TuningJobs.Api;
using TuningJobs.Completion;
using TuningJobs.Errors;
using TuningJobs.Listing;
using TuningJobs.Loading;
using TuningJobs.Validation;

namespace TuningJobs.Commands;

/// <summary>
/// Lists the account's hyperparameter tuning jobs (ListHyperParameterTuningJobs), writing each as soon as its page
/// arrives, or describes the named ones (DescribeHyperParameterTuningJob); a name with wildcards lists and filters.
/// </summary>
[Cmdlet(VerbsCommon.Get, "TuningJob", SupportsPaging = true, DefaultParameterSetName = ListingSet)]
[OutputType(typeof(HyperParameterTuningJob))]
public sealed class GetTuningJobCommand : AwsCmdlet
{
    private const string ListingSet = "Listing";
    private const string NameSet = "Name";
    private const string ListOperation = "sagemaker:ListHyperParameterTuningJobs";
    private const string DescribeOperation = "sagemaker:DescribeHyperParameterTuningJob";

    // -Skip and -First count over everything the command writes, across names from the pipeline.
    private SkipFirst _count;
    private long _read;
    private bool _readWhole;

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("HyperParameterTuningJobName", "TuningJobName")]
    [ArgumentCompleter(typeof(TuningJobNameCompleter))]
    [ValidateNotNullOrEmpty]
    [ValidateTuningJobNameOrPattern]
    public string[] Name { get; set; }

    /// <summary>Only tuning jobs whose name contains this text (the service's filter, case-insensitive).</summary>
    [Parameter(ParameterSetName = ListingSet)]
    [ValidateLength(1, 63)]
    [ValidatePattern(@"^[a-zA-Z0-9\-]+\z", Options = RegexOptions.None)]
    public string NameContains { get; set; }

    [Parameter]
    [Alias("Status", "StatusEqual")]
    [ValidateSet(ApiValues.Completed, ApiValues.InProgress, ApiValues.Failed, ApiValues.Stopped, ApiValues.Stopping,
        ApiValues.Deleting, ApiValues.DeleteFailed, IgnoreCase = true)]
    public string StatusEquals { get; set; }

    [Parameter]
    public DateTime? CreationTimeAfter { get; set; }

    [Parameter]
    public DateTime? CreationTimeBefore { get; set; }

    [Parameter]
    public DateTime? LastModifiedTimeAfter { get; set; }

    [Parameter]
    public DateTime? LastModifiedTimeBefore { get; set; }

    [Parameter]
    [ValidateSet(ApiValues.Name, ApiValues.Status, ApiValues.CreationTime, IgnoreCase = true)]
    public string SortBy { get; set; }

    [Parameter]
    [ValidateSet(ApiValues.Ascending, ApiValues.Descending, IgnoreCase = true)]
    public string SortOrder { get; set; }

    [Parameter]
    [Alias("MaxResults", "MaxResult")]
    [ValidateRange(1, 100)]
    public int PageSize { get; set; } = 100;

    [Parameter(ParameterSetName = ListingSet)]
    [ValidateLength(1, 8192)]
    public string NextToken { get; set; }

    protected override void BeginProcessing() => _count = PagingCount();

    protected override void ProcessRecord()
    {
        var connection = Connection();
        RunStoppable(() =>
        {
            if (ParameterSetName == ListingSet)
            {
                WriteListed(connection, Request(NameContains, NextToken), NameContains, null);
                return;
            }
            foreach (var name in Name)
            {
                if (_count.Full) return;
                if (WildcardPattern.ContainsWildcardCharacters(name))
                {
                    WriteListed(connection, Request(TuningJobNames.LongestLiteral(name), null), name,
                        new WildcardPattern(name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant));
                }
                else
                {
                    WriteDescribed(connection, name);
                }
            }
        });
    }

    protected override void EndProcessing()
    {
        if (!PagingParameters.IncludeTotalCount) return;
        // The API has no count. A plain listing counts what it read, exact when read to its end; with -Name, what matched.
        WriteObject(ParameterSetName == ListingSet
            ? PagingParameters.NewTotalCount((ulong)_read, _readWhole ? 1.0 : 0.0)
            : PagingParameters.NewTotalCount((ulong)_count.Taken, 0.0));
    }

    private TuningJobsRequest Request(string nameContains, string nextToken) => new TuningJobsRequest
    {
        NameContains = string.IsNullOrEmpty(nameContains) ? null : nameContains,
        StatusEquals = ApiValues.Canonical(StatusEquals, ApiValues.TuningJobStatuses),
        CreationTimeAfter = Utc(CreationTimeAfter),
        CreationTimeBefore = Utc(CreationTimeBefore),
        LastModifiedTimeAfter = Utc(LastModifiedTimeAfter),
        LastModifiedTimeBefore = Utc(LastModifiedTimeBefore),
        SortBy = ApiValues.Canonical(SortBy, ApiValues.TuningJobSortByOptions),
        SortOrder = ApiValues.Canonical(SortOrder, ApiValues.SortOrders),
        NextToken = nextToken,
    };

    // A DateTime of unspecified kind is taken as local time, as PowerShell's [datetime] casts and Get-Date give it.
    private static DateTime? Utc(DateTime? value) => value?.Kind == DateTimeKind.Utc ? value : value?.ToUniversalTime();

    /// <summary>Lists page by page; with a wildcard pattern, the service filters by its longest literal part and the pattern by the rest.</summary>
    private void WriteListed(AwsConnection connection, TuningJobsRequest request, string target, WildcardPattern pattern)
    {
        // Without a pattern, every job listed is written, so -Skip and -First size the requests; with one, they count
        // what matches.
        var pager = new Pager<HyperParameterTuningJob>(
            (token, maxResults, cancellation) => Engine.Api.ListTuningJobsAsync(connection, request.WithPage(token, maxResults), cancellation),
            request.NextToken, PageSize, pattern is null ? _count : SkipFirst.All())
        {
            // A pattern with -First stops at its last match, which the pager cannot see coming.
            ReadAhead = pattern is null || !_count.FirstGiven,
        };
        try
        {
            foreach (var page in ReadPages(pager, "tuning jobs", "Listing tuning jobs"))
            {
                foreach (var job in page.Wanted)
                {
                    if (pattern != null && !(pattern.IsMatch(job.HyperParameterTuningJobName ?? string.Empty) && _count.Take())) continue;
                    WriteObject(job);
                    // A pattern's matches are counted here, and the listing stops at the last one wanted.
                    if (pattern != null && _count.Full) return;
                }
            }
            _read = pager.Read;
            _readWhole = pager.Finished && request.NextToken is null;
        }
        catch (TuningJobsException failure)
        {
            // Only a plain listing can be resumed with -NextToken: a pattern's listing has no such parameter.
            var resume = pager.ResumePoint(_count.Taken, tokenResumes: pattern is null, request.SortBy, request.SortOrder);
            Fail(ErrorRecords.FromFailure(failure, target, connection.Describe(), ListOperation, resume));
        }
    }

    private void WriteDescribed(AwsConnection connection, string name)
    {
        HyperParameterTuningJob job;
        try
        {
            job = Engine.Api.DescribeTuningJobAsync(connection, name, StopToken).GetAwaiter().GetResult();
        }
        catch (TuningJobsException failure)
        {
            var record = ErrorRecords.FromFailure(failure, name, connection.Describe(), DescribeOperation);
            // A name that does not exist is that name's problem; the other names still get their answer.
            if (failure.Kind == FailureKind.ResourceNotFound)
            {
                WriteError(record);
                return;
            }
            Fail(record);
            return;
        }
        if (Matches(job) && _count.Take()) WriteObject(job);
    }

    // The filters a listing sends to the service, applied to a described job, so that they mean the same with -Name.
    private bool Matches(HyperParameterTuningJob job) =>
        (StatusEquals is null || string.Equals(job.HyperParameterTuningJobStatus, StatusEquals, StringComparison.OrdinalIgnoreCase))
        && (CreationTimeAfter is null || job.CreationTime > Utc(CreationTimeAfter))
        && (CreationTimeBefore is null || job.CreationTime < Utc(CreationTimeBefore))
        && (LastModifiedTimeAfter is null || job.LastModifiedTime > Utc(LastModifiedTimeAfter))
        && (LastModifiedTimeBefore is null || job.LastModifiedTime < Utc(LastModifiedTimeBefore));
}
