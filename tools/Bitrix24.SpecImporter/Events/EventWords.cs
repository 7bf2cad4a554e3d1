using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System;

namespace Bitrix24.SpecImporter.Events;

/// <summary>
/// Splits an upper-case event name into the words of the CamelCase names the docs write for other events
/// (<c>OnImbotMessageAdd</c>, <c>OnImCommandAdd</c>): <c>ONIMBOTV2MESSAGEADD</c> → <c>OnImbotV2MessageAdd</c>. A version
/// (<c>V2</c>) is a word of its own. Null when the words do not cover the name.
/// </summary>
internal sealed partial class EventWords
{
    // The verbs event names end in, which the text about an event may not write as they stand ("added or removed").
    private readonly HashSet<string> _words = new(StringComparer.Ordinal) { "ADD", "UPDATE", "DELETE", "CHANGE", "GET", "SET" };

    public EventWords(IEnumerable<string> camelNames)
    {
        foreach (var name in camelNames)
        {
            foreach (Match word in Word().Matches(name))
            {
                _words.Add(word.Value.ToUpperInvariant());
            }
        }
    }

    /// <summary>The CamelCase name, or null.</summary>
    /// <param name="eventName">The upper-case name.</param>
    /// <param name="text">The text that documents the event: its words of three letters or more may be words of the name too.</param>
    public string? Split(string eventName, string text = "")
    {
        var words = new HashSet<string>(_words, StringComparer.Ordinal);
        words.UnionWith(Regex.Matches(text, "[A-Za-z]{3,}").Select(match => match.Value.ToUpperInvariant()));
        if (!eventName.StartsWith("ON", StringComparison.Ordinal) || eventName.Any(c => !char.IsLetterOrDigit(c)))
        {
            return null;
        }

        // The fewest words that cover the rest: best[i] is the split of rest[..i].
        var rest = eventName[2..];
        var best = new List<string>?[rest.Length + 1];
        best[0] = [];
        for (var end = 1; end <= rest.Length; end++)
        {
            for (var start = 0; start < end; start++)
            {
                var piece = rest[start..end];
                if (best[start] is { } before && (words.Contains(piece) || Version().IsMatch(piece))
                    && (best[end] is null || best[end]!.Count > before.Count + 1))
                {
                    best[end] = [.. before, piece];
                }
            }
        }

        return best[rest.Length] is { } split ? "On" + string.Concat(split.Select(word => word[0] + word[1..].ToLowerInvariant())) : null;
    }

    [GeneratedRegex(@"[A-Z][a-z]+|[A-Z]+(?![a-z])")]
    private static partial Regex Word();

    [GeneratedRegex(@"^V\d+$")]
    private static partial Regex Version();
}
