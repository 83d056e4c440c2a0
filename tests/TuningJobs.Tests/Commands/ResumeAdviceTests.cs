using System.Management.Automation.Language;

namespace TuningJobs.Tests.Commands;

/// <summary>
/// The NextToken in resume advice is text from the wire: whatever the service sends, the advice stays one command with
/// the token as a literal, for every combination of -Best, -SortBy, -Skip and -First that adds parameters to it.
/// </summary>
[Collection(Aws.ProcessEnvironment.Name)]
public sealed class ResumeAdviceTests
{
    /// <summary>Tokens a hostile or broken service could send: each tries to end the literal or expand inside it.</summary>
    public static readonly string[] CraftedTokens =
    {
        "abc'; Write-Host PWNED; '",
        "abc\u2018; Write-Host PWNED; \u2018",
        "abc\u2019; Write-Host PWNED; \u2019",
        "abc\u201A; Write-Host PWNED; \u201A",
        "abc\u201B; Write-Host PWNED; \u201B",
        "'\u2018\u2019\u201A\u201B'' -First 1 '",
        "$(Write-Host PWNED)`$env:HOME\"; & { Write-Host PWNED } #",
        "`'; Write-Host PWNED #",
        "line one\n'; Write-Host PWNED\r\n#",
        "' + $(Write-Host PWNED) + '",
        "<# '@ \"@ #> |; Write-Host PWNED",
    };

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
        from token in CraftedTokens
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
        AssertIsOnlyTheseParameters(failure.ResumeParameters, token, then);
        Assert.Contains(" " + failure.ResumeParameters + " ", record.ErrorDetails.RecommendedAction);
    }

    /// <summary>
    /// What resume advice must be, whatever text the service sent as NextToken: PowerShell source whose tokens, after a
    /// command name, are -NextToken, a single-quoted literal equal to the token, then the given parameters with plain
    /// values, and nothing else: no other statement or command, no variable, subexpression or expandable string.
    /// </summary>
    private static void AssertIsOnlyTheseParameters(string resumeParameters, string token, (string Name, string Value)[] rest)
    {
        Parser.ParseInput("Get-TuningTrainingJob x " + resumeParameters, out var tokens, out var errors);
        Assert.Empty(errors);
        var expected = new List<(TokenKind, string)>
        {
            (TokenKind.Generic, "Get-TuningTrainingJob"), (TokenKind.Identifier, "x"), (TokenKind.Parameter, "-NextToken"), (TokenKind.StringLiteral, token),
        };
        expected.AddRange(rest.SelectMany(parameter => new[]
        {
            (TokenKind.Parameter, "-" + parameter.Name), (int.TryParse(parameter.Value, out _) ? TokenKind.Number : TokenKind.Identifier, parameter.Value),
        }));
        expected.Add((TokenKind.EndOfInput, ""));
        Assert.Equal(expected, tokens.Select(t => (t.Kind, t.Kind == TokenKind.StringLiteral ? ((StringToken)t).Value : t.Text)));
    }
}
