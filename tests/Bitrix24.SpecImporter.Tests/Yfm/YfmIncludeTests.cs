using Bitrix24.SpecImporter.Yfm;

namespace Bitrix24.SpecImporter.Tests.Yfm;

public sealed class YfmIncludeTests
{
    [Fact]
    public void ExpandsNestedIncludesRelativeToTheIncludingFileAtTheDirectiveLine()
    {
        var page = PageFiles.Read(
            ("docs/api/crm/page.md", "# Title\n\n{% include [shared](../../_inc/part.md) %}\n\nAfter"),
            ("docs/_inc/part.md", "From part\n\n{% include notitle [inner](./deep/inner.md) %}"),
            ("docs/_inc/deep/inner.md", "## Inner {#inner}"));

        Assert.Empty(page.Problems);
        Assert.Equal(
            new YfmBlock[]
            {
                new YfmHeading(1, 1, "Title", null),
                new YfmText(3, "From part"),
                new YfmHeading(3, 2, "Inner", "inner"),
                new YfmText(5, "After"),
            },
            page.Blocks);
    }

    [Fact]
    public void IndentedIncludeKeepsItsLinesInsideTheTab()
    {
        var page = PageFiles.Read(
            ("docs/page.md", "{% list tabs %}\n\n- One\n\n    {% include [x](part.md) %}\n\n{% endlist %}"),
            ("docs/part.md", "```json\n{\"a\": 1}\n```"));

        var tabs = Assert.IsType<YfmTabs>(Assert.Single(page.Blocks));
        var tab = Assert.Single(tabs.Tabs);
        Assert.Equal("One", tab.Title);
        Assert.Equal(new YfmCode(5, "json", "{\"a\": 1}"), Assert.Single(tab.Blocks));
    }

    [Fact]
    public void MissingIncludeIsAProblemAtItsLine()
    {
        var page = PageFiles.Page("Before", "", "{% include [gone](../missing.md) %}", "", "After");

        Assert.Equal(new YfmBlock[] { new YfmText(1, "Before"), new YfmText(5, "After") }, page.Blocks);
        var problem = Assert.Single(page.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("missing.md", problem.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void CycleIsAProblemNotARecursion()
    {
        var page = PageFiles.Read(
            ("a.md", "A\n\n{% include [b](b.md) %}"),
            ("b.md", "B\n\n{% include [a](./a.md) %}"));

        Assert.Equal(new YfmBlock[] { new YfmText(1, "A"), new YfmText(3, "B") }, page.Blocks);
        var problem = Assert.Single(page.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("cycle", problem.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void DeepIncludeChainStopsAtTheLimit()
    {
        var files = new (string, string)[13];
        files[0] = ("p.md", "{% include [x](f1.md) %}");
        for (var index = 1; index < files.Length; index++)
        {
            files[index] = ($"f{index}.md", $"L{index}\n\n{{% include [x](f{index + 1}.md) %}}");
        }

        var page = PageFiles.Read(files);

        Assert.Equal(IncludeExpander.MaxDepth, page.Blocks.Length);
        Assert.Contains(page.Problems, problem => problem.Message.Contains("deeper", System.StringComparison.Ordinal));
    }

    [Fact]
    public void ConditionalSectionsAreDropped()
    {
        var page = PageFiles.Page(
            "Kept", "", "{% if build == 'dev' %}", "", "Draft", "{% include [x](nowhere.md) %}", "", "{% endif %}", "", "Also kept");

        Assert.Empty(page.Problems);
        Assert.Equal(new YfmBlock[] { new YfmText(1, "Kept"), new YfmText(10, "Also kept") }, page.Blocks);
    }

    [Fact]
    public void FrontMatterIsSkipped()
    {
        var page = PageFiles.Page("---", "title: x", "---", "", "# Head");

        Assert.Equal(new YfmBlock[] { new YfmHeading(5, 1, "Head", null) }, page.Blocks);
    }

    [Fact]
    public void MissingPageIsAProblem()
    {
        var page = YfmReader.Read("none.md", _ => null);

        Assert.Empty(page.Blocks);
        Assert.Single(page.Problems);
    }

    [Theory]
    [InlineData("a/b/c.md", "../d.md", "a/d.md")]
    [InlineData("a/b/c.md", "./x/../y.md", "a/b/y.md")]
    [InlineData("c.md", "../d.md", "../d.md")]
    [InlineData("/r/a/c.md", "../../../d.md", "/d.md")]
    [InlineData(@"a\b\c.md", "d.md#part", "a/b/d.md")]
    public void ResolvesAndNormalizesPaths(string from, string target, string expected) =>
        Assert.Equal(expected, YfmPath.Resolve(from, target));
}
