using System;
using System.Linq;
using System.Threading.Tasks;
using TuningJobs.LocalEndpoint;
using Xunit;

namespace TuningJobs.Tests.LocalEndpoint;

public sealed class AuthenticationTests
{
    private const string Body = "{\"HyperParameterTuningJobName\":\"xgb-churn-0412\"}";

    [Fact]
    public async Task SignedRequestSucceedsAndIsLoggedWithTheScopeRegion()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var client = new WireClient(endpoint.Url) { Region = "eu-west-1" };

        var response = await client.CallAsync(WireClient.TrainingJobs, Body);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.1", response.ContentType);
        Assert.True(Guid.TryParse(response.RequestId, out _));
        var entry = Assert.Single(endpoint.Requests);
        Assert.Equal("eu-west-1", entry.Region);
        Assert.Equal(WireClient.TrainingJobs, entry.Operation);
        Assert.Equal(200, entry.StatusCode);
        Assert.Equal(response.RequestId, entry.RequestId);
    }

    [Fact]
    public async Task WrongSecretIsAnInvalidSignatureThatDoesNotLeakTheSecret()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var client = new WireClient(endpoint.Url) { SecretKey = "not-the-secret" };

        var response = await client.CallAsync(WireClient.TrainingJobs, Body);

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.StartsWith("The request signature we calculated does not match the signature you provided.", response.Message);
        Assert.DoesNotContain(LocalSageMakerEndpoint.DefaultSecretAccessKey, response.Body);
        Assert.DoesNotContain("not-the-secret", response.Body);
        Assert.Empty(endpoint.Requests);
    }

    [Fact]
    public async Task MissingAuthorizationHeaderIsMissingAuthenticationToken()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var client = new WireClient(endpoint.Url);

        var response = await client.CallAsync(WireClient.TrainingJobs, Body, sign: false);

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", response.ErrorType);
        Assert.NotNull(response.RequestId);
    }

    [Fact]
    public async Task UnknownAccessKeyIsUnrecognizedClient()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var client = new WireClient(endpoint.Url) { AccessKeyId = "AKIDUNKNOWN" };

        var response = await client.CallAsync(WireClient.TrainingJobs, Body);

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("UnrecognizedClientException", response.ErrorType);
        Assert.Equal("The security token included in the request is invalid.", response.Message);
    }

    [Fact]
    public async Task CustomCredentialsAreAccepted()
    {
        var options = new LocalEndpointOptions { Credentials = new System.Collections.Generic.Dictionary<string, string> { ["AKIDOTHER"] = "other-secret" } };
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync(options);
        using var client = new WireClient(endpoint.Url) { AccessKeyId = "AKIDOTHER", SecretKey = "other-secret" };
        using var defaultClient = new WireClient(endpoint.Url);

        Assert.Equal(200, (await client.CallAsync(WireClient.TrainingJobs, Body)).StatusCode);
        Assert.Equal("UnrecognizedClientException", (await defaultClient.CallAsync(WireClient.TrainingJobs, Body)).ErrorType);
    }

    [Fact]
    public async Task ScopeForAnotherServiceIsAnIncompleteSignature()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var client = new WireClient(endpoint.Url);

        var response = await client.CallAsync(WireClient.TrainingJobs, Body, service: "s3");

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("IncompleteSignatureException", response.ErrorType);
    }

    [Theory]
    [InlineData("x-amz-date", "x-amz-target")]
    [InlineData("host", "x-amz-target")]
    public async Task HostAndDateMustBeSigned(string first, string second)
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var client = new WireClient(endpoint.Url);

        var response = await client.CallAsync(WireClient.TrainingJobs, Body, headersToSign: new[] { first, second });

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("IncompleteSignatureException", response.ErrorType);
    }

    [Fact]
    public async Task MalformedAuthorizationIsAnIncompleteSignature()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var client = new WireClient(endpoint.Url);

        var response = await client.CallAsync(WireClient.TrainingJobs, Body, sign: false, beforeSign: r =>
        {
            r.Headers.TryAddWithoutValidation("X-Amz-Date", DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'"));
            r.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDLOCALENDPOINT/20261102/us-east-1/sagemaker/aws4_request");
        });

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("IncompleteSignatureException", response.ErrorType);
        Assert.Contains("'Signature'", response.Message);
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(10)]
    public async Task DateMoreThanFiveMinutesOffIsRejected(int minutes)
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var client = new WireClient(endpoint.Url);

        var response = await client.CallAsync(WireClient.TrainingJobs, Body, signingTime: DateTimeOffset.UtcNow.AddMinutes(minutes));

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.StartsWith(minutes < 0 ? "Signature expired: " : "Signature not yet current: ", response.Message);
    }

    [Fact]
    public async Task DateWithinFiveMinutesIsAccepted()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var client = new WireClient(endpoint.Url);

        var response = await client.CallAsync(WireClient.TrainingJobs, Body, signingTime: DateTimeOffset.UtcNow.AddMinutes(-4));

        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task BodyChangedAfterSigningIsRejected()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var client = new WireClient(endpoint.Url);

        var response = await client.CallAsync(WireClient.TrainingJobs, Body, afterSign: r =>
        {
            var headers = r.Content.Headers.ContentType;
            r.Content = new System.Net.Http.StringContent("{\"HyperParameterTuningJobName\":\"resnet-sweep-big\"}");
            r.Content.Headers.ContentType = headers;
        });

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
    }

    [Fact]
    public async Task SignedHeaderChangedAfterSigningIsRejected()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var client = new WireClient(endpoint.Url);

        var response = await client.CallAsync(WireClient.TrainingJobs, Body, afterSign: r =>
        {
            r.Headers.Remove("X-Amz-Target");
            r.Headers.TryAddWithoutValidation("X-Amz-Target", "SageMaker." + WireClient.TuningJobs);
        });

        Assert.Equal("InvalidSignatureException", response.ErrorType);
    }

    [Fact]
    public async Task ContentHashHeaderIsCheckedWhenPresent()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var client = new WireClient(endpoint.Url);

        var good = await client.CallAsync(WireClient.TrainingJobs, Body, sendContentHash: true);
        var bad = await client.CallAsync(WireClient.TrainingJobs, Body, beforeSign: r => r.Headers.TryAddWithoutValidation("X-Amz-Content-SHA256", new string('0', 64)));

        Assert.Equal(200, good.StatusCode);
        Assert.Equal(403, bad.StatusCode);
        Assert.Equal("InvalidSignatureException", bad.ErrorType);
    }

    [Fact]
    public async Task SessionTokenMustBeSignedButAnyValueIsAccepted()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var client = new WireClient(endpoint.Url);

        var signed = await client.CallAsync(WireClient.TrainingJobs, Body, beforeSign: r => r.Headers.TryAddWithoutValidation("X-Amz-Security-Token", "any-session-token"));
        var unsigned = await client.CallAsync(WireClient.TrainingJobs, Body, afterSign: r => r.Headers.TryAddWithoutValidation("X-Amz-Security-Token", "any-session-token"));

        Assert.Equal(200, signed.StatusCode);
        Assert.Equal(403, unsigned.StatusCode);
        Assert.Equal("IncompleteSignatureException", unsigned.ErrorType);
    }

    [Fact]
    public async Task QueryStringTakesPartInTheSignature()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var client = new WireClient(endpoint.Url);

        var response = await client.CallAsync(WireClient.TrainingJobs, Body, path: "?b=2&a=x%20y");

        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task HeaderValuesAreTrimmedAndSpacesCollapsed()
    {
        await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
        using var client = new WireClient(endpoint.Url);

        var response = await client.CallAsync(WireClient.TrainingJobs, Body, beforeSign: r => r.Headers.TryAddWithoutValidation("X-Custom", "a   b    c"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(1, endpoint.Requests.Count(e => e.StatusCode == 200));
    }
}
