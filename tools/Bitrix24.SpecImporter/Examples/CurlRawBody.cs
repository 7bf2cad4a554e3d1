using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Bitrix24.SpecImporter.Examples;

/// <summary>
/// A fallback for bodies the shell would mangle: some examples put an apostrophe inside the single-quoted JSON
/// (<c>"name": "Children's Toys"</c>), which ends the quote in bash. Taken as the author meant it, the body runs
/// from <c>-d '</c> to a quote that ends the argument; each candidate end is tried until one gives JSON.
/// </summary>
internal static partial class CurlRawBody
{
    /// <summary>The first candidate body that <paramref name="isJson"/> accepts, or null.</summary>
    public static string? Find(string bash, System.Func<string, string?> isJson)
    {
        var text = bash.Replace("\r\n", "\n", System.StringComparison.Ordinal);
        var open = DataOpen().Match(text);
        if (!open.Success)
        {
            return null;
        }

        var body = Substitution().Replace(text[(open.Index + open.Length)..], match => ShellSubstitution.ValueOf(match.Groups["command"].Value));
        body = body.Replace(@"'\''", "'", System.StringComparison.Ordinal).Replace("'\"'\"'", "'", System.StringComparison.Ordinal);
        foreach (var end in CandidateEnds(body))
        {
            if (isJson(body[..end]) is { } json)
            {
                return json;
            }
        }

        return null;
    }

    /// <summary>Quotes followed by the end of the argument: whitespace then a backslash, newline, option or URL.</summary>
    private static IEnumerable<int> CandidateEnds(string body)
    {
        foreach (Match match in ArgumentEnd().Matches(body))
        {
            yield return match.Index;
        }
    }

    [GeneratedRegex(@"(?:^|\s)(?:-d|--data(?:-raw|-binary|-ascii)?)\s+'", RegexOptions.CultureInvariant)]
    private static partial Regex DataOpen();

    [GeneratedRegex(@"'""\$\((?<command>(?:[^()]|\([^()]*\))*)\)""'", RegexOptions.CultureInvariant)]
    private static partial Regex Substitution();

    [GeneratedRegex(@"'(?=[ \t]*(?:\\[ \t]*\n|\n|$)|[ \t]+(?:-|['""]?https?:))", RegexOptions.CultureInvariant)]
    private static partial Regex ArgumentEnd();
}
