using System.Text.RegularExpressions;

namespace Bitrix24.SpecImporter.Examples;

/// <summary>
/// Stands in for a command substitution (<c>$(date --iso-8601=seconds)</c>) or a variable in an example: the
/// docs splice them into JSON strings for dates, so a fixed, plausible value keeps the payload valid and the
/// spec stable from run to run.
/// </summary>
internal static partial class ShellSubstitution
{
    /// <summary>The value used for a <c>date</c> in ISO 8601 form.</summary>
    public const string IsoDate = "2025-01-01T10:00:00+03:00";

    /// <summary>The value used for anything else.</summary>
    public const string Other = "value";

    /// <summary>The value standing in for the command <paramref name="command"/>.</summary>
    public static string ValueOf(string command)
    {
        var text = command.Trim();
        if (!DatePattern().IsMatch(text))
        {
            return Other;
        }

        var format = FormatPattern().Match(text);
        if (format.Success)
        {
            return Format(format.Groups["format"].Value);
        }

        return IsoDate;
    }

    /// <summary>Applies a <c>date +FORMAT</c> format to the fixed moment 2025-01-01 10:00:00 +03:00.</summary>
    private static string Format(string format) =>
        format
            .Replace("%F", "2025-01-01", System.StringComparison.Ordinal)
            .Replace("%T", "10:00:00", System.StringComparison.Ordinal)
            .Replace("%Y", "2025", System.StringComparison.Ordinal)
            .Replace("%m", "01", System.StringComparison.Ordinal)
            .Replace("%d", "01", System.StringComparison.Ordinal)
            .Replace("%H", "10", System.StringComparison.Ordinal)
            .Replace("%M", "00", System.StringComparison.Ordinal)
            .Replace("%S", "00", System.StringComparison.Ordinal)
            .Replace("%:z", "+03:00", System.StringComparison.Ordinal)
            .Replace("%z", "+0300", System.StringComparison.Ordinal)
            .Replace("%s", "1735714800", System.StringComparison.Ordinal);

    [GeneratedRegex(@"^date\b", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?:^|\s)['""]?\+(?<format>[^'""]+)['""]?", RegexOptions.CultureInvariant)]
    private static partial Regex FormatPattern();
}
