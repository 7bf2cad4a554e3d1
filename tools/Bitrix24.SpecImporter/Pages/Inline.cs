using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Bitrix24.SpecImporter.Pages;

/// <summary>Reads inline Markdown: bold names, code spans, links.</summary>
internal static partial class Inline
{
    /// <summary>The text without Markdown decoration: links keep their text, code spans and emphasis their content.</summary>
    public static string Plain(string markdown)
    {
        var text = Link().Replace(markdown, "$1");
        text = text.Replace("**", string.Empty).Replace("`", string.Empty);
        return Spaces().Replace(text, " ").Trim();
    }

    /// <summary>The code spans of a text, in order.</summary>
    public static IEnumerable<string> CodeSpans(string markdown)
    {
        foreach (Match match in CodeSpan().Matches(markdown))
        {
            yield return match.Groups[1].Value;
        }
    }

    /// <summary>The first link of a text whose label is a code span: <c>[`deal[]`](crm-deal-get.md#deal)</c>.</summary>
    public static (string Label, string Target)? CodeLink(string markdown)
    {
        var match = CodeLinkPattern().Match(markdown);
        return match.Success ? (match.Groups[1].Value, match.Groups[2].Value) : null;
    }

    /// <summary>The targets of the links of a text.</summary>
    public static IEnumerable<string> LinkTargets(string markdown)
    {
        foreach (Match match in Link().Matches(markdown))
        {
            yield return match.Groups[2].Value;
        }
    }

    [GeneratedRegex(@"\[([^\]]*)\]\(([^)\s]*)[^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\[`([^`]+)`\]\(([^)\s]*)[^)]*\)")]
    private static partial Regex CodeLinkPattern();

    [GeneratedRegex(@"`+([^`]+)`+")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
