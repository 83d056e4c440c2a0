using System.Management.Automation;

namespace TuningJobs.Tests.Commands;

/// <summary>Input the service would refuse is refused when the parameters bind, before any request.</summary>
[Collection(Aws.ProcessEnvironment.Name)]
public sealed class BindingTests
{
    private const string Validation = "ParameterArgumentValidationError";

    [Theory]
    [InlineData("Get-TuningTrainingJob ''")]
    [InlineData("Get-TuningTrainingJob abcdefghijabcdefghijabcdefghijabc")]
    [InlineData("Get-TuningTrainingJob '-leading-dash'")]
    [InlineData("Get-TuningTrainingJob trailing-")]
    [InlineData("Get-TuningTrainingJob under_score")]
    [InlineData("Get-TuningTrainingJob \"newline`n\"")]
    [InlineData("Get-TuningTrainingJob \"kelvin\u212A\"")]
    [InlineData("Get-TuningTrainingJob tune -PageSize 0")]
    [InlineData("Get-TuningTrainingJob tune -PageSize 101")]
    [InlineData("Get-TuningTrainingJob tune -StatusEquals Done")]
    [InlineData("Get-TuningTrainingJob tune -SortBy Size")]
    [InlineData("Get-TuningTrainingJob tune -SortOrder Up")]
    [InlineData("Get-TuningTrainingJob tune -NextToken ''")]
    [InlineData("Get-TuningTrainingJob tune -NextToken ('x' * 8193)")]
    [InlineData("Get-TuningTrainingJob tune -EndpointUrl 'not a url'")]
    [InlineData("Get-TuningTrainingJob tune -EndpointUrl 'ftp://example.com/'")]
    [InlineData("Get-TuningTrainingJob tune -EndpointUrl '/relative/path'")]
    [InlineData("Get-TuningTrainingJob tune -EndpointUrl localhost")]
    [InlineData("Get-TuningTrainingJob tune -EndpointUrl sagemaker")]
    [InlineData("Get-TuningTrainingJob tune -EndpointUrl ''")]
    [InlineData("Get-TuningTrainingJob tune -EndpointUrl 'file:///etc/passwd'")]
    [InlineData("Get-TuningTrainingJob tune -Region 'us east 1'")]
    [InlineData("Get-TuningJob -NameContains 'a_b'")]
    [InlineData("Get-TuningJob -NameContains ('a' * 64)")]
    [InlineData("Get-TuningJob -StatusEquals Running")]
    [InlineData("Get-TuningJob -SortBy FinalObjectiveMetricValue")]
    [InlineData("Get-TuningJob -PageSize 101")]
    [InlineData("Get-TuningJob 'bad name'")]
    [InlineData("Get-TuningJob ('a' * 33)")]
    [InlineData("Get-TuningJob 'trailing-'")]
    [InlineData("Get-TuningJob -CreationTimeAfter 'not a date'", "CannotConvertArgumentNoMessage")]
    [InlineData("Get-TuningTrainingJob \"tune`u{0007}x\"", Validation, "pattern")]
    [InlineData("Get-TuningTrainingJob \"tun`u{0435}\"", Validation, "pattern")]
    [InlineData("Get-TuningTrainingJob \"tune`u{FF11}\"", Validation, "pattern")]
    [InlineData("Get-TuningTrainingJob ('a' * 10240)", Validation, "length")]
    public void BadInputIsRejectedAtBindingAndSendsNoRequest(string script, string errorId = Validation, string constraint = "")
    {
        var fake = new FakeSageMakerApi(5);
        var error = HostedPowerShell.RunForError(fake, script);
        Assert.IsAssignableFrom<ParameterBindingException>(error.Exception);
        Assert.StartsWith(errorId, error.FullyQualifiedErrorId);
        Assert.Contains(constraint, error.ToString());
        Assert.Empty(fake.Requests);
        Assert.Empty(fake.TuningJobRequests);
        Assert.Empty(fake.Described);
    }
}
