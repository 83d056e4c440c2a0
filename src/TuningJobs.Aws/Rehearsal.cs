using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using TuningJobs.Api;
using TuningJobs.Aws.Http;

namespace TuningJobs.Aws;

/// <summary>
/// Runs a first call's whole path once, so that its code is compiled before a real first call needs it: the module's
/// client build, endpoint rules, marshalling, SigV4 signing, the retry and deadline handlers, unmarshalling and the
/// page checks, for one ListTrainingJobsForHyperParameterTuningJob answered from memory. Nothing leaves the process:
/// the transport under the deadline handler is <see cref="CannedTransport"/>, the region and credentials are given and
/// the defaults mode is standard, so no credential provider, profile credential or instance-metadata probe runs.
/// </summary>
internal static class Rehearsal
{
    internal const string TuningJobName = "rehearsal";

    // One summary with every member the unmarshaller reads, so that each of its branches runs.
    private const string CannedPage =
        "{\"TrainingJobSummaries\":[{\"TrainingJobName\":\"warm-up-001\",\"TrainingJobArn\":\"arn:aws:sagemaker:us-east-1:000000000000:training-job/warm-up-001\"," +
        "\"TuningJobName\":\"warm-up\",\"TrainingJobDefinitionName\":\"warm-up\",\"TrainingJobStatus\":\"Completed\",\"CreationTime\":1700000000.0," +
        "\"TrainingStartTime\":1700000060.5,\"TrainingEndTime\":1700000600.25,\"TunedHyperParameters\":{\"eta\":\"0.1\"}," +
        "\"FinalHyperParameterTuningJobObjectiveMetric\":{\"Type\":\"Minimize\",\"MetricName\":\"validation:rmse\",\"Value\":0.5}," +
        "\"ObjectiveStatus\":\"Succeeded\",\"FailureReason\":\"none\"}],\"NextToken\":\"warm-up\"}";

    /// <summary>The page the canned answer holds, read the way a real one is.</summary>
    public static Page<HyperParameterTrainingJobSummary> Run()
    {
        var api = new AwsSageMakerApi(new ClientCache(config =>
        {
            config.HttpClientFactory = new CannedTransport();
            // Defaults mode "auto" (AWS_DEFAULTS_MODE, defaults_mode) asks instance metadata for the region: not here.
            config.DefaultConfigurationMode = DefaultConfigurationMode.Standard;
        }).For);
        var connection = new AwsConnection { Region = "us-east-1", Credential = new NetworkCredential("warm-up", "warm-up") };
        var request = new TrainingJobsRequest { HyperParameterTuningJobName = TuningJobName, MaxResults = 1 };
        return api.ListTrainingJobsAsync(connection, request, CancellationToken.None).GetAwaiter().GetResult();
    }

    private sealed class CannedTransport : AttemptDeadlineHttpClientFactory
    {
        protected override HttpMessageHandler CreateTransport(IClientConfig clientConfig) => new CannedAnswer();
    }

    private sealed class CannedAnswer : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // Read as the network would, so that the request's content is produced.
            await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(CannedPage));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
            response.Headers.Add("x-amzn-RequestId", "warm-up");
            return response;
        }
    }
}
