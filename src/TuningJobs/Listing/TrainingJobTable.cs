using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace TuningJobs.Listing;

/// <summary>
/// The columns of a table of training jobs: name, status, objective value, training time, then every
/// hyperparameter name any job has, in ordinal order. Hyperparameter values that are numbers written the way
/// a double round-trips become doubles (so they sort as numbers); all others stay the exact text sent.
/// </summary>
internal sealed class TrainingJobTable
{
    internal const string RowTypeName = "TuningJobs.TrainingJobRow";
    private static readonly string[] _fixedColumns = { "TrainingJobName", "TrainingJobStatus", "ObjectiveValue", "TrainingTime" };

    // Hyperparameter name -> column name. PowerShell property names ignore case, so "eta" and "Eta", or a
    // hyperparameter named like a fixed column, get a numbered column of their own.
    private readonly List<KeyValuePair<string, string>> _hyperParameterColumns = new List<KeyValuePair<string, string>>();

    public TrainingJobTable(IEnumerable<HyperParameterTrainingJobSummary> jobs)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            if (job.TunedHyperParameters == null) continue;
            foreach (var key in job.TunedHyperParameters.Keys) names.Add(key);
        }
        var taken = new HashSet<string>(_fixedColumns, StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            var column = name;
            for (var n = 2; !taken.Add(column); n++) column = name + "#" + n.ToString(CultureInfo.InvariantCulture);
            _hyperParameterColumns.Add(new KeyValuePair<string, string>(name, column));
        }
    }

    public PSObject RowFor(HyperParameterTrainingJobSummary job)
    {
        var row = new PSObject();
        row.TypeNames.Insert(0, RowTypeName);
        row.Properties.Add(new PSNoteProperty("TrainingJobName", job.TrainingJobName));
        row.Properties.Add(new PSNoteProperty("TrainingJobStatus", job.TrainingJobStatus));
        row.Properties.Add(new PSNoteProperty("ObjectiveValue", job.ObjectiveValue));
        row.Properties.Add(new PSNoteProperty("TrainingTime", job.TrainingTime));
        foreach (var column in _hyperParameterColumns)
        {
            string value = null;
            job.TunedHyperParameters?.TryGetValue(column.Key, out value);
            row.Properties.Add(new PSNoteProperty(column.Value, Typed(value)));
        }
        return row;
    }

    private static object Typed(string value)
    {
        if (value == null) return null;
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
               && number.ToString("R", CultureInfo.InvariantCulture) == value
            ? (object)number
            : value;
    }
}
