using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// Reads lines into blocks. Containers (tables, tabs, notes) hand their inner lines back to this reader, so a
/// cell or a tab reads like a page. Each construct has its own reader; this class only dispatches on the first
/// line of a block and collects problems.
/// </summary>
internal sealed class BlockReader
{
    /// <summary>
    /// How deep containers may nest before the rest is kept as text: deep enough for any real page, shallow
    /// enough that a hostile input cannot exhaust the stack.
    /// </summary>
    private const int MaxNesting = 32;

    private int nesting;

    /// <summary>Creates a reader that reports into <paramref name="problems"/>.</summary>
    public BlockReader(List<YfmProblem> problems) => Problems = problems;

    /// <summary>Where the readers report what they could not read.</summary>
    public List<YfmProblem> Problems { get; }

    /// <summary>Reads the lines as a sequence of blocks.</summary>
    public ImmutableArray<YfmBlock> Read(IReadOnlyList<SourceLine> lines)
    {
        if (nesting >= MaxNesting)
        {
            var first = lines.FirstOrDefault(line => !LineText.IsBlank(line.Text));
            Problems.Add(new YfmProblem(first.Line, $"Blocks nest deeper than {MaxNesting}; kept as text."));
            var text = string.Join('\n', lines.Select(line => line.Text.TrimEnd())).Trim();
            return text.Length == 0 ? [] : [new YfmText(first.Line, text)];
        }

        nesting++;
        try
        {
            var blocks = new List<YfmBlock>();
            var index = 0;
            while (index < lines.Count)
            {
                index = ReadBlock(lines, index, blocks);
            }

            return [.. blocks];
        }
        finally
        {
            nesting--;
        }
    }

    /// <summary>Reads the block at <paramref name="index"/> and returns the index after it.</summary>
    private int ReadBlock(IReadOnlyList<SourceLine> lines, int index, List<YfmBlock> blocks)
    {
        var line = lines[index];
        if (LineText.IsBlank(line.Text))
        {
            return index + 1;
        }

        if (Fence.TryOpen(line.Text) is { } fence)
        {
            return FenceReader.Read(this, lines, index, fence, blocks);
        }

        if (BlockStart.IsTableOpen(line.Text))
        {
            return TableReader.Read(this, lines, index, blocks);
        }

        if (Directive.TryParse(line.Text) is { } directive)
        {
            return DirectiveReader.Read(this, lines, index, directive, blocks);
        }

        var heading = BlockStart.HeadingPattern().Match(line.Text);
        if (heading.Success)
        {
            blocks.Add(HeadingText.Parse(line.Line, heading.Groups["marks"].Length, heading.Groups["text"].Value));
            return index + 1;
        }

        return BlockStart.IsQuote(line.Text)
            ? QuoteReader.Read(lines, index, blocks)
            : ProseReader.Read(lines, index, blocks);
    }
}
