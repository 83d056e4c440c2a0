using System;
using System.Management.Automation;
using System.Text.RegularExpressions;
using TuningJobs.Api;
using TuningJobs.Completion;
using TuningJobs.Errors;
using TuningJobs.Listing;
using TuningJobs.Loading;

namespace TuningJobs.Commands;

/// <summary>
/// Lists the training jobs a SageMaker hyperparameter tuning job launched
/// (ListTrainingJobsForHyperParameterTuningJob), writing each job as soon as its page arrives.
/// </summary>
[Cmdlet(VerbsCommon.Get, "TuningTrainingJob", SupportsPaging = true, DefaultParameterSetName = ListingSet)]
[OutputType(typeof(HyperParameterTrainingJobSummary))]
public sealed class GetTuningTrainingJobCommand : AwsCmdlet
{
    private const string ListingSet = "Listing";
    private const string BestSet = "Best";
    private const string Operation = "sagemaker:ListTrainingJobsForHyperParameterTuningJob";

    private string _progressStatus;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Name", "TuningJobName")]
    [ArgumentCompleter(typeof(TuningJobNameCompleter))]
    [ValidateLength(1, 32)]
    [ValidatePattern(ApiValues.TuningJobNamePattern, Options = RegexOptions.None)]
    public string HyperParameterTuningJobName { get; set; }

    [Parameter]
    [Alias("Status", "StatusEqual")]
    [ValidateSet(ApiValues.InProgress, ApiValues.Completed, ApiValues.Failed,
        ApiValues.Stopping, ApiValues.Stopped, ApiValues.Deleting, IgnoreCase = true)]
    public string StatusEquals { get; set; }

    [Parameter(ParameterSetName = ListingSet)]
    [ValidateSet(ApiValues.Name, ApiValues.CreationTime, ApiValues.Status,
        ApiValues.FinalObjectiveMetricValue, IgnoreCase = true)]
    public string SortBy { get; set; }

    [Parameter(ParameterSetName = ListingSet)]
    [ValidateSet(ApiValues.Ascending, ApiValues.Descending, IgnoreCase = true)]
    public string SortOrder { get; set; }

    /// <summary>Jobs in order of their final objective, best first, whichever way the objective points.</summary>
    [Parameter(Mandatory = true, ParameterSetName = BestSet)]
    public SwitchParameter Best { get; set; }

    [Parameter]
    [Alias("MaxResults", "MaxResult")]
    [ValidateRange(1, 100)]
    public int PageSize { get; set; } = 100;

    [Parameter(ParameterSetName = ListingSet)]
    [ValidateLength(1, 8192)]
    public string NextToken { get; set; }

    protected override void ProcessRecord()
    {
        var connection = Connection();
        var request = new TrainingJobsRequest
        {
            HyperParameterTuningJobName = HyperParameterTuningJobName,
            StatusEquals = ApiValues.Canonical(StatusEquals, ApiValues.TrainingJobStatuses),
            SortBy = ApiValues.Canonical(SortBy, ApiValues.SortByOptions),
            SortOrder = ApiValues.Canonical(SortOrder, ApiValues.SortOrders),
            NextToken = NextToken,
        };
        if (Best) request = BestFirstOrder.Start(request);
        var pager = PagerFor(connection, request);
        try
        {
            var directionKnown = !Best;
            var restart = true;
            while (restart)
            {
                restart = false;
                foreach (var page in pager.Pages(StopToken))
                {
                    ReportPage(page, pager);
                    // -Best learns the objective's direction from the first page that has jobs (an empty page with a
                    // NextToken, which the service may send, says nothing yet); a Minimize objective starts over ascending.
                    if (!directionKnown && (page.Page.Items.Count > 0 || !page.HasMore))
                    {
                        directionKnown = true;
                        var ascending = BestFirstOrder.Reconsider(request, BestFirstOrder.ObjectiveTypeOf(page.Page.Items));
                        if (ascending != null)
                        {
                            request = ascending;
                            pager = PagerFor(connection, request);
                            restart = true;
                            break;
                        }
                    }
                    foreach (var job in page.Wanted)
                    {
                        WriteObject(job);
                    }
                }
            }
            if (PagingParameters.IncludeTotalCount)
            {
                // The API has no count: the total is what was read, exact only for a whole listing read to its end.
                var exact = pager.Finished && NextToken is null;
                WriteObject(PagingParameters.NewTotalCount((ulong)(pager.Skipped + pager.Taken), exact ? 1.0 : 0.0));
            }
        }
        catch (TuningJobsException failure)
        {
            var resume = new ResumePoint
            {
                Written = pager.Taken,
                NextToken = pager.PendingToken,
                SortBy = request.SortBy,
                SortOrder = request.SortOrder,
                SkipOwed = pager.SkipOwed,
                FirstOwed = pager.FirstGiven ? pager.FirstOwed : (ulong?)null,
            };
            ThrowTerminatingError(ErrorRecords.FromFailure(failure, HyperParameterTuningJobName, connection.Describe(), Operation, resume));
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        finally
        {
            CompleteProgress();
        }
    }

    private Pager<HyperParameterTrainingJobSummary> PagerFor(AwsConnection connection, TrainingJobsRequest request) =>
        new Pager<HyperParameterTrainingJobSummary>(
            (token, maxResults, cancellation) => Engine.Api.ListTrainingJobsAsync(connection, request.WithPage(token, maxResults), cancellation),
            request.NextToken, PageSize, PagingParameters.Skip, PagingParameters.First);

    private void ReportPage(PageRead<HyperParameterTrainingJobSummary> page, Pager<HyperParameterTrainingJobSummary> pager)
    {
        WriteVerbose($"Page {page.Number}: {page.Page.Items.Count} jobs in {page.Milliseconds} ms (request id {page.Page.RequestId}).");
        if (_progressStatus is null && !page.HasMore) return;   // one page needs no progress bar
        _progressStatus = $"{pager.Skipped + pager.Taken} jobs read from {page.Number} pages";
        WriteProgress(Progress(ProgressRecordType.Processing));
    }

    // A new record each time: the host may keep the ones it was given.
    private ProgressRecord Progress(ProgressRecordType type) =>
        new ProgressRecord(0, $"Listing the training jobs of {HyperParameterTuningJobName}", _progressStatus) { RecordType = type };

    // Also when stopped early: a progress bar left standing would outlive the command.
    private void CompleteProgress()
    {
        if (_progressStatus is null) return;
        try
        {
            WriteProgress(Progress(ProgressRecordType.Completed));
        }
        catch (PipelineStoppedException)
        {
        }
        _progressStatus = null;
    }
}
