using System;
using System.Collections.Generic;
using System.Threading;
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
    private const string WatchSet = "Watch";
    private const string Operation = "sagemaker:ListTrainingJobsForHyperParameterTuningJob";
    private const string DescribeOperation = "sagemaker:DescribeHyperParameterTuningJob";

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

    /// <summary>Follows a running tuning job until it ends, writing each job when first seen and again at each change of status.</summary>
    [Parameter(Mandatory = true, ParameterSetName = WatchSet)]
    public SwitchParameter Watch { get; set; }

    [Parameter(ParameterSetName = WatchSet)]
    [ValidateRange(1, 3600)]
    public int PollIntervalSec { get; set; } = 30;

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
        RunStoppable(() =>
        {
            if (Watch) WriteWatched(connection, request);
            else WriteListed(connection, request);
        });
    }

    private void WriteListed(AwsConnection connection, TrainingJobsRequest request)
    {
        // -Best learns the objective's direction from the first page that has jobs (an empty page with a NextToken,
        // which the service may send, says nothing yet); until then nothing is written, no page is read ahead,
        // and there is no place to resume from, since the order is not yet known.
        var directionKnown = !Best;
        if (Best) request = BestFirstOrder.Start(request);
        var pager = PagerFor(connection, request, PagingCount(), directionKnown);
        long written = 0;
        var operation = Operation;
        try
        {
            var restart = true;
            while (restart)
            {
                restart = false;
                foreach (var page in ReadPages(pager, "jobs", $"Listing the training jobs of {HyperParameterTuningJobName}"))
                {
                    if (!directionKnown && (page.Page.Items.Count > 0 || !page.HasMore))
                    {
                        operation = DescribeOperation;
                        var ascending = page.Page.Items.Count == 0 ? null : BestFirstOrder.Reconsider(request, ObjectiveType(connection, page.Page.Items));
                        operation = Operation;
                        directionKnown = true;
                        if (ascending != null)
                        {
                            request = ascending;
                            pager = PagerFor(connection, request, PagingCount(), readAhead: true);
                            restart = true;
                            break;
                        }
                        pager.ReadAhead = true;
                    }
                    foreach (var job in page.Wanted)
                    {
                        WriteObject(job);
                        written++;
                    }
                }
            }
            if (PagingParameters.IncludeTotalCount)
            {
                // The API has no count: the total is what was read, exact only for a whole listing read to its end.
                var exact = pager.Finished && NextToken is null;
                WriteObject(PagingParameters.NewTotalCount((ulong)pager.Read, exact ? 1.0 : 0.0));
            }
        }
        catch (TuningJobsException failure)
        {
            // What was written, not what the pager handed over: -Best's first page is read before its direction is known.
            var resume = pager.ResumePoint(written, tokenResumes: directionKnown, request.SortBy, request.SortOrder);
            Fail(ErrorRecords.FromFailure(failure, HyperParameterTuningJobName, connection.Describe(), operation, resume));
        }
    }

    // The direction comes from the metric's Type where the answer has it (the field is optional), else from the
    // tuning job's own objective; a guess would put the worst job first for a minimized objective.
    private string ObjectiveType(AwsConnection connection, IReadOnlyList<HyperParameterTrainingJobSummary> jobs)
    {
        var type = BestFirstOrder.ObjectiveTypeOf(jobs);
        if (BestFirstOrder.IsDirection(type)) return type;
        WriteVerbose($"The jobs do not say which way the objective points; asking the tuning job {HyperParameterTuningJobName}.");
        var tuningJob = Engine.Api.DescribeTuningJobAsync(connection, HyperParameterTuningJobName, StopToken).GetAwaiter().GetResult();
        type = tuningJob.HyperParameterTuningJobObjective?.Type;
        if (BestFirstOrder.IsDirection(type)) return type;
        throw new TuningJobsException(FailureKind.ObjectiveTypeUnknown,
            $"-Best cannot tell which way the objective of '{HyperParameterTuningJobName}' points: neither its jobs' final metrics nor " +
            "the tuning job's objective say Maximize or Minimize.");
    }

    private void WriteWatched(AwsConnection connection, TrainingJobsRequest request)
    {
        var watch = new TrainingJobWatch(
            cancellation => Engine.Api.DescribeTuningJobAsync(connection, HyperParameterTuningJobName, cancellation).GetAwaiter().GetResult(),
            cancellation => ListAll(connection, request, cancellation),
            TimeSpan.FromSeconds(PollIntervalSec));
        var count = PagingCount();
        if (count.Full) return;
        try
        {
            foreach (var poll in watch.Polls(StopToken))
            {
                var tuningJob = poll.TuningJob;
                WriteVerbose($"Poll {poll.Number}: {tuningJob.HyperParameterTuningJobStatus}, {tuningJob.TrainingJobStatusCounters}; " +
                             (poll.Listed ? $"{poll.Changed.Count} jobs new or changed." : "no change."));
                ShowProgress($"Watching the tuning job {HyperParameterTuningJobName}",
                    $"{tuningJob.HyperParameterTuningJobStatus}: {tuningJob.TrainingJobStatusCounters} (poll {poll.Number}, every {PollIntervalSec} s)");
                foreach (var job in poll.Changed)
                {
                    if (!count.Take()) continue;
                    WriteObject(job);
                    if (count.Full) return;
                }
            }
        }
        catch (TuningJobsException failure)
        {
            Fail(ErrorRecords.FromFailure(failure, HyperParameterTuningJobName, connection.Describe(),
                DescribeOperation + " and " + Operation, new ResumePoint { Written = count.Taken }));
        }
    }

    private IEnumerable<HyperParameterTrainingJobSummary> ListAll(AwsConnection connection, TrainingJobsRequest request,
        CancellationToken cancellation)
    {
        foreach (var page in PagerFor(connection, request, SkipFirst.All(), readAhead: true).Pages(cancellation))
        {
            foreach (var job in page.Wanted)
            {
                yield return job;
            }
        }
    }

    private Pager<HyperParameterTrainingJobSummary> PagerFor(AwsConnection connection, TrainingJobsRequest request, SkipFirst count,
        bool readAhead) =>
        new Pager<HyperParameterTrainingJobSummary>(
            (token, maxResults, cancellation) => Engine.Api.ListTrainingJobsAsync(connection, request.WithPage(token, maxResults), cancellation),
            request.NextToken, PageSize, count) { ReadAhead = readAhead };
}
