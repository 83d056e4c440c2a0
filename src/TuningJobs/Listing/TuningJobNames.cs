using System.Text;

namespace TuningJobs.Listing;

internal static class TuningJobNames
{
    /// <summary>
    /// The longest run of a wildcard pattern that holds no wildcard and only characters a name can have: what the
    /// service's NameContains (letters, digits and hyphens) can narrow a listing to before the pattern itself is
    /// applied. Empty when there is no such run.
    /// </summary>
    public static string LongestLiteral(string pattern)
    {
        var longest = string.Empty;
        var run = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '`' && i + 1 < pattern.Length) c = pattern[++i];   // an escaped wildcard character is literal
            else if (c == '[')
            {
                var close = pattern.IndexOf(']', i + 1);
                i = close < 0 ? pattern.Length : close;
                c = '*';
            }
            if (!IsNameCharacter(c))
            {
                if (run.Length > longest.Length) longest = run.ToString();
                run.Clear();
                continue;
            }
            run.Append(c);
        }
        if (run.Length > longest.Length) longest = run.ToString();
        // NameContains takes at most 63 characters; any part of the literal still narrows the listing correctly.
        return longest.Length > MaxNameContains ? longest.Substring(0, MaxNameContains) : longest;
    }

    private const int MaxNameContains = 63;

    private static bool IsNameCharacter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}
