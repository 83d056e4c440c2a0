using System.Globalization;

namespace TuningJobs.Tests.Model;

/// <summary>
/// ObjectiveValue and TrainingTime, the plain values that the table view, Sort-Object and Export-Csv use: the final
/// metric's value, and the end minus the start; null where the job has none.
/// </summary>
public sealed class HyperParameterTrainingJobSummaryTests
{
    [Theory]
    [InlineData(0.875, null, null, null)]                                            // a final metric
    [InlineData(null, null, null, null)]                                             // not started
    [InlineData(null, "2024-01-01T10:00:00Z", null, null)]                           // running
    [InlineData(null, null, "2024-01-01T10:00:00Z", null)]                           // only the end known
    [InlineData(null, "2024-01-01T10:00:00Z", "2024-01-01T11:30:15Z", "01:30:15")]   // ended
    public void ObjectiveValueAndTrainingTimeAreComputedElseNull(double? metric, string start, string end, string trainingTime)
    {
        var job = new HyperParameterTrainingJobSummary
        {
            TrainingStartTime = Utc(start),
            TrainingEndTime = Utc(end),
            FinalHyperParameterTuningJobObjectiveMetric = metric is null ? null
                : new FinalHyperParameterTuningJobObjectiveMetric { MetricName = "validation:auc", Value = metric.Value },
        };
        Assert.Equal(metric, job.ObjectiveValue);
        var expectedTime = trainingTime is null ? (TimeSpan?)null : TimeSpan.Parse(trainingTime, CultureInfo.InvariantCulture);
        Assert.Equal(expectedTime, job.TrainingTime);
    }

    private static DateTime? Utc(string text) =>
        text is null ? null : DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
}
