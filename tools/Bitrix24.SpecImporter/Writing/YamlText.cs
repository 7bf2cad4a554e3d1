using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Text;
using System;

namespace Bitrix24.SpecImporter.Writing;

/// <summary>YAML scalars as the shipped specs write them: plain where that reads the same, quoted otherwise.</summary>
internal static partial class YamlText
{
    /// <summary>A scalar: plain when YAML reads it back as the same string, double-quoted otherwise.</summary>
    public static string Scalar(string value)
    {
        if (value.Length > 0 && Plain().IsMatch(value) && !Ambiguous().IsMatch(value) && !value.Contains(": ", StringComparison.Ordinal)
            && !value.Contains(" #", StringComparison.Ordinal) && !value.EndsWith(':'))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var character in value)
        {
            switch (character)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case < ' ' or '\u2028' or '\u2029' or '\u0085' or '\ufeff':
                    builder.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(character);
                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>JSON text on one line, single-quoted as the shipped examples are.</summary>
    public static string Json(string json) =>
        json.Any(character => character < ' ' || character is '\u2028' or '\u2029' or '\u0085' or '\ufeff')
            ? Scalar(json)
            : "'" + json.Replace("'", "''", StringComparison.Ordinal) + "'";

    // Starts with a letter, digit or a harmless sign and holds no YAML indicators.
    [GeneratedRegex(@"^[A-Za-z0-9_(/.$][^\n\r\t""'#{}\[\]&*!|>%@`]*(?<! )$")]
    private static partial Regex Plain();

    // What YAML would read as a boolean, a null or a number.
    [GeneratedRegex(@"^(?:[yYnN]|[Yy]es|YES|[Nn]o|NO|[Tt]rue|TRUE|[Ff]alse|FALSE|[Oo]n|ON|[Oo]ff|OFF|[Nn]ull|NULL|~|[-+]?[0-9][0-9_.,:eE+-]*|\.[0-9].*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex Ambiguous();
}
