using System.Collections.Generic;
using System.Text;

namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// Splits a table body into rows and cells. <c>||</c> opens and closes a row, <c>|</c> separates cells,
/// <c>\|</c> is a literal bar. A row may span many lines. Fenced code and nested tables inside a cell are copied
/// whole, because their <c>|</c> and <c>||</c> are content; a fence may close on a line that goes on with the
/// row's <c>||</c>. Markers such as <c>|&gt;</c> stay in the cell text. One pass over the characters.
/// </summary>
internal sealed class TableScanner
{
    private readonly List<ScannedRow> rows = [];
    private ScannedRow? row;
    private List<SourceLine>? cell;
    private readonly StringBuilder segment = new();
    private int segmentLine;
    private Fence? fence;
    private int nestedTables;

    /// <summary>One row: the line of its opening <c>||</c> and its cells' lines.</summary>
    public sealed record ScannedRow(int Line, List<List<SourceLine>> Cells);

    /// <summary>Scans the lines between <c>#|</c> and <c>|#</c>.</summary>
    public static List<ScannedRow> Scan(IReadOnlyList<SourceLine> body, List<YfmProblem> problems)
    {
        var scanner = new TableScanner();
        foreach (var line in body)
        {
            scanner.ScanLine(line);
        }

        if (scanner.row is not null)
        {
            problems.Add(new YfmProblem(scanner.row.Line, "A table row (||) is not closed."));
            scanner.EndRow();
        }

        return scanner.rows;
    }

    private void ScanLine(SourceLine line)
    {
        var text = line.Text;
        StartSegment(line.Line);
        if (fence is not null)
        {
            var close = fence.CloseEnd(text);
            if (close < 0)
            {
                segment.Append(text);
                return;
            }

            fence = null;
            segment.Append(text, 0, close);
            ScanMarkup(text, close, line.Line);
            return;
        }

        if (row is not null && Fence.TryOpen(text) is { } opened)
        {
            fence = opened;
            segment.Append(text);
            return;
        }

        if (BlockStart.IsTableOpen(text) || nestedTables > 0)
        {
            nestedTables += BlockStart.IsTableOpen(text) ? 1 : BlockStart.IsTableClose(text) ? -1 : 0;
            segment.Append(text);
            return;
        }

        ScanMarkup(text, 0, line.Line);
    }

    private void ScanMarkup(string text, int start, int line)
    {
        var index = start;
        while (index < text.Length)
        {
            var c = text[index];
            if (c == '\\' && index + 1 < text.Length)
            {
                segment.Append(c).Append(text[index + 1]);
                index += 2;
            }
            else if (c == '`')
            {
                index = CopyCodeSpan(text, index);
            }
            else if (c == '|' && index + 1 < text.Length && text[index + 1] == '|')
            {
                if (row is null || IsEmptyRowBeforeLineStart(text, index))
                {
                    // A row opener; also a || at the start of a line after a row that has nothing yet, where the
                    // author wrote "|| ||" to close a row and the next line opens the real one.
                    row = new ScannedRow(line, []);
                    cell = [];
                    segment.Clear();
                    segmentLine = line;
                }
                else
                {
                    EndRow();
                }

                index += 2;
            }
            else if (c == '|' && row is not null)
            {
                EndCell();
                cell = [];
                segment.Clear();
                segmentLine = line;
                index++;
            }
            else
            {
                // Text between rows (only whitespace in practice) belongs to no cell.
                if (row is not null)
                {
                    segment.Append(c);
                }

                index++;
            }
        }
    }

    /// <summary>
    /// Copies a code span (a backtick run, its text, the same run closing it on the same line) whole: the docs
    /// write <c>```string | null```</c> in cells, where the bar is content. An unmatched run is copied as is.
    /// </summary>
    private int CopyCodeSpan(string text, int start)
    {
        var run = start;
        while (run < text.Length && text[run] == '`')
        {
            run++;
        }

        var length = run - start;
        var search = run;
        while (search < text.Length)
        {
            var close = text.IndexOf('`', search);
            if (close < 0)
            {
                break;
            }

            var closeEnd = close;
            while (closeEnd < text.Length && text[closeEnd] == '`')
            {
                closeEnd++;
            }

            if (closeEnd - close == length)
            {
                AppendToCell(text, start, closeEnd - start);
                return closeEnd;
            }

            search = closeEnd;
        }

        AppendToCell(text, start, length);
        return run;
    }

    private void AppendToCell(string text, int start, int count)
    {
        if (row is not null)
        {
            segment.Append(text, start, count);
        }
    }

    /// <summary>Whether <c>||</c> at <paramref name="index"/> starts its line and the open row holds only whitespace.</summary>
    private bool IsEmptyRowBeforeLineStart(string text, int index)
    {
        if (row is null || row.Cells.Count > 0 || cell is null || !LineText.IsBlank(text[..index]))
        {
            return false;
        }

        return LineText.IsBlank(segment.ToString()) && cell.TrueForAll(line => LineText.IsBlank(line.Text));
    }

    /// <summary>A new physical line: the cell's previous line is complete.</summary>
    private void StartSegment(int line)
    {
        if (cell is not null && row is not null)
        {
            cell.Add(new SourceLine(segment.ToString(), segmentLine));
        }

        segment.Clear();
        segmentLine = line;
    }

    private void EndCell()
    {
        if (cell is null || row is null)
        {
            return;
        }

        cell.Add(new SourceLine(segment.ToString(), segmentLine));
        row.Cells.Add(cell);
        cell = null;
    }

    private void EndRow()
    {
        EndCell();
        if (row is not null)
        {
            rows.Add(row);
        }

        row = null;
        cell = null;
        segment.Clear();
    }
}
