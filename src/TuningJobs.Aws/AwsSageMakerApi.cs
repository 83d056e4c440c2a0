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
/// connection, checks what the model requires of the answer, and translates every failure into a
/// <see cref="TuningJobsException"/>.
/// </summary>
internal sealed class AwsSageMakerApi : ISageMakerApi
{
    /// <summary>NextToken's length limit in the model: a longer token could not be passed back to -NextToken.</summary>
    private const int MaxNextTokenLength = 8192;

    private readonly Func<AwsConnection, CachedClient> _clientFor;

    public AwsSageMakerApi()
        : this(new ClientCache().For)
    {
    }

    /// <summary>With clients from elsewhere: engine tests that need a client configured beyond what a connection says.</summary>
    internal AwsSageMakerApi(Func<AwsConnection, CachedClient> clientFor)
    {
        _clientFor = clientFor;
    }

    public Task<Page<HyperParameterTrainingJobSummary>> ListTrainingJobsAsync(AwsConnection connection, TrainingJobsRequest request,
        CancellationToken cancellationToken) =>
        List(connection, request.HyperParameterTuningJobName, "training job summaries", cancellationToken,
            client => client.ListTrainingJobsForHyperParameterTuningJobAsync(new ListTrainingJobsForHyperParameterTuningJobRequest(request), cancellationToken));

    public Task<Page<HyperParameterTuningJob>> ListTuningJobsAsync(AwsConnection connection, TuningJobsRequest request,
        CancellationToken cancellationToken) =>
        List(connection, null, "tuning job summaries", cancellationToken,
            client => client.ListHyperParameterTuningJobsAsync(new ListHyperParameterTuningJobsRequest(request), cancellationToken));

    public async Task<HyperParameterTuningJob> DescribeTuningJobAsync(AwsConnection connection, string tuningJobName, CancellationToken cancellationToken)
    {
        var (response, target) = await Call(connection, tuningJobName,
            client => client.DescribeHyperParameterTuningJobAsync(new DescribeHyperParameterTuningJobRequest(tuningJobName), cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var job = response.HyperParameterTuningJob;
        if (job?.HyperParameterTuningJobName == null || job.HyperParameterTuningJobStatus == null)
        {
            throw new TuningJobsException(FailureKind.InvalidResponse,
                $"The answer from {target} did not describe a tuning job: its name or status, which the API requires, was missing.",
                requestId: response.ResponseMetadata?.RequestId);
        }
        return job;
    }

    public void WarmUp() => Rehearsal.Run();

    public IReadOnlyList<string> KnownRegions() =>
        RegionEndpoint.EnumerableAllRegions.Select(region => region.SystemName).OrderBy(name => name, StringComparer.Ordinal).ToList();

    /// <summary>Sends one request on the connection's client: the answer, and what messages should call where it went.</summary>
    private async Task<(TResponse Response, string Target)> Call<TResponse>(AwsConnection connection, string tuningJobName,
        Func<SageMakerClient, Task<TResponse>> send, CancellationToken cancellationToken)
    {
        var client = _clientFor(connection);
        try
        {
            return (await send(client.Client).ConfigureAwait(false), client.Target);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception failure)
        {
            throw FailureTranslator.Translate(failure, tuningJobName, client.Target);
        }
    }

    // The list is required and holds objects; anything else is not the service speaking. The token goes back to the
    // service, and into resume advice as the value of -NextToken: one longer than the model allows could be neither.
    private async Task<Page<T>> List<T>(AwsConnection connection, string tuningJobName, string what, CancellationToken cancellationToken,
        Func<SageMakerClient, Task<PageResponse<T>>> send)
        where T : class
    {
        var (response, target) = await Call(connection, tuningJobName, send, cancellationToken).ConfigureAwait(false);
        var (items, nextToken, requestId) = (response.Items, response.NextToken, response.ResponseMetadata?.RequestId);
        if (items == null || items.Contains(null))
        {
            throw new TuningJobsException(FailureKind.InvalidResponse,
                $"The answer from {target} had no list of {what} where the API requires one.", requestId: requestId);
        }
        if (nextToken != null && nextToken.Length > MaxNextTokenLength)
        {
            throw new TuningJobsException(FailureKind.InvalidResponse,
                $"The answer from {target} had a NextToken of {nextToken.Length} characters, more than the API's {MaxNextTokenLength}.",
                requestId: requestId);
        }
        return new Page<T>(items, nextToken, requestId);
    }
}
