using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using TuningJobs.Api;
using TuningJobs.Loading;

namespace TuningJobs.Completion;

/// <summary>
/// Completes tuning job names from the account: one ListHyperParameterTuningJobs page whose names contain what
/// is typed, asked with the -Region, -ProfileName, -EndpointUrl and -Credential already on the command line.
/// It answers within <see cref="Budget"/> or offers nothing, and never lets an error reach the console.
/// </summary>
public sealed class TuningJobNameCompleter : IArgumentCompleter
{
    // Under the 2 s promised to the user, leaving room for PowerShell's own completion work.
    internal static readonly TimeSpan Budget = TimeSpan.FromSeconds(1.5);
    private const int MaxNames = 100;
    private static readonly Regex _nameContainsPattern = new Regex(@"^[a-zA-Z0-9\-]{0,63}$", RegexOptions.CultureInvariant);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        if (!_nameContainsPattern.IsMatch(typed)) return Enumerable.Empty<CompletionResult>();
        try
        {
            using (var budget = new CancellationTokenSource(Budget))
            {
                // Finding the region and credentials (instance metadata included) counts against the budget too.
                var connection = ConnectionFrom(fakeBoundParameters);
                var request = new TuningJobsRequest
                {
                    NameContains = typed.Length == 0 ? null : typed,
                    MaxResults = MaxNames,
                    SortBy = ApiValues.Name,
                    SortOrder = ApiValues.Ascending,
                };
                var names = Task.Run(() => Engine.Api.ListTuningJobsAsync(connection, request, budget.Token), budget.Token);
                if (!names.Wait(Budget)) return Enumerable.Empty<CompletionResult>();
                return names.Result.Items
                    .Select(job => job.HyperParameterTuningJobName)
                    .Where(name => name != null)
                    .OrderBy(name => name.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                    .ThenBy(name => name, StringComparer.Ordinal)
                    .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, name))
                    .ToList();
            }
        }
        catch (Exception)
        {
            // Completion is a convenience: no credentials, no network, a slow service all mean no suggestions.
            return Enumerable.Empty<CompletionResult>();
        }
    }

    private static AwsConnection ConnectionFrom(IDictionary bound)
    {
        object Value(string name) => bound != null && bound.Contains(name) ? Unwrap(bound[name]) : null;
        return AwsConnection.From(Value("Region")?.ToString(), Value("ProfileName")?.ToString(), Value("EndpointUrl")?.ToString(),
            Value("Credential") as PSCredential);
    }

    private static object Unwrap(object value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
