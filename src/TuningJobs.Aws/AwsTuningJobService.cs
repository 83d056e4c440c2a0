using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TuningJobs.Aws.SageMaker;
using TuningJobs.Aws.SageMaker.Model;
using TuningJobs.Service;

namespace TuningJobs.Aws
{
    /// <summary>The boundary's implementation: one SageMaker client, kept for the session and shared by runspaces.</summary>
    internal sealed class AwsTuningJobService : ITuningJobService, IDisposable
    {
        private readonly SageMakerClient _client;

        public AwsTuningJobService(SageMakerClient client, string target)
        {
            _client = client;
            Target = target;
        }

        public string Target { get; }

        public async Task<TrainingJobPage> ListTrainingJobsAsync(TrainingJobPageRequest request, CancellationToken cancellationToken)
        {
            ListTrainingJobsForHyperParameterTuningJobResponse response;
            try
            {
                response = await _client.ListTrainingJobsForHyperParameterTuningJobAsync(new ListTrainingJobsForHyperParameterTuningJobRequest
                {
                    HyperParameterTuningJobName = request.HyperParameterTuningJobName,
                    MaxResults = request.MaxResults,
                    NextToken = request.NextToken,
                    SortBy = request.SortBy,
                    SortOrder = request.SortOrder,
                    StatusEquals = request.StatusEquals,
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception failure)
            {
                throw FailureTranslator.Translate(failure, request.HyperParameterTuningJobName, Target);
            }

            var requestId = response.ResponseMetadata?.RequestId;
            var jobs = response.TrainingJobSummaries;
            if (jobs == null || jobs.Contains(null))
            {
                // TrainingJobSummaries is required and holds objects; anything else is not the service speaking.
                throw new TuningJobServiceException(ServiceErrorKind.InvalidResponse,
                    $"The answer from {Target} had no list of training job summaries where the API requires one.", requestId: requestId);
            }
            return new TrainingJobPage(jobs, response.NextToken, requestId);
        }

        public async Task<IReadOnlyList<string>> ListTuningJobNamesAsync(string nameContains, int maxResults, CancellationToken cancellationToken)
        {
            try
            {
                var response = await _client.ListHyperParameterTuningJobsAsync(new ListHyperParameterTuningJobsRequest
                {
                    NameContains = string.IsNullOrEmpty(nameContains) ? null : nameContains,
                    MaxResults = maxResults,
                    SortBy = "Name",
                    SortOrder = "Ascending",
                }, cancellationToken).ConfigureAwait(false);
                return response.HyperParameterTuningJobNames.Where(name => name != null).ToList();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception failure)
            {
                throw FailureTranslator.Translate(failure, null, Target);
            }
        }

        public void Dispose() => _client.Dispose();
    }
}
