using System.Net;
using Amazon.Runtime.Endpoints;
using TuningJobs.Aws;
using TuningJobs.Aws.SageMaker.Model;
using TuningJobs.Listing;

namespace TuningJobs.Tests.Aws;

/// <summary>The module's real engine (SDK pipeline, SigV4, retries) pointed at a local endpoint over HTTP.</summary>
internal static class EngineHarness
{
    /// <summary>A connection with the local endpoint's key pair (or another secret); without a URL, the SDK-wide settings choose it.</summary>
    public static AwsConnection Connection(Uri endpointUrl = null, string region = null, string profileName = null,
        string secret = LocalSageMakerEndpoint.DefaultSecretAccessKey, TimeSpan? timeout = null) => new()
    {
        EndpointUrl = endpointUrl,
        Region = region,
        ProfileName = profileName,
        Credential = new NetworkCredential(LocalSageMakerEndpoint.DefaultAccessKeyId, secret),
        Timeout = timeout ?? TimeSpan.FromSeconds(AwsConnection.DefaultTimeoutSeconds),
    };

    /// <summary>The URL the module's real client would send a listing to, asked of the client's configuration without sending anything.</summary>
    public static Uri ResolvedUrl(AwsConnection connection)
    {
        using var client = ClientFactory.Create(connection);
        var request = new ListTrainingJobsForHyperParameterTuningJobRequest(new TrainingJobsRequest { HyperParameterTuningJobName = "my-tuning" });
        return new Uri(client.Config.DetermineServiceOperationEndpoint(new ServiceOperationEndpointParameters(request)).URL);
    }

    /// <summary>A fresh engine (its own client cache) and the connection to the endpoint, signed for us-east-1.</summary>
    public static Engine Start(LocalSageMakerEndpoint endpoint, string secret = LocalSageMakerEndpoint.DefaultSecretAccessKey, TimeSpan? timeout = null) =>
        new(new AwsSageMakerApi(), Connection(endpoint.Url, "us-east-1", secret: secret, timeout: timeout));

    /// <summary>The names a listing without faults yields: every training job of the tuning job, by name.</summary>
    public static string[] AllNames(LocalSageMakerEndpoint endpoint, string tuningJob)
    {
        Assert.True(endpoint.Data.TryGet(tuningJob, out var planted));
        return planted.TrainingJobs.Select(j => j.TrainingJobName).Order(StringComparer.Ordinal).ToArray();
    }

    internal sealed record Engine(ISageMakerApi Api, AwsConnection Connection)
    {
        /// <summary>Lists through the module's pager, as the cmdlet does, and returns the job names in order.</summary>
        public List<string> List(string tuningJob, int pageSize, string nextToken = null)
        {
            var (names, _, failure) = TryList(tuningJob, pageSize, nextToken);
            if (failure != null) throw failure;
            return names;
        }

        /// <summary>Lists until the end or a failure: the names written, the pager's facts and the failure, if any.</summary>
        public (List<string> Names, Pager<HyperParameterTrainingJobSummary> Pager, TuningJobsException Failure) TryList(
            string tuningJob, int pageSize, string nextToken = null)
        {
            var request = new TrainingJobsRequest { HyperParameterTuningJobName = tuningJob };
            var pager = new Pager<HyperParameterTrainingJobSummary>(
                (token, maxResults, cancellation) => Api.ListTrainingJobsAsync(Connection, request.WithPage(token, maxResults), cancellation),
                nextToken, pageSize, SkipFirst.All());
            var names = new List<string>();
            try
            {
                foreach (var page in pager.Pages(CancellationToken.None))
                {
                    names.AddRange(page.Wanted.Select(job => job.TrainingJobName));
                }
                return (names, pager, null);
            }
            catch (TuningJobsException failure)
            {
                return (names, pager, failure);
            }
        }

        /// <summary>One page of training jobs, straight from the boundary.</summary>
        public Task<Page<HyperParameterTrainingJobSummary>> PageAsync(string tuningJob, int maxResults, string nextToken = null) =>
            Api.ListTrainingJobsAsync(Connection,
                new TrainingJobsRequest { HyperParameterTuningJobName = tuningJob, MaxResults = maxResults, NextToken = nextToken }, CancellationToken.None);
    }
}

/// <summary>One local endpoint for all the tests of a class, for tests that leave nothing behind in it.</summary>
public sealed class SharedEndpoint : IAsyncLifetime
{
    public LocalSageMakerEndpoint Endpoint { get; private set; }

    public async Task InitializeAsync() => Endpoint = await LocalSageMakerEndpoint.StartAsync();

    public async Task DisposeAsync() => await Endpoint.DisposeAsync();
}
