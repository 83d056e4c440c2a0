using System;
using System.Management.Automation;
using System.Net;
using System.Threading;
using TuningJobs.Completion;
using TuningJobs.Errors;
using TuningJobs.Listing;
using TuningJobs.Service;
using TuningJobs.Validation;

namespace TuningJobs.Commands
{
    /// <summary>
    /// Lists the training jobs a SageMaker hyperparameter tuning job launched
    /// (ListTrainingJobsForHyperParameterTuningJob), writing each job as soon as its page arrives.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TuningTrainingJob", SupportsPaging = true, DefaultParameterSetName = ListingSet)]
    [OutputType(typeof(HyperParameterTrainingJobSummary))]
    public sealed class GetTuningTrainingJobCommand : PSCmdlet, IDisposable
    {
        private const string ListingSet = "Listing";
        private const string BestSet = "Best";

        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private string _progressStatus;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name", "TuningJobName")]
        [ArgumentCompleter(typeof(TuningJobNameCompleter))]
        [ValidateLength(1, 32)]
        [ValidatePattern(ServiceValues.TuningJobNamePattern, Options = System.Text.RegularExpressions.RegexOptions.None)]
        public string HyperParameterTuningJobName { get; set; }

        [Parameter]
        [Alias("Status", "StatusEqual")]
        [ValidateSet(ServiceValues.InProgress, ServiceValues.Completed, ServiceValues.Failed,
            ServiceValues.Stopping, ServiceValues.Stopped, ServiceValues.Deleting, IgnoreCase = true)]
        public string StatusEquals { get; set; }

        [Parameter(ParameterSetName = ListingSet)]
        [ValidateSet(ServiceValues.Name, ServiceValues.CreationTime, ServiceValues.Status,
            ServiceValues.FinalObjectiveMetricValue, IgnoreCase = true)]
        public string SortBy { get; set; }

        [Parameter(ParameterSetName = ListingSet)]
        [ValidateSet(ServiceValues.Ascending, ServiceValues.Descending, IgnoreCase = true)]
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

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidatePattern(ServiceValues.RegionPattern, Options = System.Text.RegularExpressions.RegexOptions.None)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string Region { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ProfileName { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateHttpUrl]
        public string EndpointUrl { get; set; }

        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential Credential { get; set; }

        /// <summary>Seconds one HTTP attempt may take; the SDK then retries it, so a listing never hangs.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = ServiceConnection.DefaultTimeoutSeconds;

        protected override void ProcessRecord()
        {
            var connection = Connection();
            var request = new TrainingJobPageRequest
            {
                HyperParameterTuningJobName = HyperParameterTuningJobName,
                StatusEquals = ServiceValues.Canonical(StatusEquals, ServiceValues.TrainingJobStatuses),
                SortBy = ServiceValues.Canonical(SortBy, ServiceValues.SortByOptions),
                SortOrder = ServiceValues.Canonical(SortOrder, ServiceValues.SortOrders),
                NextToken = NextToken,
            };
            try
            {
                var service = TuningJobServices.Provider.GetService(connection);
                TrainingJobPager pager;
                if (Best)
                {
                    var descending = BestFirstOrder.Start(request);
                    pager = new TrainingJobPager(service, descending, PageSize, PagingParameters.Skip, PagingParameters.First);
                    pager.ReconsiderAfterFirstPage(first => BestFirstOrder.Reconsider(descending, first));
                }
                else
                {
                    pager = new TrainingJobPager(service, request, PageSize, PagingParameters.Skip, PagingParameters.First);
                }
                try
                {
                    pager.Run(WriteObject, ReportPage, _stopping.Token);
                }
                finally
                {
                    CompleteProgress();
                }
                if (PagingParameters.IncludeTotalCount)
                {
                    // The API has no count: the total is what was read, exact only for a whole listing read to its end.
                    var exact = pager.Finished && NextToken is null;
                    WriteObject(PagingParameters.NewTotalCount((ulong)(pager.JobsSkipped + pager.JobsWritten), exact ? 1.0 : 0.0));
                }
            }
            catch (TuningJobServiceException failure)
            {
                ThrowTerminatingError(ErrorRecords.FromServiceFailure(failure, HyperParameterTuningJobName, connection.Describe()));
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        protected override void StopProcessing()
        {
            try
            {
                _stopping.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The command already finished.
            }
        }

        public void Dispose() => _stopping.Dispose();

        private void ReportPage(PageReport page)
        {
            WriteVerbose($"Page {page.PageNumber}: {page.JobCount} jobs in {page.Milliseconds} ms (request id {page.RequestId}).");
            if (_progressStatus is null && !page.HasMore) return;   // one page needs no progress bar
            _progressStatus = $"{page.JobsBefore + page.JobCount} jobs read from {page.PageNumber} pages";
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

        private ServiceConnection Connection()
        {
            Uri endpoint = null;
            if (EndpointUrl != null) ValidateHttpUrlAttribute.TryParse(EndpointUrl, out endpoint);
            return new ServiceConnection
            {
                Region = Region?.ToLowerInvariant(),
                ProfileName = ProfileName,
                EndpointUrl = endpoint,
                Credential = Credential is null ? null : new NetworkCredential(Credential.UserName, Credential.Password),
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
            };
        }
    }
}
