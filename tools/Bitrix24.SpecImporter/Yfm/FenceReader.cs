using System.Collections.Generic;

namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// Reads a fenced code block. Code inside a tab or list item is indented with its fence; the text is dedented by
/// the fence's own indentation so a JSON example reads as written at the top level.
/// </summary>
internal static class FenceReader
{
    /// <summary>Adds the code block opened at <paramref name="start"/>; returns the index after its end.</summary>
    public static int Read(BlockReader reader, IReadOnlyList<SourceLine> lines, int start, Fence fence, List<YfmBlock> blocks)
    {
        var body = new List<string>();
        var index = start + 1;
        while (index < lines.Count && fence.CloseEnd(lines[index].Text) < 0)
        {
            body.Add(LineText.Dedent(lines[index].Text, fence.Indent));
            index++;
        }

        if (index >= lines.Count)
        {
            reader.Problems.Add(new YfmProblem(lines[start].Line, "A code block is not closed."));
        }

        blocks.Add(new YfmCode(lines[start].Line, fence.Info?.Split(' ', '\t')[0], string.Join('\n', body)));
        return index + 1;
    }
}
