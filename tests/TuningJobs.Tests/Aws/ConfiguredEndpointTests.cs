using TuningJobs.Aws;

namespace TuningJobs.Tests.Aws;

/// <summary>
/// Endpoints configured the SDK-wide way, over real HTTP: each source sends the listing to its URL, the first
/// source in the documented order wins, the ignore switch turns them off, and the requests are signed for the
/// region the user named. The local endpoints only accept signatures for <see cref="SigningRegion"/>, as a
/// regional AWS endpoint does.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ConfiguredEndpointTests
{
    private const string SigningRegion = "eu-west-1";
    private const string TuningJob = "xgb-churn-0412";

    private static Task<LocalSageMakerEndpoint> Start(string signingRegion = SigningRegion) =>
        LocalSageMakerEndpoint.StartAsync(signingRegion);

    private static AwsConnection Connection(string region = SigningRegion, string profileName = null, Uri endpointUrl = null) =>
        EngineHarness.Connection(endpointUrl, region, profileName);

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

    /// <summary>Lists once with an endpoint named in the shared config file: one request, signed for the region.</summary>
    private static async Task ListThroughConfig(Func<Uri, string> config, AwsConnection connection)
    {
        await using var endpoint = await Start();
        using var file = ProcessEnvironment.Config(config(endpoint.Url));
        List(connection);
        AssertOneSignedRequest(endpoint);
    }

    [Fact]
    public Task TheProfilesServicesSectionSendsTheRequestsToItsUrl() => ListThroughConfig(url => $"""
        [profile local]
        region = {SigningRegion}
        services = local-services

        [services local-services]
        s3 =
          endpoint_url = http://127.0.0.1:9/not-for-sagemaker/
        sagemaker =
          endpoint_url = {url.AbsoluteUri}
        """, Connection(region: null, profileName: "local"));

    // The SDK drops a profile's endpoint_url when the profile names a services section; one without sagemaker
    // must leave the profile's own endpoint_url in force.
    [Fact]
    public Task TheProfilesEndpointUrlCountsBesideAServicesSectionWithoutSageMaker() => ListThroughConfig(url => $"""
        [default]
        services = others
        endpoint_url = {url.AbsoluteUri}

        [services others]
        s3 =
          endpoint_url = http://127.0.0.1:9/not-for-sagemaker/
        """, Connection());

    [Fact]
    public async Task TheFirstSourceInTheDocumentedOrderWins()
    {
        await using var explicitEndpoint = await Start();
        await using var serviceVariable = await Start();
        await using var globalVariable = await Start();
        await using var servicesSection = await Start();
        await using var profileUrl = await Start();
        using var config = ProcessEnvironment.Config($"""
            [default]
            services = local-services
            endpoint_url = {profileUrl.Url.AbsoluteUri}

            [services local-services]
            sagemaker =
              endpoint_url = {servicesSection.Url.AbsoluteUri}
            """);
        using var environment = ProcessEnvironment.Set(("AWS_ENDPOINT_URL_SAGEMAKER", serviceVariable.Url.AbsoluteUri),
            ("AWS_ENDPOINT_URL", globalVariable.Url.AbsoluteUri));
        var all = new[] { explicitEndpoint, serviceVariable, globalVariable, servicesSection, profileUrl };

        void ExpectOnly(LocalSageMakerEndpoint winner, AwsConnection connection)
        {
            List(connection);
            Assert.Equal(all.Select(e => e == winner ? 1 : 0), all.Select(e => e.Requests.Count(r => r.StatusCode == 200)));
            foreach (var endpoint in all) endpoint.Requests.Clear();
        }

        ExpectOnly(explicitEndpoint, Connection(endpointUrl: explicitEndpoint.Url));
        ExpectOnly(serviceVariable, Connection());
        using (ProcessEnvironment.Set(("AWS_ENDPOINT_URL_SAGEMAKER", null)))
        {
            ExpectOnly(globalVariable, Connection());
            using (ProcessEnvironment.Set(("AWS_ENDPOINT_URL", null)))
            {
                ExpectOnly(servicesSection, Connection());
            }
        }
        // The ignore switch turns off every configured endpoint, never -EndpointUrl.
        using (ProcessEnvironment.Set(("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")))
        {
            ExpectOnly(explicitEndpoint, Connection(endpointUrl: explicitEndpoint.Url));
        }
    }

    [Fact]
    public async Task TheProfileSwitchIgnoresTheEnvironmentsEndpointsButNotEndpointUrl()
    {
        await using var explicitEndpoint = await Start();
        await using var configured = await Start();
        using var config = ProcessEnvironment.Config("""
            [profile ignoring]
            ignore_configured_endpoint_urls = true
            """);
        using var environment = ProcessEnvironment.Set(("AWS_ENDPOINT_URL_SAGEMAKER", configured.Url.AbsoluteUri));
        List(Connection(profileName: "ignoring", endpointUrl: explicitEndpoint.Url));
        AssertOneSignedRequest(explicitEndpoint);
        Assert.Empty(configured.Requests);
    }

    // A reported bug of the AWS Tools cmdlets: there, AWS_PROFILE's endpoint_url wins over the named profile's.
    [Fact]
    public async Task TheNamedProfilesEndpointUrlWinsOverAwsProfiles()
    {
        await using var named = await Start();
        await using var fromAwsProfile = await Start();
        using var config = ProcessEnvironment.Config($"""
            [profile named]
            endpoint_url = {named.Url.AbsoluteUri}

            [profile other]
            endpoint_url = {fromAwsProfile.Url.AbsoluteUri}
            """);
        using var environment = ProcessEnvironment.Set(("AWS_PROFILE", "other"));
        List(Connection(profileName: "named"));
        AssertOneSignedRequest(named);
        Assert.Empty(fromAwsProfile.Requests);

        List(Connection());
        AssertOneSignedRequest(fromAwsProfile);
    }

    // Without a region, as for -EndpointUrl, the requests are signed for us-east-1.
    [Theory]
    [InlineData("AWS_ENDPOINT_URL_SAGEMAKER", SigningRegion)]
    [InlineData("AWS_ENDPOINT_URL", null)]
    public async Task RequestsAreSignedForTheRegionOfAwsRegion(string variable, string awsRegion)
    {
        var signingRegion = awsRegion ?? "us-east-1";
        await using var endpoint = await Start(signingRegion);
        using var environment = ProcessEnvironment.Set((variable, endpoint.Url.AbsoluteUri), ("AWS_REGION", awsRegion));
        List(Connection(region: null));
        AssertOneSignedRequest(endpoint, signingRegion);
    }

    // The local endpoint checks the scope's region, so a client that signed for another one would fail here.
    [Fact]
    public async Task ASignatureForAnotherRegionIsRejected()
    {
        await using var endpoint = await Start();
        using var environment = ProcessEnvironment.Set(("AWS_ENDPOINT_URL_SAGEMAKER", endpoint.Url.AbsoluteUri));
        var failure = Assert.Throws<TuningJobsException>(() => List(Connection(region: "us-east-1")));
        Assert.Equal(FailureKind.InvalidCredentials, failure.Kind);
        Assert.Equal("InvalidSignatureException", failure.ErrorCode);
        Assert.Contains("Credential should be scoped to a valid region, not 'us-east-1'", failure.Message);
    }

    [Fact]
    public async Task MessagesNameTheConfiguredEndpoint()
    {
        await using var endpoint = await Start();
        using var environment = ProcessEnvironment.Set(("AWS_ENDPOINT_URL_SAGEMAKER", endpoint.Url.AbsoluteUri));
        Assert.True(EngineHarness.ResolvedUrl(Connection()).IsLoopback);
        var failure = Assert.Throws<TuningJobsException>(() => new EngineHarness.Engine(new AwsSageMakerApi(), Connection()).List("no-such-job", 10));
        Assert.Equal(FailureKind.ResourceNotFound, failure.Kind);
        Assert.Contains($"endpoint {endpoint.Url.AbsoluteUri} (from AWS_ENDPOINT_URL_SAGEMAKER)", failure.Message);
    }
}
