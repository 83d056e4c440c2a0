using System.Management.Automation;

namespace TuningJobs.Tests.Commands;

/// <summary>Tab completes the parameters whose values are the API's enumerations with exactly those values.</summary>
public sealed class ParameterValueCompletionTests
{
    [Theory]
    [InlineData("StatusEquals", "Completed,Deleting,Failed,InProgress,Stopped,Stopping")]
    [InlineData("SortBy", "CreationTime,FinalObjectiveMetricValue,Name,Status")]
    [InlineData("SortOrder", "Ascending,Descending")]
    public void CompletesWithTheServiceValues(string parameter, string values)
    {
        using var shell = HostedPowerShell.Create();
        var line = $"Get-TuningTrainingJob tune -{parameter} ";
        var completions = CommandCompletion.CompleteInput(line, line.Length, null, shell).CompletionMatches;
        Assert.Equal(values.Split(','), completions.Select(match => match.CompletionText).Order(StringComparer.Ordinal));
    }
}
