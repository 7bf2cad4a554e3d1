using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// Reads a YFM table: finds its closing <c>|#</c> (past nested tables and code), splits the body into rows and
/// cells with <see cref="TableScanner"/>, and reads each cell's lines as blocks.
/// </summary>
internal static class TableReader
{
    /// <summary>Adds the table opened at <paramref name="start"/>; returns the index after its end.</summary>
    public static int Read(BlockReader reader, IReadOnlyList<SourceLine> lines, int start, List<YfmBlock> blocks)
    {
        var end = EndFinder.Find(lines, start + 1, BlockStart.IsTableOpen, BlockStart.IsTableClose);
        if (end < 0)
        {
            reader.Problems.Add(new YfmProblem(lines[start].Line, "A table (#|) is not closed."));
            end = lines.Count;
        }

        // A table inside a tab or list item is indented with its #|; its cells are read without that indentation.
        var body = LineText.Dedent(LineText.Slice(lines, start + 1, end), LineText.Indent(lines[start].Text));
        var rows = TableScanner.Scan(body, reader.Problems);
        var table = rows.Select(row => new YfmRow(row.Line, [.. row.Cells.Select(cell => ToCell(reader, cell))]));
        blocks.Add(new YfmTable(lines[start].Line, [.. table]));
        return Math.Min(end + 1, lines.Count);
    }

    private static YfmCell ToCell(BlockReader reader, List<SourceLine> cell)
    {
        var text = string.Join('\n', cell.Select(line => line.Text.TrimEnd())).Trim();
        // The first line starts right after the bar; its leading space is the separator's, not indentation.
        var lines = new List<SourceLine>(cell);
        if (lines.Count > 0)
        {
            lines[0] = lines[0] with { Text = lines[0].Text.TrimStart() };
        }

        var blocks = reader.Read(lines);
        return new YfmCell(text, blocks);
    }
}
