using System.Text.RegularExpressions;

namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// Recognizes the lines that start a block other than prose, so a paragraph ends there even without a blank
/// line, as the docs often write a table or a note right under a sentence.
/// </summary>
internal static partial class BlockStart
{
    /// <summary>Whether the line opens a YFM table (<c>#|</c> alone on its line).</summary>
    public static bool IsTableOpen(string text) => text.Trim() == "#|";

    /// <summary>Whether the line closes a YFM table (<c>|#</c> alone on its line).</summary>
    public static bool IsTableClose(string text) => text.Trim() == "|#";

    /// <summary>Whether the line is a block quote line.</summary>
    public static bool IsQuote(string text) => text.TrimStart().StartsWith('>');

    /// <summary>Whether the line starts a block other than prose.</summary>
    public static bool IsAny(string text) =>
        Fence.TryOpen(text) is not null
        || IsTableOpen(text)
        || Directive.TryParse(text) is not null
        || HeadingPattern().IsMatch(text)
        || IsQuote(text);

    /// <summary>An ATX heading: up to three spaces, one to six <c>#</c>, then a space or the end.</summary>
    [GeneratedRegex(@"^ {0,3}(?<marks>#{1,6})(?:[ \t]+(?<text>.*?))?[ \t]*$", RegexOptions.CultureInvariant)]
    public static partial Regex HeadingPattern();
}
