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

        public TrainingJobPager(ITuningJobService service, TrainingJobPageRequest request, int pageSize, ulong skip, ulong first)
        {
            _service = service;
            _request = request;
            _pageSize = pageSize;
            _toSkip = skip;
            _toWrite = first;
            PendingToken = request.NextToken;
        }

        /// <summary>Jobs handed to the caller so far.</summary>
        public long JobsWritten { get; private set; }

        public int PagesRead { get; private set; }

        /// <summary>The token of the page not yet read: the place to resume from.</summary>
        public string PendingToken { get; private set; }

        /// <summary>True when the listing reached its last page.</summary>
        public bool Finished { get; private set; }

        /// <summary>The request the listing runs with now (the first page can change it, see <see cref="ReconsiderAfterFirstPage"/>).</summary>
        public TrainingJobPageRequest Request => _request;

        /// <summary>
        /// Looks at the first page before any of it is written and may answer a new request to start over with
        /// (the first page is then dropped), or null to go on. -Best learns its sort direction this way.
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
                    failure.JobsWritten = JobsWritten;
                    failure.NextToken = PendingToken;
                    throw;
                }

                if (page.NextToken != null && page.NextToken == PendingToken)
                {
                    // A service that hands back the token it was given would make us loop for ever.
                    throw new TuningJobServiceException(ServiceErrorKind.InvalidResponse,
                        "The service returned the same NextToken it was sent, so the listing cannot advance.",
                        requestId: page.RequestId) { JobsWritten = JobsWritten, NextToken = PendingToken };
                }

                PagesRead++;
                pageRead?.Invoke(new PageReport(PagesRead, page.Jobs.Count, JobsWritten, stopwatch.ElapsedMilliseconds, page.RequestId, page.NextToken != null));

                var decide = _reconsiderAfterFirstPage;
                _reconsiderAfterFirstPage = null;
                var restart = decide?.Invoke(page);
                if (restart != null)
                {
                    _request = restart;
                    PendingToken = restart.NextToken;
                    continue;
                }

                var jobs = page.Jobs;
                for (var i = 0; i < jobs.Count && _toWrite > 0; i++)
                {
                    if (_toSkip > 0)
                    {
                        _toSkip--;
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
