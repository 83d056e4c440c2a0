using System.Globalization;
using System.Text.RegularExpressions;

namespace TuningJobs.LocalEndpoint;

/// <summary>
/// Collects constraint violations and words them the way the service does, e.g.
/// "2 validation errors detected: Value '0' at 'maxResults' failed to satisfy constraint: ...; Value ...".
/// </summary>
internal sealed class Validation
{
    private readonly List<string> _violations = [];

    /// <summary>A HyperParameterTuningJobName: required, 1 to 32 characters, the model's pattern.</summary>
    public void TuningJobName(string value)
    {
        const string member = "hyperParameterTuningJobName";
        Check(value != null, $"Value null at '{member}' failed to satisfy constraint: Member must not be null");
        Length(value, member, 1, 32);
        Pattern(value, member, "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}");
    }

    public void Length(string value, string member, int min, int max) => Bounds(value, member, value?.Length, min, max, "length");

    public void Range(int? value, string member, int min, int max) =>
        Bounds(value?.ToString(CultureInfo.InvariantCulture), member, value, min, max, "value");

    /// <summary>
    /// The model's patterns must match the whole value; \z is added here rather than shown in messages, because the
    /// service prints the pattern as modelled.
    /// </summary>
    public void Pattern(string value, string member, string pattern) =>
        Check(value, member, Regex.IsMatch(value ?? "", pattern + "\\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
            "Member must satisfy regular expression pattern: " + pattern);

    /// <summary>The members every listing has, after the operation's own.</summary>
    public void Listing(OperationRequest request, string[] sortBy, string[] statuses)
    {
        Length(request.NextToken, "nextToken", 0, 8192);
        Enum(request.SortBy, "sortBy", sortBy);
        Enum(request.SortOrder, "sortOrder", ["Ascending", "Descending"]);
        Enum(request.StatusEquals, "statusEquals", statuses);
    }

    /// <summary>Throws one ValidationException listing every violated constraint.</summary>
    public void ThrowIfAny()
    {
        if (_violations.Count > 0)
        {
            var header = _violations.Count == 1 ? "1 validation error detected: " : $"{_violations.Count} validation errors detected: ";
            throw new ServiceError(400, "ValidationException", header + string.Join("; ", _violations));
        }
    }

    /// <summary>Enum values are compared with exact spelling, as the service does ("name" is not "Name").</summary>
    private void Enum(string value, string member, string[] allowed) =>
        Check(value, member, allowed.Contains(value), $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]");

    private void Bounds(string shown, string member, int? actual, int min, int max, string what)
    {
        Check(shown, member, !(actual < min), $"Member must have {what} greater than or equal to {min}");
        Check(shown, member, !(actual > max), $"Member must have {what} less than or equal to {max}");
    }

    /// <summary>An absent member (null) satisfies every constraint but "must not be null".</summary>
    private void Check(string value, string member, bool satisfied, string constraint) =>
        Check(value == null || satisfied, $"Value '{value}' at '{member}' failed to satisfy constraint: {constraint}");

    private void Check(bool satisfied, string violation)
    {
        if (!satisfied)
        {
            _violations.Add(violation);
        }
    }
}
