using System;

namespace Bitrix24.SpecImporter.Examples;

/// <summary>
/// Lexical helpers over JavaScript source: skipping whitespace, comments and string literals, and finding the
/// end of a bracketed expression. Enough of the language to cut an object literal out of an example, not more.
/// </summary>
internal static class JsScanner
{
    /// <summary>The index of the first character at or after <paramref name="index"/> that is not whitespace or a comment.</summary>
    public static int SkipTrivia(string text, int index)
    {
        while (index < text.Length)
        {
            if (char.IsWhiteSpace(text[index]))
            {
                index++;
            }
            else if (At(text, index, "//"))
            {
                var end = text.IndexOf('\n', index);
                index = end < 0 ? text.Length : end + 1;
            }
            else if (At(text, index, "/*"))
            {
                var end = text.IndexOf("*/", index + 2, StringComparison.Ordinal);
                index = end < 0 ? text.Length : end + 2;
            }
            else
            {
                break;
            }
        }

        return index;
    }

    /// <summary>Whether the character opens a string literal: a single, double or back quote.</summary>
    public static bool IsQuote(char c) => c is '\'' or '"' or '`';

    /// <summary>The index after the string literal starting at <paramref name="index"/>, or -1 when it does not end.</summary>
    public static int SkipString(string text, int index)
    {
        var quote = text[index];
        for (var position = index + 1; position < text.Length; position++)
        {
            var c = text[position];
            if (c == '\\')
            {
                position++;
            }
            else if (c == quote)
            {
                return position + 1;
            }
            else if (c == '\n' && quote != '`')
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// The index after the bracket that closes the one at <paramref name="index"/> (<c>{</c>, <c>[</c> or
    /// <c>(</c>), counting all three kinds and skipping strings and comments; -1 when it is not closed.
    /// </summary>
    public static int SkipBracketed(string text, int index)
    {
        var depth = 0;
        var position = index;
        while (position < text.Length)
        {
            var c = text[position];
            if (IsQuote(c))
            {
                position = SkipString(text, position);
                if (position < 0)
                {
                    return -1;
                }

                continue;
            }

            if (At(text, position, "//") || At(text, position, "/*"))
            {
                position = SkipTrivia(text, position);
                continue;
            }

            if (c is '{' or '[' or '(')
            {
                depth++;
            }
            else if (c is '}' or ']' or ')' && --depth == 0)
            {
                return position + 1;
            }

            position++;
        }

        return -1;
    }

    /// <summary>Whether <paramref name="text"/> has <paramref name="token"/> at <paramref name="index"/>.</summary>
    public static bool At(string text, int index, string token) =>
        index >= 0 && string.CompareOrdinal(text, index, token, 0, token.Length) == 0 && index + token.Length <= text.Length;

    /// <summary>Whether the character may continue a JavaScript identifier.</summary>
    public static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';
}
