using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using TuningJobs.Loading;

namespace TuningJobs.Completion;

/// <summary>Completes -Region with the region names the AWS SDK knows.</summary>
public sealed class RegionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        try
        {
            return Engine.Api.KnownRegions()
                .Where(region => region.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(region => new CompletionResult(region, region, CompletionResultType.ParameterValue, region))
                .ToList();
        }
        catch (Exception)
        {
            return Enumerable.Empty<CompletionResult>();
        }
    }
}
