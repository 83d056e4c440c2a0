using System;
using System.Management.Automation;
using System.Text.RegularExpressions;
using TuningJobs.Api;

namespace TuningJobs.Validation;

/// <summary>
/// A tuning job name as the API constrains it (1-32 letters, digits and inner hyphens), or a wildcard pattern made of
/// those characters and wildcards, so that a name the service would reject fails at binding and never reaches it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateTuningJobNameOrPatternAttribute : ValidateEnumeratedArgumentsAttribute
{
    private static readonly Regex _name = new Regex(ApiValues.TuningJobNamePattern, RegexOptions.None);
    private static readonly Regex _pattern = new Regex(@"^[a-zA-Z0-9\-*?\[\]`]+\z", RegexOptions.None);

    protected override void ValidateElement(object element)
    {
        var text = element is PSObject wrapped ? wrapped.BaseObject?.ToString() : element?.ToString();
        if (string.IsNullOrEmpty(text)) throw new ValidationMetadataException("A tuning job name cannot be empty.");
        var valid = WildcardPattern.ContainsWildcardCharacters(text)
            ? _pattern.IsMatch(text)
            : text.Length <= 32 && _name.IsMatch(text);
        if (!valid)
        {
            throw new ValidationMetadataException(
                $"'{text}' is not a tuning job name (1-32 letters, digits and hyphens, starting and ending with a letter or digit) " +
                "or a wildcard pattern of those characters.");
        }
    }
}
