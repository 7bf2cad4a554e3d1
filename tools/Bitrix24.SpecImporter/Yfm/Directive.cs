using System.Text.RegularExpressions;

namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// A Liquid-style YFM directive that fills its own line: <c>{% note warning "Title" %}</c> is name <c>note</c>,
/// arguments <c>warning "Title"</c>. The docs write every block directive on a line of its own, so the readers
/// only look at whole lines.
/// </summary>
internal sealed partial record Directive(string Name, string Arguments)
{
    /// <summary>Reads a directive line, or null when the line is something else.</summary>
    public static Directive? TryParse(string text)
    {
        var match = DirectivePattern().Match(text);
        return match.Success
            ? new Directive(match.Groups["name"].Value.ToLowerInvariant(), match.Groups["args"].Value.Trim())
            : null;
    }

    /// <summary>Whether the line is a directive with the given name.</summary>
    public static bool Is(string text, string name) =>
        TryParse(text) is { } directive && directive.Name == name;

    [GeneratedRegex(@"^\s*\{%-?\s*(?<name>[A-Za-z]+)(?<args>.*?)-?%\}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DirectivePattern();
}
