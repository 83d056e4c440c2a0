namespace TuningJobs.Tests.Commands;

/// <summary>
/// The NextToken in resume advice is text from the wire: whatever the service sends, the advice stays one command with
/// the token as a literal, for every combination of -Best, -SortBy, -Skip and -First that adds parameters to it.
/// </summary>
[Collection(EngineSwap.Name)]
public sealed class ResumeAdviceTests
{
    // A command whose second page fails, and the parameters the advice must add after -NextToken.
    private static readonly (string Command, (string, string)[] Then)[] _commands =
    {
        ("Get-TuningTrainingJob tune -PageSize 10", new (string, string)[0]),
        ("Get-TuningTrainingJob tune -PageSize 10 -Skip 15 -First 10", new[] { ("Skip", "5"), ("First", "10") }),
        ("Get-TuningTrainingJob tune -PageSize 10 -Best -First 15",
            new[] { ("SortBy", "FinalObjectiveMetricValue"), ("SortOrder", "Descending"), ("First", "5") }),
        ("Get-TuningTrainingJob tune -PageSize 10 -Best -Skip 3 -First 20",
            new[] { ("SortBy", "FinalObjectiveMetricValue"), ("SortOrder", "Descending"), ("First", "13") }),
        ("Get-TuningTrainingJob tune -PageSize 10 -SortBy CreationTime -SortOrder Ascending -First 12",
            new[] { ("SortBy", "CreationTime"), ("SortOrder", "Ascending"), ("First", "2") }),
    };

    public static IEnumerable<object[]> Cases() =>
        from token in ResumeAdvice.CraftedTokens
        from index in Enumerable.Range(0, _commands.Length)
        select new object[] { token, index };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ACraftedNextTokenStaysALiteralInTheAdvice(string token, int command)
    {
        var (script, then) = _commands[command];
        var fake = new FakeSageMakerApi("Maximize", Enumerable.Range(0, 40).Select(i => i / 40.0).ToArray())
        {
            CraftedNextToken = token,
            Failure = r => r.NextToken == token ? new TuningJobsException(FailureKind.ServiceUnavailable, "Down.") : null,
        };
        var record = HostedPowerShell.RunForError(fake, script);
        var failure = Assert.IsType<TuningJobsException>(record.Exception);
        Assert.Equal(FailureKind.ServiceUnavailable, failure.Kind);
        Assert.Equal(token, failure.NextToken);
        Assert.Equal(token, fake.Requests.Last().NextToken);
        ResumeAdvice.AssertIsOnlyTheseParameters(failure.ResumeParameters, token, then);
        Assert.Contains(" " + failure.ResumeParameters + " ", record.ErrorDetails.RecommendedAction);
    }
}
