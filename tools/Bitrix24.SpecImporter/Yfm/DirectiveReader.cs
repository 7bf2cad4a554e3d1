using System.Collections.Generic;

namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// Dispatches a directive line: notes and cuts, tab lists, and the closing directives that turn up without an
/// opening (reported and skipped). Includes and conditions never get here; they are handled on lines before.
/// </summary>
internal static class DirectiveReader
{
    /// <summary>Adds the block the directive at <paramref name="start"/> opens; returns the index after it.</summary>
    public static int Read(
        BlockReader reader, IReadOnlyList<SourceLine> lines, int start, Directive directive, List<YfmBlock> blocks)
    {
        switch (directive.Name)
        {
            case "note":
            case "cut":
                return NoteReader.Read(reader, lines, start, directive, blocks);
            case "list" when directive.Arguments.StartsWith("tabs", System.StringComparison.Ordinal):
                return TabsReader.Read(reader, lines, start, blocks);
            case "list":
                // Other list kinds (none in the docs) are read as a plain container without tabs.
                return NoteReader.ReadUntil(reader, lines, start, "list", "endlist", blocks, asNote: null);
            default:
                reader.Problems.Add(new YfmProblem(
                    lines[start].Line, $"The directive {{% {directive.Name} %}} is not expected here; skipped."));
                return start + 1;
        }
    }
}
