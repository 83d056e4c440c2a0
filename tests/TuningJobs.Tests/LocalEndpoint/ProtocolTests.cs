using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace TuningJobs.Tests.LocalEndpoint;

public sealed class ProtocolTests : IClassFixture<EndpointFixture>
{
    private const string Body = "{\"HyperParameterTuningJobName\":\"xgb-churn-0412\"}";
    private readonly EndpointFixture fixture;

    public ProtocolTests(EndpointFixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task OnlyPostToTheRootIsAnOperation()
    {
        using var client = new WireClient(fixture.Endpoint.Url);

        var get = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, fixture.Endpoint.Url));
        var otherPath = await client.CallAsync(WireClient.TrainingJobs, Body, path: "other");

        Assert.Equal(404, get.StatusCode);
        Assert.Equal("UnknownOperationException", get.ErrorType);
        Assert.Equal("application/x-amz-json-1.1", get.ContentType);
        Assert.NotNull(get.RequestId);
        Assert.Equal(404, otherPath.StatusCode);
        Assert.Equal("UnknownOperationException", otherPath.ErrorType);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/x-amz-json-1.0")]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task OtherContentTypesAreUnknownOperations(string contentType)
    {
        using var client = new WireClient(fixture.Endpoint.Url);

        var response = await client.CallAsync(WireClient.TrainingJobs, Body, contentType: contentType);

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("UnknownOperationException", response.ErrorType);
    }

    [Fact]
    public async Task ContentTypeParametersAreTolerated()
    {
        using var client = new WireClient(fixture.Endpoint.Url);

        var response = await client.CallAsync(WireClient.TrainingJobs, Body, contentType: "application/x-amz-json-1.1; charset=utf-8");

        Assert.Equal(200, response.StatusCode);
    }

    [Theory]
    [InlineData("SageMaker.DescribeTrainingJob")]
    [InlineData("sagemaker.ListTrainingJobsForHyperParameterTuningJob")]
    [InlineData("ListTrainingJobsForHyperParameterTuningJob")]
    [InlineData("")]
    public async Task UnknownTargetIsAnUnknownOperation(string target)
    {
        using var client = new WireClient(fixture.Endpoint.Url);

        var response = await client.CallAsync(WireClient.TrainingJobs, Body, target: target);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("UnknownOperationException", response.ErrorType);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("{\"HyperParameterTuningJobName\":\"xgb-churn-0412\",}")]
    public async Task BodyThatIsNotAJsonObjectIsASerializationError(string body)
    {
        using var client = new WireClient(fixture.Endpoint.Url);

        var response = await client.CallAsync(WireClient.TrainingJobs, body);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("SerializationException", response.ErrorType);
    }

    [Theory]
    [InlineData("{\"HyperParameterTuningJobName\":42}")]
    [InlineData("{\"HyperParameterTuningJobName\":\"xgb-churn-0412\",\"MaxResults\":\"10\"}")]
    [InlineData("{\"HyperParameterTuningJobName\":\"xgb-churn-0412\",\"MaxResults\":1.5}")]
    [InlineData("{\"HyperParameterTuningJobName\":\"xgb-churn-0412\",\"MaxResults\":99999999999}")]
    [InlineData("{\"HyperParameterTuningJobName\":\"xgb-churn-0412\",\"SortBy\":[\"Name\"]}")]
    [InlineData("{\"HyperParameterTuningJobName\":\"xgb-churn-0412\",\"NextToken\":{}}")]
    [InlineData("{\"HyperParameterTuningJobName\":true}")]
    public async Task MemberOfTheWrongJsonTypeIsASerializationError(string body)
    {
        using var client = new WireClient(fixture.Endpoint.Url);

        var response = await client.CallAsync(WireClient.TrainingJobs, body);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("SerializationException", response.ErrorType);
    }

    [Fact]
    public async Task UnknownMembersAreIgnoredAndNullMeansAbsent()
    {
        using var client = new WireClient(fixture.Endpoint.Url);

        var response = await client.CallAsync(
            WireClient.TrainingJobs,
            "{\"HyperParameterTuningJobName\":\"xgb-churn-0412\",\"Unknown\":{\"x\":[1,2]},\"maxResults\":\"ignored\",\"SortBy\":null,\"NextToken\":null}");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(10, response.Items("TrainingJobSummaries").Count);
    }

    [Fact]
    public async Task ErrorBodiesCarryTypeAndMessage()
    {
        using var client = new WireClient(fixture.Endpoint.Url);

        var response = await client.ListTrainingJobsAsync("no-such-job");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.1", response.ContentType);
        Assert.NotNull(response.RequestId);
        Assert.Equal("{\"__type\":\"ResourceNotFound\",\"Message\":\"Amazon SageMaker can't find a tuning job with name no-such-job\"}", response.Body);
    }
}
