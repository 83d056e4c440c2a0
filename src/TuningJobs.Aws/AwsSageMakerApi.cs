using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using TuningJobs.Api;
using TuningJobs.Aws.SageMaker;
using TuningJobs.Aws.SageMaker.Model;
using TuningJobs.Errors;

namespace TuningJobs.Aws;

/// <summary>
/// The boundary's implementation, found by name from the cmdlet assembly: each call takes the client kept for its
/// connection and translates every failure into a <see cref="TuningJobsException"/>.
/// </summary>
internal sealed class AwsSageMakerApi : ISageMakerApi
{
    /// <summary>NextToken's length limit in the model: a longer token could not be passed back to -NextToken.</summary>
    private const int MaxNextTokenLength = 8192;

    private readonly ClientCache _clients = new ClientCache();

    public async Task<Page<HyperParameterTrainingJobSummary>> ListTrainingJobsAsync(AwsConnection connection, TrainingJobsRequest request,
        CancellationToken cancellationToken)
    {
        var target = connection.Describe();
        ListTrainingJobsForHyperParameterTuningJobResponse response;
        try
        {
            response = await _clients.For(connection).ListTrainingJobsForHyperParameterTuningJobAsync(new ListTrainingJobsForHyperParameterTuningJobRequest
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
            throw FailureTranslator.Translate(failure, request.HyperParameterTuningJobName, target);
        }

        var requestId = response.ResponseMetadata?.RequestId;
        var jobs = response.TrainingJobSummaries;
        if (jobs == null || jobs.Contains(null))
        {
            // TrainingJobSummaries is required and holds objects; anything else is not the service speaking.
            throw new TuningJobsException(FailureKind.InvalidResponse,
                $"The answer from {target} had no list of training job summaries where the API requires one.", requestId: requestId);
        }
        CheckNextToken(response.NextToken, target, requestId);
        return new Page<HyperParameterTrainingJobSummary>(jobs, response.NextToken, requestId);
    }

    public async Task<IReadOnlyList<string>> ListTuningJobNamesAsync(AwsConnection connection, string nameContains, int maxResults,
        CancellationToken cancellationToken)
    {
        try
        {
            var response = await _clients.For(connection).ListHyperParameterTuningJobsAsync(new ListHyperParameterTuningJobsRequest
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
            throw FailureTranslator.Translate(failure, null, connection.Describe());
        }
    }

    public IReadOnlyList<string> KnownRegions() =>
        RegionEndpoint.EnumerableAllRegions.Select(region => region.SystemName).OrderBy(name => name, StringComparer.Ordinal).ToList();

    // The token goes back to the service, and into resume advice as the value of -NextToken: one longer than the
    // model allows could be neither.
    private static void CheckNextToken(string nextToken, string target, string requestId)
    {
        if (nextToken != null && nextToken.Length > MaxNextTokenLength)
        {
            throw new TuningJobsException(FailureKind.InvalidResponse,
                $"The answer from {target} had a NextToken of {nextToken.Length} characters, more than the API's {MaxNextTokenLength}.",
                requestId: requestId);
        }
    }
}
