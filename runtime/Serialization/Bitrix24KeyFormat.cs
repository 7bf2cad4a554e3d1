using System;
using System.ComponentModel;
using System.Globalization;
using System.Linq;

namespace Bitrix24.Generated.Serialization;

/// <summary>
/// The forms of a generated key type: a prefix per kind followed by an integer id (<c>user12</c>, <c>group3</c>).
/// A kind's number is its position among the prefixes.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class Bitrix24KeyFormat
{
    private readonly string[] _prefixes;
    private readonly int[] _longestFirst;

    /// <summary>Creates the format.</summary>
    /// <param name="prefixes">The prefix of each kind, in the order of the kinds.</param>
    public Bitrix24KeyFormat(params string[] prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        _prefixes = prefixes;

        // Longest prefix first, so that e.g. "usergroup" wins over "user".
        _longestFirst = Enumerable.Range(0, prefixes.Length).OrderByDescending(i => prefixes[i].Length).ToArray();
    }

    /// <summary>The key text of a kind and id.</summary>
    public string Format(int kind, int id)
    {
        var text = id.ToString(CultureInfo.InvariantCulture);
        return (uint)kind < (uint)_prefixes.Length ? _prefixes[kind] + text : kind.ToString(CultureInfo.InvariantCulture) + ":" + text;
    }

    /// <summary>Reads a key's kind and id; false when the text has none of the forms.</summary>
    public bool TryParse(string? text, out int kind, out int id)
    {
        if (text is not null)
        {
            foreach (var candidate in _longestFirst)
            {
                var prefix = _prefixes[candidate];
                if (text.StartsWith(prefix, StringComparison.Ordinal) &&
                    int.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out id))
                {
                    kind = candidate;
                    return true;
                }
            }
        }

        kind = 0;
        id = 0;
        return false;
    }

    /// <summary>The error for text that is not a key of the type.</summary>
    public FormatException NotAKey(string? text, string typeName) =>
        new("'" + text + "' is not a " + typeName + "; expected " + string.Join(", ", _prefixes.Select(p => p + "{id}")) + ".");
}
