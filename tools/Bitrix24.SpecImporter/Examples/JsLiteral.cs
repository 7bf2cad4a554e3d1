using System.Text;

namespace Bitrix24.SpecImporter.Examples;

/// <summary>
/// Rewrites a JavaScript object literal as JSON text: unquoted and numeric keys get quotes, single-quoted and
/// plain template strings become double-quoted, comments go. Anything that is not a literal (a variable,
/// <c>new Date()</c>, a call, a <c>...</c> placeholder, <c>undefined</c>) makes it give up, because a value
/// that must be computed cannot be an example payload.
/// </summary>
internal static class JsLiteral
{
    /// <summary>The JSON text for the literal, or null when the text holds an expression.</summary>
    public static string? ToJsonText(string text)
    {
        var output = new StringBuilder(text.Length + 16);
        var index = 0;
        while (index < text.Length)
        {
            var c = text[index];
            if (char.IsWhiteSpace(c) || JsScanner.At(text, index, "//") || JsScanner.At(text, index, "/*"))
            {
                index = JsScanner.SkipTrivia(text, index);
                output.Append(' ');
            }
            else if (c is '{' or '}' or '[' or ']' or ',' or ':')
            {
                output.Append(c);
                index++;
            }
            else if (JsScanner.IsQuote(c))
            {
                index = AppendString(text, index, output);
            }
            else if (char.IsDigit(c) || c == '-' || char.IsLetter(c) || c is '_' or '$')
            {
                index = AppendWord(text, index, output);
            }
            else
            {
                // Operators, parentheses, a lone dot or the "..." placeholder: not a literal.
                return null;
            }

            if (index < 0)
            {
                return null;
            }
        }

        return output.ToString();
    }

    /// <summary>Copies a string literal as a JSON string; -1 when it does not end or interpolates.</summary>
    private static int AppendString(string text, int start, StringBuilder output)
    {
        var quote = text[start];
        output.Append('"');
        for (var index = start + 1; index < text.Length; index++)
        {
            var c = text[index];
            if (c == quote)
            {
                output.Append('"');
                return index + 1;
            }

            switch (c)
            {
                case '\\' when index + 1 < text.Length:
                    var next = text[++index];

                    // \' and \` are JavaScript-only; JSON has neither and needs none.
                    output.Append(next is '\'' or '`' ? next.ToString() : "\\" + next);
                    break;
                case '"':
                    output.Append("\\\"");
                    break;
                case '\n' when quote == '`':
                    output.Append("\\n");
                    break;
                case '\n':
                case '$' when quote == '`' && index + 1 < text.Length && text[index + 1] == '{':
                    return -1;
                case < ' ':
                    // A raw tab is fine in JavaScript, not in JSON.
                    output.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }

        return -1;
    }

    /// <summary>Copies a number, a keyword or a property name; -1 for anything else.</summary>
    private static int AppendWord(string text, int start, StringBuilder output)
    {
        var index = start + 1;
        while (index < text.Length && (JsScanner.IsIdentifierPart(text[index]) || IsNumberPart(text, index)))
        {
            index++;
        }

        var word = text[start..index];
        var isKey = JsScanner.SkipTrivia(text, index) is var next && next < text.Length && text[next] == ':';
        if (isKey && (char.IsLetter(word[0]) || word[0] is '_' or '$' || char.IsDigit(word[0])))
        {
            output.Append('"').Append(word).Append('"');
        }
        else if (char.IsDigit(word[0]) || word[0] == '-' || word is "true" or "false" or "null")
        {
            // Numbers are copied as written; the JSON parser rejects what JSON does not allow (0x1F, 1_000).
            output.Append(word);
        }
        else
        {
            return -1;
        }

        return index;
    }

    /// <summary>A dot, or a sign after an exponent, inside a number.</summary>
    private static bool IsNumberPart(string text, int index)
    {
        var c = text[index];
        var previous = text[index - 1];
        return (c == '.' && char.IsDigit(previous) && index + 1 < text.Length && char.IsDigit(text[index + 1]))
            || (c is '+' or '-' && previous is 'e' or 'E' && index >= 2 && char.IsDigit(text[index - 2]));
    }
}
