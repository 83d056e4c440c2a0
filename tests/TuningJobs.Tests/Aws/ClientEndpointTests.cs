using TuningJobs.Aws;

namespace TuningJobs.Tests.Aws;

/// <summary>
/// The URL the module's real client would send to, from the settings a user has (environment variables, the
/// profile, the cmdlet's parameters), asked of the client's configuration without sending anything; then, over real
/// HTTP, that the listing goes to a configured URL signed for the region the user named. The local endpoints only
/// accept signatures for <see cref="SigningRegion"/>, as a regional AWS endpoint does.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ClientEndpointTests
{
    private const string SigningRegion = "eu-west-1";

    private static AwsConnection Connection(string region = null, string profileName = null, string endpointUrl = null) =>
        EngineHarness.Connection(endpointUrl == null ? null : new Uri(endpointUrl), region, profileName);

    // The SDK ends the URL with a slash; the rule set writes hosts without one.
    private static string UrlFor(AwsConnection connection) => EngineHarness.ResolvedUrl(connection).AbsoluteUri.TrimEnd('/');

    private const string Fips = "AWS_USE_FIPS_ENDPOINT", DualStack = "AWS_USE_DUALSTACK_ENDPOINT";

    // A profile may choose the variant; only the named one counts (the SDK alone would take use_fips_endpoint from
    // AWS_PROFILE's profile even when another is named), and the environment comes before it.
    private const string Profiles = """
        [default]
        use_fips_endpoint = true
        use_dualstack_endpoint = true

        [profile iso]
        region = us-iso-east-1
        use_fips_endpoint = true

        [profile cn]
        region = cn-north-1
        use_fips_endpoint = true
        use_dualstack_endpoint = true

        [profile plain]
        region = us-gov-west-1
        """;

    [Theory]
    [InlineData("", Fips + "=true", null, "us-gov-west-1", "https://api-fips.sagemaker.us-gov-west-1.amazonaws.com")]
    [InlineData("", Fips + "=true " + DualStack + "=true", null, "us-gov-east-1", "https://api.sagemaker-fips.us-gov-east-1.api.aws")]
    [InlineData("", Fips + "=true", null, "cn-north-1", "https://api.sagemaker-fips.cn-north-1.amazonaws.com.cn")]
    [InlineData("", Fips + "=TRUE", null, "us-iso-east-1", "https://api.sagemaker-fips.us-iso-east-1.c2s.ic.gov")]
    [InlineData("", Fips + "=true " + DualStack + "=false", null, "us-isob-east-1", "https://api.sagemaker-fips.us-isob-east-1.sc2s.sgov.gov")]
    [InlineData("", DualStack + "=true", null, "us-east-1", "https://api.sagemaker.us-east-1.api.aws")]
    [InlineData("", Fips + "=false", null, "eu-west-1", "https://api.sagemaker.eu-west-1.amazonaws.com")]
    [InlineData("", Fips + "=yes", null, "eu-west-1", "https://api.sagemaker.eu-west-1.amazonaws.com")] // not a boolean: passed over, as the SDK does
    [InlineData("", "AWS_REGION=ap-southeast-2", null, null, "https://api.sagemaker.ap-southeast-2.amazonaws.com")]
    [InlineData(Profiles, "", "iso", null, "https://api.sagemaker-fips.us-iso-east-1.c2s.ic.gov")]
    [InlineData(Profiles, "", "cn", null, "https://api.sagemaker-fips.cn-north-1.api.amazonwebservices.com.cn")]
    [InlineData(Profiles, "AWS_PROFILE=iso", "plain", null, "https://api.sagemaker.us-gov-west-1.amazonaws.com")]
    [InlineData(Profiles, "AWS_PROFILE=iso", null, "us-gov-west-1", "https://api-fips.sagemaker.us-gov-west-1.amazonaws.com")]
    [InlineData(Profiles, Fips + "=false", null, "us-east-1", "https://api.sagemaker.us-east-1.api.aws")]
    public void TheRegionAndVariantComeFromTheEnvironmentElseTheNamedProfile(string config, string variables, string profileName,
        string region, string url)
    {
        using var file = ProcessEnvironment.Config(config);
        using var environment = ProcessEnvironment.Set(variables);
        Assert.Equal(url, UrlFor(Connection(region, profileName)));
    }

    // Every place an endpoint can be configured, each with its own URL, so that the URL used tells which one won.
    private const string Sources = """
        [default]
        services = local-services
        endpoint_url = http://127.0.0.1:9/profile/

        [services local-services]
        s3 =
          endpoint_url = http://127.0.0.1:9/not-for-sagemaker/
        sagemaker =
          endpoint_url = http://127.0.0.1:9/services/

        [profile others]
        services = s3-only
        endpoint_url = http://127.0.0.1:9/others/

        [services s3-only]
        s3 =
          endpoint_url = http://127.0.0.1:9/not-for-sagemaker/

        [profile named]
        endpoint_url = http://127.0.0.1:9/named/

        [profile ignoring]
        ignore_configured_endpoint_urls = true
        endpoint_url = http://127.0.0.1:9/ignoring/
        """;

    private const string Variables = "AWS_ENDPOINT_URL_SAGEMAKER=http://127.0.0.1:9/service/ AWS_ENDPOINT_URL=http://127.0.0.1:9/global/";
    private const string Ignore = " AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true";
    private const string Regional = "https://api.sagemaker.eu-west-1.amazonaws.com";

    /// <summary>
    /// The first source in the documented order wins: -EndpointUrl, AWS_ENDPOINT_URL_SAGEMAKER, AWS_ENDPOINT_URL, the
    /// profile's services section, the profile's endpoint_url. The ignore switch, of the environment or the profile,
    /// turns off every configured endpoint (the SDK alone would still use AWS_ENDPOINT_URL under the profile's), never
    /// -EndpointUrl.
    /// </summary>
    [Theory]
    [InlineData(Variables, null, true, "explicit")]
    [InlineData(Variables, null, false, "service")]
    [InlineData("AWS_ENDPOINT_URL=http://127.0.0.1:9/global/", null, false, "global")]
    [InlineData("", null, false, "services")]
    [InlineData("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=false", null, false, "services")]
    // The SDK drops a profile's endpoint_url when the profile names a services section; one without sagemaker
    // must leave the profile's own endpoint_url in force.
    [InlineData("", "others", false, "others")]
    // A reported bug of the AWS Tools cmdlets: there, AWS_PROFILE's endpoint_url wins over the named profile's.
    [InlineData("AWS_PROFILE=others", "named", false, "named")]
    [InlineData("AWS_PROFILE=others", null, false, "others")]
    [InlineData(Variables + Ignore, null, true, "explicit")]
    [InlineData(Variables + Ignore, null, false, Regional)]
    [InlineData(Variables, "ignoring", true, "explicit")]
    [InlineData(Variables, "ignoring", false, Regional)]
    [InlineData(Variables + " AWS_PROFILE=ignoring", null, false, Regional)]
    // FIPS cannot be combined with a configured endpoint, but an ignored one is none.
    [InlineData(Variables + Ignore + " AWS_USE_FIPS_ENDPOINT=true", null, false, "https://api-fips.sagemaker.eu-west-1.amazonaws.com")]
    public void TheFirstConfiguredEndpointInTheDocumentedOrderWins(string variables, string profileName, bool endpointUrl, string winner)
    {
        using var config = ProcessEnvironment.Config(Sources);
        using var environment = ProcessEnvironment.Set(variables);
        var url = UrlFor(Connection("eu-west-1", profileName, endpointUrl ? "http://127.0.0.1:9/explicit/" : null));
        Assert.Equal(winner.StartsWith("https:") ? winner : "http://127.0.0.1:9/" + winner, url);
    }

    /// <summary>FIPS or dual-stack with a configured endpoint names both settings; a configured endpoint must be an http(s) URL.</summary>
    /// <param name="variables">NAME=value pairs, separated by spaces.</param>
    [Theory]
    [InlineData("AWS_USE_FIPS_ENDPOINT=true AWS_ENDPOINT_URL_SAGEMAKER=http://127.0.0.1:9/", "", null, null,
        "AWS_USE_FIPS_ENDPOINT is set, but FIPS endpoints cannot be combined with a configured endpoint (AWS_ENDPOINT_URL_SAGEMAKER).")]
    [InlineData("", "[profile ds]\nuse_dualstack_endpoint = true", "ds", "http://127.0.0.1:9/",
        "use_dualstack_endpoint of profile 'ds' is set, but dual-stack endpoints cannot be combined with a configured endpoint (-EndpointUrl).")]
    [InlineData("", "[default]\nuse_fips_endpoint = true\nservices = local\n\n[services local]\nsagemaker =\n  endpoint_url = http://127.0.0.1:9/", null, null,
        "use_fips_endpoint of profile 'default' is set, but FIPS endpoints cannot be combined with a configured endpoint " +
        "(the services section 'local' of profile 'default' (sagemaker endpoint_url)).")]
    [InlineData("AWS_ENDPOINT_URL_SAGEMAKER=localhost:4566", "", null, null,
        "AWS_ENDPOINT_URL_SAGEMAKER is 'localhost:4566', which is not an absolute http or https URL.")]
    [InlineData("AWS_ENDPOINT_URL=ftp://127.0.0.1/", "", null, null, "AWS_ENDPOINT_URL is 'ftp://127.0.0.1/', which is not an absolute http or https URL.")]
    public void AnEndpointThatCannotBeUsedIsInvalidConfiguration(string variables, string config, string profileName, string endpointUrl,
        string message)
    {
        using var file = ProcessEnvironment.Config(config);
        using var environment = ProcessEnvironment.Set(variables);
        var connection = Connection("us-east-1", profileName, endpointUrl);
        var failure = Assert.Throws<TuningJobsException>(() => ClientFactory.Create(connection).Dispose());
        Assert.Equal(FailureKind.InvalidConfiguration, failure.Kind);
        Assert.Equal(message, failure.Message);
    }

    // The SDK parses this variable with bool.Parse when it first reads its settings; a FormatException there would
    // break every later client in the process, so the module stops before the SDK looks.
    [Fact]
    public void AnIgnoreSwitchThatIsNoBooleanIsInvalidConfigurationAndBreaksNothing()
    {
        var cache = new ClientCache();
        var failure = Assert.Throws<TuningJobsException>(() =>
        {
            using var environment = ProcessEnvironment.SetWithoutSdkReset(("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "1"));
            cache.For(Connection("us-east-1"));
        });
        Assert.Equal(FailureKind.InvalidConfiguration, failure.Kind);
        Assert.Equal("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is '1', but it must be true or false.", failure.Message);
        Assert.NotNull(cache.For(Connection("us-east-1")));
    }

    // A change of any of these variables must get a new client at the next call.
    [Theory]
    [InlineData("AWS_ENDPOINT_URL_SAGEMAKER=http://127.0.0.1:9/")]
    [InlineData("AWS_ENDPOINT_URL=http://127.0.0.1:9/")]
    [InlineData("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true")]
    [InlineData("AWS_USE_FIPS_ENDPOINT=true")]
    [InlineData("AWS_USE_DUALSTACK_ENDPOINT=true")]
    public void EachEndpointVariableIsPartOfTheClientCacheKey(string assignment)
    {
        var cache = new ClientCache();
        var before = cache.For(Connection("us-east-1"));
        Assert.Same(before, cache.For(Connection("us-east-1")));
        using var environment = ProcessEnvironment.Set(assignment);
        Assert.NotSame(before, cache.For(Connection("us-east-1")));
    }

    // A session that rotates keys or timeouts must not keep a client (and its connection pool) for each.
    [Fact]
    public void TheCacheKeepsAtMostItsBoundOfClientsAndDropsTheOldest()
    {
        var cache = new ClientCache();
        AwsConnection WithTimeout(int seconds) => EngineHarness.Connection(new Uri("http://127.0.0.1:9/"), "us-east-1", timeout: TimeSpan.FromSeconds(seconds));
        var first = cache.For(WithTimeout(1));
        for (var seconds = 2; seconds <= ClientCache.MaxClients + 8; seconds++)
        {
            cache.For(WithTimeout(seconds));
        }
        Assert.Equal(ClientCache.MaxClients, cache.Count);
        var last = cache.For(WithTimeout(ClientCache.MaxClients + 8));
        Assert.Same(last, cache.For(WithTimeout(ClientCache.MaxClients + 8)));
        Assert.NotSame(first, cache.For(WithTimeout(1)));
    }

    // A new provider each time, so that no client of an earlier configuration is reused. The URL is checked first,
    // so that a regression that picks the regional AWS endpoint fails here instead of sending anything off the machine.
    private static void List(AwsConnection connection, string tuningJob = "xgb-churn-0412")
    {
        var url = EngineHarness.ResolvedUrl(connection);
        Assert.True(url.IsLoopback, $"The request would go to {url}.");
        Assert.NotEmpty(new EngineHarness.Engine(new AwsSageMakerApi(), connection).List(tuningJob, 100));
    }

    // Two profiles that send the requests to the local endpoint ({url}): by a services section, and by their own endpoint_url.
    private const string LocalProfiles = """
        [profile by-services]
        region = eu-west-1
        services = local-services

        [services local-services]
        s3 =
          endpoint_url = http://127.0.0.1:9/not-for-sagemaker/
        sagemaker =
          endpoint_url = {url}

        [profile by-endpoint-url]
        region = eu-west-1
        endpoint_url = {url}
        """;

    // The profile's services section, or else its own endpoint_url, or a variable is where the requests go; the region to
    // sign for comes from the profile or AWS_REGION, else (as for -EndpointUrl) it is us-east-1.
    [Theory]
    [InlineData("by-services", "", SigningRegion)]
    [InlineData("by-endpoint-url", "", SigningRegion)]
    [InlineData(null, "AWS_ENDPOINT_URL_SAGEMAKER={url} AWS_REGION=" + SigningRegion, SigningRegion)]
    [InlineData(null, "AWS_ENDPOINT_URL={url}", "us-east-1")]
    public async Task RequestsGoToTheConfiguredUrlSignedForTheConfiguredRegion(string profileName, string variables, string signingRegion)
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(signingRegion);
        using var file = ProcessEnvironment.Config(LocalProfiles.Replace("{url}", endpoint.Url.AbsoluteUri));
        using var environment = ProcessEnvironment.Set(variables.Replace("{url}", endpoint.Url.AbsoluteUri));
        List(Connection(profileName: profileName));
        var request = Assert.Single(endpoint.Requests);
        Assert.Equal(200, request.StatusCode);
        Assert.Equal(signingRegion, request.Region);
    }

    // The local endpoint checks the scope's region, so a client that signed for another one would fail here. A
    // failure's message names the configured endpoint and where it came from.
    [Theory]
    [InlineData("us-east-1", "xgb-churn-0412", "InvalidCredentials", "InvalidSignatureException",
        "Credential should be scoped to a valid region, not 'us-east-1'")]
    [InlineData(SigningRegion, "no-such-job", "ResourceNotFound", "ResourceNotFound", "The tuning job 'no-such-job' was not found")]
    public async Task AFailureNamesTheConfiguredEndpointAndASignatureForAnotherRegionIsRejected(string region, string tuningJob,
        string kind, string errorCode, string message)
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(SigningRegion);
        using var environment = ProcessEnvironment.Set(("AWS_ENDPOINT_URL_SAGEMAKER", endpoint.Url.AbsoluteUri));
        var failure = Assert.Throws<TuningJobsException>(() => List(Connection(region), tuningJob));
        Assert.Equal(Enum.Parse<FailureKind>(kind), failure.Kind);
        Assert.Equal(errorCode, failure.ErrorCode);
        Assert.Contains(message, failure.Message);
        Assert.Contains($"endpoint {endpoint.Url.AbsoluteUri} (from AWS_ENDPOINT_URL_SAGEMAKER)", failure.Message);
    }
}
