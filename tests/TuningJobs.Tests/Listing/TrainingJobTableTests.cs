using TuningJobs.Listing;

namespace TuningJobs.Tests.Listing;

/// <summary>
/// ConvertTo-TrainingJobRow's table: a column of its own for each hyperparameter name, values that sort as what they are.
/// </summary>
public sealed class TrainingJobTableTests
{
    private static HyperParameterTrainingJobSummary Job(string name, params string[] namesAndValues)
    {
        var job = new HyperParameterTrainingJobSummary { TrainingJobName = name };
        for (var i = 0; i < namesAndValues.Length; i += 2)
        {
            job.TunedHyperParameters[namesAndValues[i]] = namesAndValues[i + 1];
        }
        return job;
    }

    [Fact]
    public void NumericHyperParametersAreNumbersSoTheySortAsNumbers()
    {
        var jobs = new[] { Job("a", "max_depth", "10"), Job("b", "max_depth", "9"), Job("c", "max_depth", "2.5") };
        var table = new TrainingJobTable(jobs);
        Assert.Equal(new object[] { 10.0, 9.0, 2.5 }, jobs.Select(job => table.RowFor(job).Properties["max_depth"].Value));
    }

    [Fact]
    public void CaseTwinHyperParameterNamesGetColumnsOfTheirOwn()
    {
        var job = Job("a", "Eta", "1", "eta", "x");
        var columns = new TrainingJobTable(new[] { job }).RowFor(job).Properties.Select(column => column.Name);
        Assert.Equal(new[] { "TrainingJobName", "TrainingJobStatus", "ObjectiveValue", "TrainingTime", "Eta", "eta#2" }, columns);
    }
}
