using System.Threading.Tasks;
using Xunit;

namespace TuningJobs.Tests.LocalEndpoint;

public sealed class ValidationTests : IClassFixture<EndpointFixture>
{
    private const string Failed = "failed to satisfy constraint: ";
    private readonly EndpointFixture fixture;

    public ValidationTests(EndpointFixture fixture) => this.fixture = fixture;

    [Theory]
    [InlineData("bad_name!")]
    [InlineData("-leading-dash")]
    [InlineData("trailing-")]
    [InlineData("ünïcode")]
    public async Task NameMustMatchThePattern(string name)
    {
        var response = await ListAsync(name);

        AssertValidation(response, $"1 validation error detected: Value '{name}' at 'hyperParameterTuningJobName' {Failed}Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){{0,31}}");
    }

    [Fact]
    public async Task DoubleDashesAreWithinThePattern()
    {
        using var client = new WireClient(fixture.Endpoint.Url);

        var response = await client.ListTrainingJobsAsync("a--b");

        Assert.Equal("ResourceNotFound", response.ErrorType);
    }

    [Fact]
    public async Task NameLongerThan32BreaksLengthAndPattern()
    {
        var name = new string('a', 33);

        var response = await ListAsync(name);

        AssertValidation(response,
            $"2 validation errors detected: Value '{name}' at 'hyperParameterTuningJobName' {Failed}Member must have length less than or equal to 32; "
            + $"Value '{name}' at 'hyperParameterTuningJobName' {Failed}Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){{0,31}}");
    }

    [Fact]
    public async Task NameIsRequired()
    {
        using var client = new WireClient(fixture.Endpoint.Url);

        var response = await client.CallAsync(WireClient.TrainingJobs, "{}");

        AssertValidation(response, $"1 validation error detected: Value null at 'hyperParameterTuningJobName' {Failed}Member must not be null");
    }

    [Theory]
    [InlineData(0, "greater than or equal to 1")]
    [InlineData(101, "less than or equal to 100")]
    [InlineData(-5, "greater than or equal to 1")]
    public async Task MaxResultsMustBeWithinOneToHundred(int maxResults, string constraint)
    {
        var response = await ListAsync("xgb-churn-0412", maxResults: maxResults);

        AssertValidation(response, $"1 validation error detected: Value '{maxResults}' at 'maxResults' {Failed}Member must have value {constraint}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task MaxResultsBoundsAreAccepted(int maxResults)
    {
        var response = await ListAsync("xgb-churn-0412", maxResults: maxResults);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(System.Math.Min(maxResults, 42), response.Items("TrainingJobSummaries").Count);
    }

    [Theory]
    [InlineData("name", null, null, "sortBy", "[Name, CreationTime, Status, FinalObjectiveMetricValue]")]
    [InlineData("FinalObjectiveMetric", null, null, "sortBy", "[Name, CreationTime, Status, FinalObjectiveMetricValue]")]
    [InlineData(null, "ascending", null, "sortOrder", "[Ascending, Descending]")]
    [InlineData(null, null, "completed", "statusEquals", "[InProgress, Completed, Failed, Stopping, Stopped, Deleting]")]
    [InlineData(null, null, "Succeeded", "statusEquals", "[InProgress, Completed, Failed, Stopping, Stopped, Deleting]")]
    public async Task EnumValuesAreCaseSensitive(string sortBy, string sortOrder, string status, string member, string set)
    {
        var value = sortBy ?? sortOrder ?? status;

        var response = await ListAsync("xgb-churn-0412", sortBy: sortBy, sortOrder: sortOrder, status: status);

        AssertValidation(response, $"1 validation error detected: Value '{value}' at '{member}' {Failed}Member must satisfy enum value set: {set}");
    }

    [Fact]
    public async Task AllViolationsAreReportedTogether()
    {
        var response = await ListAsync("bad_name", maxResults: 0, sortBy: "Size", sortOrder: "Up", status: "Done");

        Assert.Equal("ValidationException", response.ErrorType);
        Assert.StartsWith("5 validation errors detected: Value 'bad_name' at 'hyperParameterTuningJobName'", response.Message);
        Assert.Equal(5, response.Message.Split("; ").Length);
        Assert.Contains("Value '0' at 'maxResults'", response.Message);
        Assert.Contains("Value 'Size' at 'sortBy'", response.Message);
        Assert.Contains("Value 'Up' at 'sortOrder'", response.Message);
        Assert.Contains("Value 'Done' at 'statusEquals'", response.Message);
    }

    [Fact]
    public async Task NextTokenLongerThan8192IsRejected()
    {
        var token = new string('A', 8193);

        var response = await ListAsync("xgb-churn-0412", nextToken: token);

        AssertValidation(response, $"1 validation error detected: Value '{token}' at 'nextToken' {Failed}Member must have length less than or equal to 8192");
    }

    [Theory]
    [InlineData("a_b", "Member must satisfy regular expression pattern: ^[a-zA-Z0-9\\-]+")]
    [InlineData("", "Member must satisfy regular expression pattern: ^[a-zA-Z0-9\\-]+")]
    public async Task NameContainsMustMatchThePattern(string nameContains, string constraint)
    {
        using var client = new WireClient(fixture.Endpoint.Url);

        var response = await client.CallAsync(WireClient.TuningJobs, WireClient.Json(new System.Collections.Generic.Dictionary<string, object> { ["NameContains"] = nameContains }));

        AssertValidation(response, $"1 validation error detected: Value '{nameContains}' at 'nameContains' {Failed}{constraint}");
    }

    [Fact]
    public async Task TuningJobListValidatesItsOwnEnums()
    {
        using var client = new WireClient(fixture.Endpoint.Url);

        var response = await client.CallAsync(WireClient.TuningJobs, "{\"SortBy\":\"FinalObjectiveMetricValue\",\"StatusEquals\":\"DeleteFailed\",\"NameContains\":\"" + new string('x', 64) + "\"}");

        Assert.Equal("ValidationException", response.ErrorType);
        Assert.StartsWith("2 validation errors detected: ", response.Message);
        Assert.Contains("at 'nameContains' failed to satisfy constraint: Member must have length less than or equal to 63", response.Message);
        Assert.Contains("Value 'FinalObjectiveMetricValue' at 'sortBy' failed to satisfy constraint: Member must satisfy enum value set: [Name, Status, CreationTime]", response.Message);
    }

    private static void AssertValidation(WireResponse response, string message)
    {
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("ValidationException", response.ErrorType);
        Assert.Equal(message, response.Message);
    }

    private async Task<WireResponse> ListAsync(string name, int? maxResults = null, string nextToken = null, string sortBy = null, string sortOrder = null, string status = null)
    {
        using var client = new WireClient(fixture.Endpoint.Url);
        return await client.ListTrainingJobsAsync(name, maxResults, nextToken, sortBy, sortOrder, status);
    }
}
