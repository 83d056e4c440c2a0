using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// Collects constraint violations and words them the way the service does, e.g.
/// "2 validation errors detected: Value '0' at 'maxResults' failed to satisfy constraint: ...; Value ...".
/// </summary>
public sealed class Validation
{
    private readonly List<string> _violations = new();

    public const string TuningJobNamePattern = "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}";
    public const string NameContainsPattern = "^[a-zA-Z0-9\\-]+";

    // The model's patterns must match the whole value; \z is added here rather than shown in messages,
    // because the service prints the pattern as modelled.
    private static readonly Regex _tuningJobName = new(TuningJobNamePattern + "\\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex _nameContains = new(NameContainsPattern + "\\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static readonly string[] TrainingJobSortBy = { "Name", "CreationTime", "Status", "FinalObjectiveMetricValue" };
    public static readonly string[] TuningJobSortBy = { "Name", "Status", "CreationTime" };
    public static readonly string[] SortOrders = { "Ascending", "Descending" };
    public static readonly string[] TrainingJobStatuses = { "InProgress", "Completed", "Failed", "Stopping", "Stopped", "Deleting" };
    public static readonly string[] TuningJobStatuses = { "Completed", "InProgress", "Failed", "Stopped", "Stopping", "Deleting", "DeleteFailed" };

    public void Required(object value, string member)
    {
        if (value == null)
        {
            _violations.Add($"Value null at '{member}' failed to satisfy constraint: Member must not be null");
        }
    }

    public void Length(string value, string member, int min, int max)
    {
        if (value == null)
        {
            return;
        }

        if (value.Length < min)
        {
            Add(value, member, $"Member must have length greater than or equal to {min}");
        }

        if (value.Length > max)
        {
            Add(value, member, $"Member must have length less than or equal to {max}");
        }
    }

    public void Range(int? value, string member, int min, int max)
    {
        if (value == null)
        {
            return;
        }

        if (value < min)
        {
            Add(value.Value.ToString(CultureInfo.InvariantCulture), member, $"Member must have value greater than or equal to {min}");
        }

        if (value > max)
        {
            Add(value.Value.ToString(CultureInfo.InvariantCulture), member, $"Member must have value less than or equal to {max}");
        }
    }

    /// <summary>A HyperParameterTuningJobName: required, 1 to 32 characters, the model's pattern.</summary>
    public void TuningJobName(string value, string member)
    {
        Required(value, member);
        Length(value, member, 1, 32);
        Pattern(value, member, _tuningJobName, TuningJobNamePattern);
    }

    public void NameContainsFormat(string value, string member) => Pattern(value, member, _nameContains, NameContainsPattern);

    /// <summary>Enum values are compared with exact spelling, as the service does ("name" is not "Name").</summary>
    public void Enum(string value, string member, string[] allowed)
    {
        if (value != null && Array.IndexOf(allowed, value) < 0)
        {
            Add(value, member, $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
        }
    }

    public void ThrowIfAny()
    {
        if (_violations.Count == 0)
        {
            return;
        }

        var header = _violations.Count == 1 ? "1 validation error detected: " : $"{_violations.Count} validation errors detected: ";
        throw ErrorResponses.Validation(header + string.Join("; ", _violations));
    }

    private void Pattern(string value, string member, Regex regex, string shown)
    {
        if (value == null)
        {
            return;
        }

        bool matches;
        try
        {
            matches = regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            matches = false;
        }

        if (!matches)
        {
            Add(value, member, "Member must satisfy regular expression pattern: " + shown);
        }
    }

    private void Add(string value, string member, string constraint) =>
        _violations.Add($"Value '{value}' at '{member}' failed to satisfy constraint: {constraint}");
}
