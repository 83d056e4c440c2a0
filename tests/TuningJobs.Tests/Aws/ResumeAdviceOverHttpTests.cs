using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TuningJobs.Aws;
using TuningJobs.Errors;
using TuningJobs.LocalEndpoint;
using TuningJobs.Tests.Commands;
using Xunit;

namespace TuningJobs.Tests.Aws;

/// <summary>
/// The cmdlet on the real engine over HTTP: a NextToken the endpoint makes up goes back to it byte for byte, and when
/// the next page fails, the resume advice holds it as one single-quoted literal.
/// </summary>
[Collection(EngineSwap.Name)]
public sealed class ResumeAdviceOverHttpTests
{
    public static TheoryData<string> Tokens() => new(ResumeAdvice.CraftedTokens);

    [Theory]
    [MemberData(nameof(Tokens))]
    public async Task ACraftedNextTokenFromTheWireStaysALiteralInTheAdvice(string token)
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        endpoint.EnqueueRawResponse(new RawResponse
        {
            Body = "{\"NextToken\":" + JsonSerializer.Serialize(token) + ",\"TrainingJobSummaries\":[" +
                   "{\"TrainingJobName\":\"a-1\",\"TrainingJobArn\":\"arn\",\"CreationTime\":1,\"TrainingJobStatus\":\"Completed\",\"TunedHyperParameters\":{}}," +
                   "{\"TrainingJobName\":\"a-2\",\"TrainingJobArn\":\"arn\",\"CreationTime\":2,\"TrainingJobStatus\":\"Completed\",\"TunedHyperParameters\":{}}]}",
        });
        endpoint.EnqueueRawResponse(new RawResponse
        {
            StatusCode = 503,
            Body = "{\"__type\":\"ServiceUnavailable\",\"Message\":\"Service is unavailable. Please retry.\"}",
            Times = 10,
        });

        using (EngineSwap.Use(new AwsSageMakerApi()))
        using (var shell = HostedPowerShell.Create())
        {
            var record = HostedPowerShell.InvokeForError(shell,
                "$key = ConvertTo-SecureString '" + LocalSageMakerEndpoint.DefaultSecretAccessKey + "' -AsPlainText -Force\n" +
                "$credential = [pscredential]::new('" + LocalSageMakerEndpoint.DefaultAccessKeyId + "', $key)\n" +
                $"Get-TuningTrainingJob xgb-churn-0412 -EndpointUrl '{endpoint.Url}' -Region us-east-1 -Credential $credential -PageSize 2 -First 5");

            var failure = Assert.IsType<TuningJobsException>(record.Exception);
            Assert.Equal(FailureKind.ServiceUnavailable, failure.Kind);
            Assert.Equal(2, failure.JobsWritten);
            Assert.Equal(token, endpoint.Requests.Snapshot().Last().NextToken);
            ResumeAdvice.AssertIsOnlyTheseParameters(failure.ResumeParameters, token, ("First", "3"));
            Assert.Contains(" " + failure.ResumeParameters + " ", record.ErrorDetails.RecommendedAction);
        }
    }
}
