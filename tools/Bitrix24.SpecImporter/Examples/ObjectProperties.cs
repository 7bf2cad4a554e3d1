using System;
using System.Collections.Generic;

namespace Bitrix24.SpecImporter.Examples;

/// <summary>
/// Splits an object literal's top level into property names and value source texts, so one property can be
/// converted while its siblings (a <c>requestId</c> computed by a call) are ignored.
/// </summary>
internal static class ObjectProperties
{
    /// <summary>
    /// The properties of the literal spanning <paramref name="start"/> (its <c>{</c>) to <paramref name="end"/>
    /// (after its <c>}</c>); shorthand properties and spreads are skipped.
    /// </summary>
    public static Dictionary<string, string> Split(string js, int start, int end)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = start + 1;
        var close = end - 1;
        while (index < close)
        {
            index = JsScanner.SkipTrivia(js, index);
            var keyEnd = ReadKey(js, index, close, out var key);
            var colon = JsScanner.SkipTrivia(js, keyEnd);
            var valueEnd = ValueEnd(js, colon < close && js[colon] == ':' ? colon + 1 : colon, close);
            if (key is not null && colon < close && js[colon] == ':')
            {
                properties.TryAdd(key, js[(colon + 1)..valueEnd].Trim());
            }

            index = valueEnd + 1;
        }

        return properties;
    }

    private static int ReadKey(string js, int index, int close, out string? key)
    {
        key = null;
        if (index < close && JsScanner.IsQuote(js[index]))
        {
            var end = JsScanner.SkipString(js, index);
            if (end > 0)
            {
                key = js[(index + 1)..(end - 1)];
                return end;
            }

            return close;
        }

        var position = index;
        while (position < close && JsScanner.IsIdentifierPart(js[position]))
        {
            position++;
        }

        key = position > index ? js[index..position] : null;
        return position;
    }

    /// <summary>The index of the comma ending the value that starts at <paramref name="index"/>, or of the closing brace.</summary>
    private static int ValueEnd(string js, int index, int close)
    {
        var position = index;
        while (position < close)
        {
            var c = js[position];
            if (c == ',')
            {
                return position;
            }

            if (JsScanner.IsQuote(c))
            {
                var end = JsScanner.SkipString(js, position);
                position = end < 0 ? close : end;
            }
            else if (c is '{' or '[' or '(')
            {
                var end = JsScanner.SkipBracketed(js, position);
                position = end < 0 ? close : end;
            }
            else if (JsScanner.At(js, position, "//") || JsScanner.At(js, position, "/*"))
            {
                position = JsScanner.SkipTrivia(js, position);
            }
            else
            {
                position++;
            }
        }

        return close;
    }
}
