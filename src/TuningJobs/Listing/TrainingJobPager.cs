using System;
using System.Diagnostics;
using System.Threading;
using TuningJobs.Service;

namespace TuningJobs.Listing
{
    /// <summary>
    /// Walks the pages of one listing and hands each job to the caller as soon as its page arrives.
    /// It asks for no more jobs than -Skip plus -First still need, stops when the caller has enough,
    /// and remembers where it is so that a failure can say how to resume.
    /// </summary>
    internal sealed class TrainingJobPager
    {
        private readonly ITuningJobService _service;
        private TrainingJobPageRequest _request;
        private Func<TrainingJobPage, TrainingJobPageRequest> _reconsiderAfterFirstPage;
        private readonly int _pageSize;
        private ulong _toSkip;
        private ulong _toWrite;
        private readonly bool _firstLimits;   // -First given: ulong.MaxValue means "all"

        public TrainingJobPager(ITuningJobService service, TrainingJobPageRequest request, int pageSize, ulong skip, ulong first)
        {
            _service = service;
            _request = request;
            _pageSize = pageSize;
            _toSkip = skip;
            _toWrite = first;
            _firstLimits = first != ulong.MaxValue;
            PendingToken = request.NextToken;
        }

        /// <summary>Jobs handed to the caller so far.</summary>
        public long JobsWritten { get; private set; }

        /// <summary>Jobs read and passed over for -Skip so far.</summary>
        public long JobsSkipped { get; private set; }

        private int PagesRead { get; set; }

        /// <summary>The token of the page not yet read: the place to resume from.</summary>
        public string PendingToken { get; private set; }

        /// <summary>True when the listing reached its last page.</summary>
        public bool Finished { get; private set; }

        /// <summary>
        /// Looks at the first page that has jobs (or the last page) before any of it is written, and may answer a new
        /// request to start over with (what was read is then dropped), or null to go on. -Best learns its sort
        /// direction this way; an empty page with a NextToken, which the service may send, says nothing yet.
        /// </summary>
        public void ReconsiderAfterFirstPage(Func<TrainingJobPage, TrainingJobPageRequest> decide) => _reconsiderAfterFirstPage = decide;

        public void Run(Action<HyperParameterTrainingJobSummary> write, Action<PageReport> pageRead, CancellationToken cancellationToken)
        {
            while (_toWrite > 0)
            {
                var stopwatch = Stopwatch.StartNew();
                TrainingJobPage page;
                try
                {
                    page = _service.ListTrainingJobsAsync(_request.WithPage(PendingToken, NextPageSize()), cancellationToken)
                        .GetAwaiter().GetResult();
                }
                catch (TuningJobServiceException failure)
                {
                    throw WithResumePoint(failure);
                }

                if (page.NextToken != null && page.NextToken == PendingToken)
                {
                    // A service that hands back the token it was given would make us loop for ever.
                    throw WithResumePoint(new TuningJobServiceException(ServiceErrorKind.InvalidResponse,
                        "The service returned the same NextToken it was sent, so the listing cannot advance.",
                        requestId: page.RequestId));
                }

                PagesRead++;
                pageRead?.Invoke(new PageReport(PagesRead, page.Jobs.Count, JobsWritten, stopwatch.ElapsedMilliseconds, page.RequestId, page.NextToken != null));

                var decide = _reconsiderAfterFirstPage;
                if (decide != null && (page.Jobs.Count > 0 || page.NextToken == null))
                {
                    _reconsiderAfterFirstPage = null;
                    var restart = decide(page);
                    if (restart != null)
                    {
                        _request = restart;
                        PendingToken = restart.NextToken;
                        continue;
                    }
                }

                var jobs = page.Jobs;
                for (var i = 0; i < jobs.Count && _toWrite > 0; i++)
                {
                    if (_toSkip > 0)
                    {
                        _toSkip--;
                        JobsSkipped++;
                        continue;
                    }
                    _toWrite--;
                    JobsWritten++;
                    write(jobs[i]);
                }

                PendingToken = page.NextToken;
                if (PendingToken == null)
                {
                    Finished = true;
                    return;
                }
            }
        }

        // Where the listing stands, in the parameters that resume it exactly: the sort it really runs with (-Best
        // resolves to one), what -Skip and -First still owe, and the token of the page that failed.
        private TuningJobServiceException WithResumePoint(TuningJobServiceException failure)
        {
            failure.JobsWritten = JobsWritten;
            failure.NextToken = PendingToken;
            if (PendingToken == null) return failure;
            var parameters = $"-NextToken '{PendingToken}'";
            if (_request.SortBy != null) parameters += " -SortBy " + _request.SortBy;
            if (_request.SortOrder != null) parameters += " -SortOrder " + _request.SortOrder;
            if (_toSkip > 0) parameters += " -Skip " + _toSkip;
            if (_firstLimits) parameters += " -First " + _toWrite;
            failure.ResumeParameters = parameters;
            return failure;
        }

        // With -First, one request asks for only what is still needed; -Skip's jobs must still be read.
        private int NextPageSize()
        {
            var needed = _toWrite > ulong.MaxValue - _toSkip ? ulong.MaxValue : _toSkip + _toWrite;
            return needed < (ulong)_pageSize ? (int)needed : _pageSize;
        }
    }

    internal readonly struct PageReport
    {
        public PageReport(int pageNumber, int jobCount, long jobsBefore, long milliseconds, string requestId, bool hasMore)
        {
            PageNumber = pageNumber;
            JobCount = jobCount;
            JobsBefore = jobsBefore;
            Milliseconds = milliseconds;
            RequestId = requestId;
            HasMore = hasMore;
        }

        public int PageNumber { get; }
        public int JobCount { get; }

        /// <summary>Jobs written before this page.</summary>
        public long JobsBefore { get; }

        /// <summary>True when the service said more pages follow.</summary>
        public bool HasMore { get; }
        public long Milliseconds { get; }
        public string RequestId { get; }
    }
}
