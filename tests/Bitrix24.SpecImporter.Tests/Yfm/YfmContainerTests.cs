using System.Linq;
using Bitrix24.SpecImporter.Yfm;

namespace Bitrix24.SpecImporter.Tests.Yfm;

public sealed class YfmContainerTests
{
    [Fact]
    public void ReadsTabsWithIndentedCode()
    {
        var page = PageFiles.Page(
            "{% list tabs %}",
            "",
            "- cURL (Webhook)",
            "",
            "    ```bash",
            "    curl -d '{}' \\",
            "      https://x/rest/a.b",
            "    ```",
            "",
            "- JS",
            "",
            "    Intro",
            "",
            "    - a list item",
            "",
            "    {% note warning %}",
            "",
            "    Careful",
            "",
            "    {% endnote %}",
            "",
            "{% endlist %}",
            "",
            "After");

        Assert.Empty(page.Problems);
        Assert.Equal(2, page.Blocks.Length);
        var tabs = Assert.IsType<YfmTabs>(page.Blocks[0]);
        Assert.Equal(1, tabs.Line);
        Assert.Equal(new[] { "cURL (Webhook)", "JS" }, tabs.Tabs.Select(tab => tab.Title));
        Assert.Equal(new YfmCode(5, "bash", "curl -d '{}' \\\n  https://x/rest/a.b"), Assert.Single(tabs.Tabs[0].Blocks));
        var js = tabs.Tabs[1].Blocks;
        Assert.Equal(new YfmText(12, "Intro"), js[0]);
        Assert.Equal(new YfmText(14, "- a list item"), js[1]);
        var note = Assert.IsType<YfmNote>(js[2]);
        Assert.Equal(("warning", (string?)null, 16), (note.Kind, note.Title, note.Line));
        Assert.Equal(new YfmBlock[] { new YfmText(18, "Careful") }, note.Blocks);
        Assert.Equal(new YfmText(24, "After"), page.Blocks[1]);
    }

    [Fact]
    public void NestedTabsStayInTheirTab()
    {
        var page = PageFiles.Page(
            "{% list tabs %}",
            "- Outer",
            "    {% list tabs %}",
            "    - Inner A",
            "        a",
            "    - Inner B",
            "        b",
            "    {% endlist %}",
            "- Second",
            "    c",
            "{% endlist %}");

        var tabs = Assert.IsType<YfmTabs>(Assert.Single(page.Blocks));
        Assert.Equal(new[] { "Outer", "Second" }, tabs.Tabs.Select(tab => tab.Title));
        var inner = Assert.IsType<YfmTabs>(Assert.Single(tabs.Tabs[0].Blocks));
        Assert.Equal(new[] { "Inner A", "Inner B" }, inner.Tabs.Select(tab => tab.Title));
        Assert.Equal(new YfmText(7, "b"), Assert.Single(inner.Tabs[1].Blocks));
    }

    [Fact]
    public void UnclosedTabsAreClosedAtTheEnd()
    {
        var page = PageFiles.Page("{% list tabs %}", "- Only", "    text");

        var tabs = Assert.IsType<YfmTabs>(Assert.Single(page.Blocks));
        Assert.Equal(new YfmText(3, "text"), Assert.Single(Assert.Single(tabs.Tabs).Blocks));
        Assert.Equal(1, Assert.Single(page.Problems).Line);
    }

    [Theory]
    [InlineData("{% note warning \"DEPRECATED\" %}", "warning", "DEPRECATED")]
    [InlineData("{% note tip \"\" %}", "tip", null)]
    [InlineData("{% note %}", "info", null)]
    [InlineData("{% note alert %}", "alert", null)]
    [InlineData("{% cut \"Example request\" %}", "cut", "Example request")]
    public void ReadsNoteKindsAndTitles(string open, string kind, string? title)
    {
        var close = open.Contains("cut", System.StringComparison.Ordinal) ? "{% endcut %}" : "{% endnote %}";
        var page = PageFiles.Page(open, "", "Body", "", close);

        Assert.Empty(page.Problems);
        var note = Assert.IsType<YfmNote>(Assert.Single(page.Blocks));
        Assert.Equal((kind, title), (note.Kind, note.Title));
        Assert.Equal(new YfmBlock[] { new YfmText(3, "Body") }, note.Blocks);
    }

    [Fact]
    public void NotesNestAndHoldTables()
    {
        var page = PageFiles.Page(
            "{% cut \"More\" %}",
            "{% note info %}",
            "#|",
            "|| a | b ||",
            "|#",
            "{% endnote %}",
            "{% endcut %}");

        var cut = Assert.IsType<YfmNote>(Assert.Single(page.Blocks));
        var note = Assert.IsType<YfmNote>(Assert.Single(cut.Blocks));
        Assert.Equal(3, Assert.IsType<YfmTable>(Assert.Single(note.Blocks)).Line);
    }

    [Fact]
    public void UnclosedNoteIsClosedAtTheEnd()
    {
        var page = PageFiles.Page("{% note tip \"T\" %}", "Body");

        var note = Assert.IsType<YfmNote>(Assert.Single(page.Blocks));
        Assert.Equal(new YfmBlock[] { new YfmText(2, "Body") }, note.Blocks);
        Assert.Equal(1, Assert.Single(page.Problems).Line);
    }
}
