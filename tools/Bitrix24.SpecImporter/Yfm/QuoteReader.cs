using System.Collections.Generic;

namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// Reads a block quote. The docs use quotes for the scope and permission lines under a method's title, so the
/// markers are stripped and the lines kept as they are.
/// </summary>
internal static class QuoteReader
{
    /// <summary>Adds the quote starting at <paramref name="start"/>; returns the index after it.</summary>
    public static int Read(IReadOnlyList<SourceLine> lines, int start, List<YfmBlock> blocks)
    {
        var text = new List<string>();
        var index = start;
        while (index < lines.Count && BlockStart.IsQuote(lines[index].Text))
        {
            var body = lines[index].Text.TrimStart()[1..];
            text.Add((body.StartsWith(' ') ? body[1..] : body).TrimEnd());
            index++;
        }

        blocks.Add(new YfmQuote(lines[start].Line, string.Join('\n', text).Trim()));
        return index;
    }
}
