using System.Collections.Generic;

namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// Reads prose: consecutive lines up to a blank line or the start of another block. Lists stay part of the
/// text with their indentation, since the mapper reads values such as <c>- `Y` — yes</c> from them.
/// </summary>
internal static class ProseReader
{
    /// <summary>Adds the text block starting at <paramref name="start"/>; returns the index after it.</summary>
    public static int Read(IReadOnlyList<SourceLine> lines, int start, List<YfmBlock> blocks)
    {
        var text = new List<string> { lines[start].Text.TrimEnd() };
        var index = start + 1;
        while (index < lines.Count && !LineText.IsBlank(lines[index].Text) && !BlockStart.IsAny(lines[index].Text))
        {
            text.Add(lines[index].Text.TrimEnd());
            index++;
        }

        blocks.Add(new YfmText(lines[start].Line, string.Join('\n', text)));
        return index;
    }
}
