using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using TuningJobs.Aws;
using TuningJobs.Aws.SageMaker;
using TuningJobs.Aws.SageMaker.Model;

namespace TuningJobs.Tests.Aws;

/// <summary>Each cause of failure, produced for real over HTTP, becomes its own kind with the service's request id.</summary>
public sealed class ErrorMappingTests
{
    private static async Task<TuningJobsException> FailWith(FaultPlan faults = null, string secret = LocalSageMakerEndpoint.DefaultSecretAccessKey)
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(faults: faults);
        return Assert.Throws<TuningJobsException>(() => EngineHarness.Start(endpoint, secret).List("xgb-churn-0412", 10));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UnknownTuningJobIsResourceNotFoundNamingTheJobAndTheEndpoint(bool describe)
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        var engine = EngineHarness.Start(endpoint);
        var failure = await Assert.ThrowsAsync<TuningJobsException>(() => describe
            ? engine.Api.DescribeTuningJobAsync(engine.Connection, "no-such-job", CancellationToken.None)
            : Task.Run(() => engine.List("no-such-job", 10)));
        Assert.Equal(FailureKind.ResourceNotFound, failure.Kind);
        Assert.Matches($"no-such-job.*{Regex.Escape(endpoint.Url.ToString())}", failure.Message);
        Assert.NotNull(failure.RequestId);
    }

    [Theory]
    [InlineData(400, "AccessDeniedException", "AccessDenied")]
    [InlineData(400, "ExpiredTokenException", "InvalidCredentials")]
    [InlineData(403, "UnrecognizedClientException", "InvalidCredentials")]
    [InlineData(400, "ValidationException", "ValidationError")]
    [InlineData(400, "SomethingNewException", "ServiceError")]
    public async Task ServiceErrorCodesMapToTheirKinds(int status, string code, string kind)
    {
        var failure = await FailWith(new FaultPlan(FailPage: new PageFailureFault { StatusCode = status, ErrorCode = code, Message = "said by the service", Times = 1000 }));
        Assert.Equal(Enum.Parse<FailureKind>(kind), failure.Kind);
        Assert.Equal(code, failure.ErrorCode);
        Assert.NotNull(failure.RequestId);
        Assert.Contains("said by the service", failure.Message);
    }

    [Fact]
    public async Task AWrongSecretIsInvalidCredentials()
    {
        var failure = await FailWith(secret: "not-the-right-secret");
        Assert.Equal(FailureKind.InvalidCredentials, failure.Kind);
        Assert.Equal("InvalidSignatureException", failure.ErrorCode);
        Assert.NotNull(failure.RequestId);
        Assert.DoesNotContain("not-the-right-secret", failure.ToString());
    }

    /// <summary>The endpoint takes only signed requests, so every listing that succeeds was signed for real.</summary>
    [Fact]
    public async Task AnUnsignedRequestIsRefusedAsInvalidCredentials()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        var config = new SageMakerConfig { ServiceURL = endpoint.Url.AbsoluteUri, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 };
        using var client = new SageMakerClient(new AnonymousAWSCredentials(), config);

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => client.ListTrainingJobsForHyperParameterTuningJobAsync(
            new ListTrainingJobsForHyperParameterTuningJobRequest(new TrainingJobsRequest { HyperParameterTuningJobName = "xgb-churn-0412" }), default));
        var failure = FailureTranslator.Translate(thrown, "xgb-churn-0412", endpoint.Url.ToString());
        Assert.Equal(FailureKind.InvalidCredentials, failure.Kind);
        Assert.Equal("MissingAuthenticationTokenException", failure.ErrorCode);
        Assert.Empty(endpoint.Requests);
    }

    [Fact]
    public async Task ANextTokenFromAnotherListingIsAValidationError()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        var engine = EngineHarness.Start(endpoint);
        var foreignToken = (await engine.PageAsync("resnet-sweep-big", 5)).NextToken;

        var failure = Assert.Throws<TuningJobsException>(() => engine.List("xgb-churn-0412", 10, foreignToken));
        Assert.Equal(FailureKind.ValidationError, failure.Kind);
    }

    [Fact]
    public void ARefusedConnectionIsConnectionFailed()
    {
        var closedPort = new TcpListener(IPAddress.Loopback, 0);
        closedPort.Start();
        var port = ((IPEndPoint)closedPort.LocalEndpoint).Port;
        closedPort.Stop();

        var engine = new EngineHarness.Engine(new AwsSageMakerApi(), EngineHarness.Connection(new Uri($"http://127.0.0.1:{port}/"), "us-east-1"));
        var failure = Assert.Throws<TuningJobsException>(() => engine.List("xgb-churn-0412", 10));
        Assert.Equal(FailureKind.ConnectionFailed, failure.Kind);
        Assert.Contains($"127.0.0.1:{port}", failure.Message);
    }
}
