using TuningJobs.Aws;

namespace TuningJobs.Tests.Aws;

/// <summary>
/// Endpoints configured the SDK-wide way, over real HTTP: the listing goes to the configured URL (which one wins is
/// ClientEndpointTests' concern), signed for the region the user named. The local endpoints only accept signatures
/// for <see cref="SigningRegion"/>, as a regional AWS endpoint does.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ConfiguredEndpointTests
{
    private const string SigningRegion = "eu-west-1";
    private const string TuningJob = "xgb-churn-0412";

    private static AwsConnection Connection(string region = SigningRegion, string profileName = null) =>
        EngineHarness.Connection(null, region, profileName);

    // A new provider each time, so that no client of an earlier configuration is reused. The URL is checked first,
    // so that a regression that picks the regional AWS endpoint fails here instead of sending anything off the machine.
    private static void List(AwsConnection connection)
    {
        var url = EngineHarness.ResolvedUrl(connection);
        Assert.True(url.IsLoopback, $"The request would go to {url}.");
        Assert.NotEmpty(new EngineHarness.Engine(new AwsSageMakerApi(), connection).List(TuningJob, 100));
    }

    private static void AssertOneSignedRequest(LocalSageMakerEndpoint endpoint, string region = SigningRegion)
    {
        var request = Assert.Single(endpoint.Requests);
        Assert.Equal(200, request.StatusCode);
        Assert.Equal(region, request.Region);
    }

    // The region to sign for comes from the profile too.
    [Fact]
    public async Task TheProfilesServicesSectionSendsTheRequestsToItsUrl()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(SigningRegion);
        using var file = ProcessEnvironment.Config($"""
            [profile local]
            region = {SigningRegion}
            services = local-services

            [services local-services]
            s3 =
              endpoint_url = http://127.0.0.1:9/not-for-sagemaker/
            sagemaker =
              endpoint_url = {endpoint.Url.AbsoluteUri}
            """);
        List(Connection(region: null, profileName: "local"));
        AssertOneSignedRequest(endpoint);
    }

    // Without a region, as for -EndpointUrl, the requests are signed for us-east-1.
    [Theory]
    [InlineData("AWS_ENDPOINT_URL_SAGEMAKER", SigningRegion)]
    [InlineData("AWS_ENDPOINT_URL", null)]
    public async Task RequestsAreSignedForTheRegionOfAwsRegion(string variable, string awsRegion)
    {
        var signingRegion = awsRegion ?? "us-east-1";
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(signingRegion);
        using var environment = ProcessEnvironment.Set((variable, endpoint.Url.AbsoluteUri), ("AWS_REGION", awsRegion));
        List(Connection(region: null));
        AssertOneSignedRequest(endpoint, signingRegion);
    }

    // The local endpoint checks the scope's region, so a client that signed for another one would fail here.
    [Fact]
    public async Task ASignatureForAnotherRegionIsRejected()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(SigningRegion);
        using var environment = ProcessEnvironment.Set(("AWS_ENDPOINT_URL_SAGEMAKER", endpoint.Url.AbsoluteUri));
        var failure = Assert.Throws<TuningJobsException>(() => List(Connection(region: "us-east-1")));
        Assert.Equal(FailureKind.InvalidCredentials, failure.Kind);
        Assert.Equal("InvalidSignatureException", failure.ErrorCode);
        Assert.Contains("Credential should be scoped to a valid region, not 'us-east-1'", failure.Message);
    }

    [Fact]
    public async Task MessagesNameTheConfiguredEndpoint()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(SigningRegion);
        using var environment = ProcessEnvironment.Set(("AWS_ENDPOINT_URL_SAGEMAKER", endpoint.Url.AbsoluteUri));
        Assert.True(EngineHarness.ResolvedUrl(Connection()).IsLoopback);
        var failure = Assert.Throws<TuningJobsException>(() => new EngineHarness.Engine(new AwsSageMakerApi(), Connection()).List("no-such-job", 10));
        Assert.Equal(FailureKind.ResourceNotFound, failure.Kind);
        Assert.Contains($"endpoint {endpoint.Url.AbsoluteUri} (from AWS_ENDPOINT_URL_SAGEMAKER)", failure.Message);
    }
}
