using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// Reads <c>{% list tabs %}</c> … <c>{% endlist %}</c>. Each <c>- Title</c> item at the list's indentation
/// starts a tab; the lines up to the next item are the tab's content, dedented by the indentation of its first
/// line (the docs indent it by four spaces) and read as blocks. Content less indented than the items (a fence the
/// author forgot to indent) still belongs to the tab.
/// </summary>
internal static class TabsReader
{
    /// <summary>Adds the tabs opened at <paramref name="start"/>; returns the index after their end.</summary>
    public static int Read(BlockReader reader, IReadOnlyList<SourceLine> lines, int start, List<YfmBlock> blocks)
    {
        var end = EndFinder.Find(
            lines, start + 1, text => Directive.Is(text, "list"), text => Directive.Is(text, "endlist"));
        if (end < 0)
        {
            reader.Problems.Add(new YfmProblem(lines[start].Line, "{% list tabs %} is not closed."));
            end = lines.Count;
        }

        var items = FindItems(lines, start + 1, end);
        var tabs = ImmutableArray.CreateBuilder<YfmTab>(items.Count);
        for (var item = 0; item < items.Count; item++)
        {
            var first = items[item];
            var last = item + 1 < items.Count ? items[item + 1] : end;
            var title = lines[first].Text.TrimStart()[1..].Trim();
            var content = LineText.Slice(lines, first + 1, last);
            var indent = content.Find(line => !LineText.IsBlank(line.Text)).Text is { } text ? LineText.Indent(text) : 0;
            tabs.Add(new YfmTab(title, reader.Read(LineText.Dedent(content, indent))));
        }

        if (items.Count == 0)
        {
            reader.Problems.Add(new YfmProblem(lines[start].Line, "{% list tabs %} has no tabs."));
        }

        blocks.Add(new YfmTabs(lines[start].Line, tabs.ToImmutable()));
        return Math.Min(end + 1, lines.Count);
    }

    /// <summary>
    /// The indexes of the item lines: <c>- </c> lines outside code and nested tab lists, at the indentation of
    /// the first item.
    /// </summary>
    private static List<int> FindItems(IReadOnlyList<SourceLine> lines, int start, int end)
    {
        var items = new List<int>();
        var itemIndent = -1;
        var nested = 0;
        var tables = 0;
        Fence? fence = null;
        for (var index = start; index < end; index++)
        {
            var text = lines[index].Text;
            if (fence is not null)
            {
                fence = fence.CloseEnd(text) >= 0 ? null : fence;
                continue;
            }

            fence = Fence.TryOpen(text);
            if (fence is not null)
            {
                continue;
            }

            // Lines of nested tab lists and of tables are content, whatever they start with.
            nested += Directive.Is(text, "list") ? 1 : Directive.Is(text, "endlist") ? -1 : 0;
            tables += BlockStart.IsTableOpen(text) ? 1 : BlockStart.IsTableClose(text) && tables > 0 ? -1 : 0;
            if (nested > 0 || tables > 0 || !IsItem(text) || (itemIndent >= 0 && LineText.Indent(text) != itemIndent))
            {
                continue;
            }

            itemIndent = LineText.Indent(text);
            items.Add(index);
        }

        return items;
    }

    private static bool IsItem(string text)
    {
        var trimmed = text.TrimStart();
        return (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal))
            && trimmed.Length > 2;
    }
}
