using System.Collections.Generic;

namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// Indentation helpers. Content of tabs, notes and list items is indented; the readers strip that indentation so
/// the inner text reads like top-level text. A tab counts to the next multiple of four columns, as Markdown does.
/// </summary>
internal static class LineText
{
    /// <summary>Whether the line holds only whitespace.</summary>
    public static bool IsBlank(string text) => string.IsNullOrWhiteSpace(text);

    /// <summary>The line's indentation in columns.</summary>
    public static int Indent(string text)
    {
        var column = 0;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                column++;
            }
            else if (c == '\t')
            {
                column += 4 - (column % 4);
            }
            else
            {
                break;
            }
        }

        return column;
    }

    /// <summary>
    /// Removes up to <paramref name="columns"/> columns of leading whitespace; a tab that would cross the limit
    /// stays, so Go code indented with tabs inside an indented fence keeps its own tabs.
    /// </summary>
    public static string Dedent(string text, int columns)
    {
        if (columns <= 0)
        {
            return text;
        }

        var column = 0;
        var index = 0;
        while (index < text.Length && column < columns)
        {
            var c = text[index];
            var width = c switch
            {
                ' ' => 1,
                '\t' => 4 - (column % 4),
                _ => -1,
            };
            if (width < 0 || column + width > columns)
            {
                break;
            }

            column += width;
            index++;
        }

        return text[index..];
    }

    /// <summary>Dedents every line by the same amount, keeping line numbers.</summary>
    public static List<SourceLine> Dedent(IEnumerable<SourceLine> lines, int columns)
    {
        var result = new List<SourceLine>();
        foreach (var line in lines)
        {
            result.Add(line with { Text = Dedent(line.Text, columns) });
        }

        return result;
    }

    /// <summary>The lines from <paramref name="start"/> up to, not including, <paramref name="end"/>.</summary>
    public static List<SourceLine> Slice(IReadOnlyList<SourceLine> lines, int start, int end)
    {
        var slice = new List<SourceLine>(System.Math.Max(0, end - start));
        for (var index = start; index < end; index++)
        {
            slice.Add(lines[index]);
        }

        return slice;
    }
}
