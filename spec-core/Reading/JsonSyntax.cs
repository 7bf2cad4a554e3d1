using System.Globalization;

namespace Bitrix24.Generated.Specs.Reading;

/// <summary>
/// A small JSON syntax check for the examples in specs. The generator runs on netstandard2.0 inside the
/// compiler, where System.Text.Json is not guaranteed to load, so it carries its own.
/// </summary>
internal static class JsonSyntax
{
    /// <summary>Returns a description of the first syntax error, or null when the text is one JSON value.</summary>
    public static string? FindProblem(string text)
    {
        var position = 0;
        var problem = Value(text, ref position, depth: 0);
        if (problem is not null)
        {
            return problem;
        }

        SkipSpace(text, ref position);
        return position == text.Length ? null : At(position, "unexpected text after the JSON value");
    }

    private static string? Value(string text, ref int position, int depth)
    {
        if (depth > 64)
        {
            return At(position, "nesting is too deep");
        }

        SkipSpace(text, ref position);
        if (position >= text.Length)
        {
            return At(position, "a value is missing");
        }

        switch (text[position])
        {
            case '{':
                return Container(text, ref position, depth, '}', isObject: true);
            case '[':
                return Container(text, ref position, depth, ']', isObject: false);
            case '"':
                return String(text, ref position);
            case 't':
                return Literal(text, ref position, "true");
            case 'f':
                return Literal(text, ref position, "false");
            case 'n':
                return Literal(text, ref position, "null");
            default:
                return Number(text, ref position);
        }
    }

    private static string? Container(string text, ref int position, int depth, char close, bool isObject)
    {
        position++;
        SkipSpace(text, ref position);
        if (position < text.Length && text[position] == close)
        {
            position++;
            return null;
        }

        while (true)
        {
            if (isObject)
            {
                SkipSpace(text, ref position);
                if (position >= text.Length || text[position] != '"')
                {
                    return At(position, "a property name in quotes is expected");
                }

                var keyProblem = String(text, ref position);
                if (keyProblem is not null)
                {
                    return keyProblem;
                }

                SkipSpace(text, ref position);
                if (position >= text.Length || text[position] != ':')
                {
                    return At(position, "':' is expected");
                }

                position++;
            }

            var problem = Value(text, ref position, depth + 1);
            if (problem is not null)
            {
                return problem;
            }

            SkipSpace(text, ref position);
            if (position >= text.Length)
            {
                return At(position, "'" + close + "' is missing");
            }

            if (text[position] == ',')
            {
                position++;
                continue;
            }

            if (text[position] == close)
            {
                position++;
                return null;
            }

            return At(position, "',' or '" + close + "' is expected");
        }
    }

    private static string? String(string text, ref int position)
    {
        var start = position;
        position++;
        while (position < text.Length)
        {
            var character = text[position];
            if (character == '"')
            {
                position++;
                return null;
            }

            if (character == '\\')
            {
                position += 2;
                continue;
            }

            if (character < ' ')
            {
                return At(position, "a control character inside a string");
            }

            position++;
        }

        return At(start, "a string is not closed");
    }

    private static string? Literal(string text, ref int position, string literal)
    {
        if (string.CompareOrdinal(text, position, literal, 0, literal.Length) == 0)
        {
            position += literal.Length;
            return null;
        }

        return At(position, "unexpected character '" + text[position] + "'");
    }

    private static string? Number(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && (char.IsDigit(text[position]) || text[position] is '-' or '+' or '.' or 'e' or 'E'))
        {
            position++;
        }

        return position > start && double.TryParse(text.Substring(start, position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? null
            : At(start, "unexpected character '" + text[start] + "'");
    }

    private static void SkipSpace(string text, ref int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t' or '\r' or '\n')
        {
            position++;
        }
    }

    private static string At(int position, string message) =>
        message + " at character " + (position + 1).ToString(CultureInfo.InvariantCulture);
}
