using System;
using System.Globalization;

namespace TuningJobs;

/// <summary>
/// The objective metric a training job reported last. Comparable by Value, so that
/// Sort-Object on the whole property orders jobs by their objective.
/// </summary>
public sealed class FinalHyperParameterTuningJobObjectiveMetric : IComparable<FinalHyperParameterTuningJobObjectiveMetric>, IComparable
{
    /// <summary>Maximize or Minimize (a string, so that new values still come through).</summary>
    public string Type { get; set; }
    public string MetricName { get; set; }

    /// <summary>Exactly the number the service sent, read as a double.</summary>
    public double Value { get; set; }

    public int CompareTo(FinalHyperParameterTuningJobObjectiveMetric other)
    {
        if (other is null) return 1;
        var byValue = Value.CompareTo(other.Value);
        return byValue != 0 ? byValue : string.CompareOrdinal(MetricName, other.MetricName);
    }

    public int CompareTo(object obj)
    {
        if (obj is null) return 1;
        if (obj is FinalHyperParameterTuningJobObjectiveMetric other) return CompareTo(other);
        throw new ArgumentException("Object is not a FinalHyperParameterTuningJobObjectiveMetric.", nameof(obj));
    }

    public override string ToString() =>
        string.Concat(MetricName, " = ", Value.ToString("R", CultureInfo.InvariantCulture));
}
