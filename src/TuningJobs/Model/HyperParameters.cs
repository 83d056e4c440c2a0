using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace TuningJobs;

/// <summary>
/// The hyperparameter values a training job ran with: keys and values exactly as the service sent them.
/// A dictionary that also compares (key by key, ordinal) so that Sort-Object on it is deterministic,
/// and converts from a hashtable so that Pester mocks can write @{ eta = '0.1' }.
/// </summary>
public sealed class HyperParameters : Dictionary<string, string>, IComparable
{
    public HyperParameters() : base(StringComparer.Ordinal) { }

    public HyperParameters(IDictionary values) : this()
    {
        if (values is null) return;
        foreach (DictionaryEntry entry in values)
        {
            this[Convert.ToString(entry.Key, CultureInfo.InvariantCulture)] =
                entry.Value is null ? null : Convert.ToString(entry.Value, CultureInfo.InvariantCulture);
        }
    }

    public static implicit operator HyperParameters(Hashtable values) => new HyperParameters(values);

    public int CompareTo(object obj)
    {
        if (obj is null) return 1;
        if (!(obj is HyperParameters other)) throw new ArgumentException("Object is not a HyperParameters.", nameof(obj));
        using (var mine = Keys.OrderBy(k => k, StringComparer.Ordinal).GetEnumerator())
        using (var theirs = other.Keys.OrderBy(k => k, StringComparer.Ordinal).GetEnumerator())
        {
            while (true)
            {
                bool hasMine = mine.MoveNext(), hasTheirs = theirs.MoveNext();
                if (!hasMine || !hasTheirs) return hasMine.CompareTo(hasTheirs);
                var byKey = string.CompareOrdinal(mine.Current, theirs.Current);
                if (byKey != 0) return byKey;
                var byValue = string.CompareOrdinal(this[mine.Current], other[theirs.Current]);
                if (byValue != 0) return byValue;
            }
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var key in Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (text.Length > 0) text.Append(", ");
            text.Append(key).Append('=').Append(this[key]);
        }
        return text.ToString();
    }
}
