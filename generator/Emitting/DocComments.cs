using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>Turns spec descriptions (plain text with <c>`code`</c> spans) into XML documentation text.</summary>
internal static class DocComments
{
    /// <summary>Escapes XML and turns <c>`code`</c> into <c>&lt;c&gt;code&lt;/c&gt;</c>.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text!.Length + 16);
        var inCode = false;
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            switch (character)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '`':
                    builder.Append(inCode ? "</c>" : "<c>");
                    inCode = !inCode;
                    break;
                case '\r':
                    break;
                case '\u0085':
                case '\u2028':
                case '\u2029':
                    // C# ends a line at these; inside a /// comment they would end it.
                    builder.Append('\n');
                    break;
                default:
                    builder.Append(IsXmlText(text, i) ? character : '\ufffd');
                    break;
            }
        }

        if (inCode)
        {
            builder.Append("</c>");
        }

        return builder.ToString().Trim();
    }

    /// <summary>
    /// Escaped text, or when it has nothing to show (null, blank) the escaped <paramref name="fallback"/> as code, so that
    /// a tag that must be there (a parameter's) is not left out.
    /// </summary>
    public static string Text(string? text, string fallback)
    {
        var escaped = Escape(text);
        return escaped.Length > 0 ? escaped : Code(fallback);
    }

    /// <summary>Escapes a value shown verbatim, e.g. a wire name, inside <c>&lt;c&gt;</c>.</summary>
    public static string Code(string value) => "<c>" + Escape(value.Replace("`", "'")) + "</c>";

    /// <summary>Escapes a value for a double-quoted XML attribute, e.g. a URL in <c>href</c>.</summary>
    public static string Attribute(string value) =>
        Escape(value.Replace("`", "'")).Replace("\n", " ").Replace("\"", "&quot;");

    /// <summary>Splits escaped text into lines of about <paramref name="width"/> characters, keeping its own line breaks.</summary>
    public static IReadOnlyList<string> Wrap(string escaped, int width)
    {
        var lines = new List<string>();
        foreach (var paragraph in escaped.Split('\n'))
        {
            var current = new StringBuilder();
            foreach (var word in paragraph.Split(' '))
            {
                if (word.Length == 0)
                {
                    continue;
                }

                if (current.Length > 0 && current.Length + 1 + word.Length > width)
                {
                    lines.Add(current.ToString());
                    current.Clear();
                }

                if (current.Length > 0)
                {
                    current.Append(' ');
                }

                current.Append(word);
            }

            if (current.Length > 0)
            {
                lines.Add(current.ToString());
            }
        }

        return lines;
    }

    /// <summary>Escaped lines as separate paragraphs, so tooltips keep them apart; a single line stays plain.</summary>
    public static string Paragraphs(IReadOnlyList<string> lines) =>
        lines.Count == 1 ? lines[0] : string.Join("\n", System.Linq.Enumerable.Select(lines, line => "<para>" + line + "</para>"));

    /// <summary>A C# string literal for any text.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var character = value[i];
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
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    // Line ends, invisible characters and lone halves of surrogate pairs are spelled out.
                    if (character < ' ' || char.IsSurrogate(character) && !IsPair(value, i) || char.GetUnicodeCategory(character)
                        is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                        or UnicodeCategory.OtherNotAssigned)
                    {
                        builder.Append("\\u").Append(((int)character).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(character);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    // Whether the character at i may stand in XML text: XML 1.0 takes neither control characters (but tab and line
    // ends), nor U+FFFE and U+FFFF, nor half a surrogate pair.
    private static bool IsXmlText(string text, int i)
    {
        var c = text[i];
        return c == '\t' || c == '\n' || (c >= ' ' && c < '\ud800') || (c > '\udfff' && c < '\ufffe') || (char.IsSurrogate(c) && IsPair(text, i));
    }

    // Whether the surrogate at i is half of a whole pair.
    private static bool IsPair(string text, int i) =>
        char.IsHighSurrogate(text[i]) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) : i > 0 && char.IsHighSurrogate(text[i - 1]);
}
