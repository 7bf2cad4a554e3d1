using System.Text.RegularExpressions;

namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// Splits a heading's text from its <c>{#anchor}</c>; the anchor is how other pages link to a section (the
/// <c>#fields</c> of a parameter table), so it is kept apart.
/// </summary>
internal static partial class HeadingText
{
    /// <summary>The heading block for the text after the <c>#</c> marks.</summary>
    public static YfmHeading Parse(int line, int level, string text)
    {
        var body = text.Trim();

        // An ATX heading may end with a closing run of #, which is not part of its text.
        var closing = ClosingPattern().Match(body);
        if (closing.Success)
        {
            body = body[..closing.Index].TrimEnd();
        }

        string? anchor = null;
        var match = AnchorPattern().Match(body);
        if (match.Success)
        {
            anchor = match.Groups["id"].Value;
            body = body[..match.Index].TrimEnd();
        }

        return new YfmHeading(line, level, body, anchor);
    }

    [GeneratedRegex(@"\{#(?<id>[^}\s]+)\}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AnchorPattern();

    [GeneratedRegex(@"(?:^|\s+)#+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ClosingPattern();
}
