using System;
using System.Collections.Generic;
using System.Management.Automation;
using TuningJobs.Listing;

namespace TuningJobs.Commands;

/// <summary>
/// Turns training jobs into flat rows with one column per hyperparameter, as the SageMaker Python SDK's
/// tuning-job dataframe does, ready for Export-Csv, Import-Csv and Sort-Object.
/// </summary>
/// <remarks>
/// The rows are written at the end: a table needs every job's hyperparameter names before its first row,
/// because Export-Csv and Format-Table take their columns from the first object.
/// </remarks>
[Cmdlet(VerbsData.ConvertTo, "TrainingJobRow")]
[OutputType(TrainingJobTable.RowTypeName)]
public sealed class ConvertToTrainingJobRowCommand : PSCmdlet
{
    private readonly List<HyperParameterTrainingJobSummary> _jobs = new List<HyperParameterTrainingJobSummary>();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public HyperParameterTrainingJobSummary[] InputObject { get; set; }

    protected override void ProcessRecord() => _jobs.AddRange(InputObject);

    protected override void EndProcessing()
    {
        var table = new TrainingJobTable(_jobs);
        foreach (var job in _jobs)
        {
            WriteObject(table.RowFor(job));
        }
    }
}
