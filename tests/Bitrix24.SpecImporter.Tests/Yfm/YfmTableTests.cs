using System.Linq;
using Bitrix24.SpecImporter.Yfm;

namespace Bitrix24.SpecImporter.Tests.Yfm;

public sealed class YfmTableTests
{
    [Fact]
    public void ReadsRowsAndMultiLineCells()
    {
        var page = PageFiles.Page(
            "#|",
            "|| **Name**",
            "`type` | **Description** ||",
            "|| **ACTIVE***",
            "[`char`](../types.md) | Whether it is on:",
            "- `Y` — yes",
            "- `N` — no",
            "",
            "Default `Y` ||",
            "|| **CODE** | Marker |> ||",
            "|#");

        Assert.Empty(page.Problems);
        var table = Assert.IsType<YfmTable>(Assert.Single(page.Blocks));
        Assert.Equal(1, table.Line);
        Assert.Equal(new[] { 2, 4, 10 }, table.Rows.Select(row => row.Line));
        Assert.Equal(new[] { "**Name**\n`type`", "**Description**" }, table.Rows[0].Cells.Select(cell => cell.Text));
        var description = table.Rows[1].Cells[1];
        Assert.Equal("Whether it is on:\n- `Y` — yes\n- `N` — no\n\nDefault `Y`", description.Text);
        Assert.Equal(
            new YfmBlock[] { new YfmText(5, "Whether it is on:\n- `Y` — yes\n- `N` — no"), new YfmText(9, "Default `Y`") },
            description.Blocks);
        Assert.Equal(new[] { "**CODE**", "Marker", ">" }, table.Rows[2].Cells.Select(cell => cell.Text));
    }

    [Fact]
    public void CodeInACellKeepsItsBars()
    {
        var page = PageFiles.Page(
            "#|",
            "|| **filter** | Format:",
            "",
            "```js",
            "{ a: 1 || b: 2 | 3 }",
            "``` ||",
            "|| **logic** | ```x | y``` or `a\\|b` ||",
            "|#");

        Assert.Empty(page.Problems);
        var table = Assert.IsType<YfmTable>(Assert.Single(page.Blocks));
        Assert.Equal(2, table.Rows.Length);
        var cell = table.Rows[0].Cells[1];
        Assert.Equal("Format:\n\n```js\n{ a: 1 || b: 2 | 3 }\n```", cell.Text);
        Assert.Equal(new YfmBlock[] { new YfmText(2, "Format:"), new YfmCode(4, "js", "{ a: 1 || b: 2 | 3 }") }, cell.Blocks);
        Assert.Equal(new[] { "**logic**", "```x | y``` or `a\\|b`" }, table.Rows[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void ReadsNestedTables()
    {
        var page = PageFiles.Page(
            "#|",
            "|| **STATUS** | Values:",
            "",
            "#|",
            "|| CODE | Name ||",
            "|| NEW | New ||",
            "|#",
            "",
            "See also ||",
            "|#");

        Assert.Empty(page.Problems);
        var table = Assert.IsType<YfmTable>(Assert.Single(page.Blocks));
        var row = Assert.Single(table.Rows);
        var blocks = row.Cells[1].Blocks;
        Assert.Equal(3, blocks.Length);
        var inner = Assert.IsType<YfmTable>(blocks[1]);
        Assert.Equal(4, inner.Line);
        Assert.Equal(new[] { "NEW", "New" }, inner.Rows[1].Cells.Select(cell => cell.Text));
        Assert.Equal(new YfmText(9, "See also"), blocks[2]);
    }

    [Fact]
    public void IndentedTableInATabIsDedented()
    {
        var page = PageFiles.Page("{% list tabs %}", "", "- Methods", "", "    #|", "    || a | b ||", "    |#", "", "{% endlist %}");

        var tabs = Assert.IsType<YfmTabs>(Assert.Single(page.Blocks));
        var table = Assert.IsType<YfmTable>(Assert.Single(Assert.Single(tabs.Tabs).Blocks));
        Assert.Equal(new[] { "a", "b" }, Assert.Single(table.Rows).Cells.Select(cell => cell.Text));
    }

    [Fact]
    public void EmptyRowBeforeARowStartIsDropped()
    {
        var page = PageFiles.Page("#|", "|| a | b || ||", "|| c | d ||", "|#");

        var table = Assert.IsType<YfmTable>(Assert.Single(page.Blocks));
        Assert.Empty(page.Problems);
        Assert.Equal(new[] { "a|b", "c|d" }, table.Rows.Select(row => string.Join("|", row.Cells.Select(cell => cell.Text))));
    }

    [Fact]
    public void UnclosedTableAndRowAreClosedAtTheEnd()
    {
        var page = PageFiles.Page("Intro", "", "#|", "|| a | b ||", "|| c | d");

        var table = Assert.IsType<YfmTable>(page.Blocks[1]);
        Assert.Equal(new[] { "c", "d" }, table.Rows[1].Cells.Select(cell => cell.Text));
        Assert.Equal(new[] { 3, 5 }, page.Problems.Select(problem => problem.Line).OrderBy(line => line));
    }
}
