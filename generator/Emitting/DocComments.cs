using System.Collections.Generic;
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
        foreach (var character in text)
        {
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
                    builder.Append(character);
                    break;
            }
        }

        if (inCode)
        {
            builder.Append("</c>");
        }

        return builder.ToString().Trim();
    }

    /// <summary>Escapes a value shown verbatim, e.g. a wire name, inside <c>&lt;c&gt;</c>.</summary>
    public static string Code(string value) => "<c>" + Escape(value.Replace("`", "'")) + "</c>";

    /// <summary>Escapes a value for a double-quoted XML attribute, e.g. a URL in <c>href</c>.</summary>
    public static string Attribute(string value) =>
        value.Replace("&", "&amp;").Replace("\"", "&quot;").Replace("<", "&lt;").Replace(">", "&gt;");

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
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (character < ' ' || character is '\u0085' or '\u2028' or '\u2029')
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
}

