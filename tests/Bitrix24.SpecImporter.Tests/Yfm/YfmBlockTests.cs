using System.Linq;
using System.Text;
using Bitrix24.SpecImporter.Yfm;

namespace Bitrix24.SpecImporter.Tests.Yfm;

public sealed class YfmBlockTests
{
    [Fact]
    public void ReadsHeadingsWithAndWithoutAnchors()
    {
        var page = PageFiles.Page("# Add a thing thing.add", "", "### Parameter fields {#fields}  ", "###### Six ##", "#nospace");

        Assert.Equal(
            new YfmBlock[]
            {
                new YfmHeading(1, 1, "Add a thing thing.add", null),
                new YfmHeading(3, 3, "Parameter fields", "fields"),
                new YfmHeading(4, 6, "Six", null),
                new YfmText(5, "#nospace"),
            },
            page.Blocks);
    }

    [Fact]
    public void GroupsProseByBlankLinesAndKeepsListIndentation()
    {
        var page = PageFiles.Page("First line  ", "second line", "", "- item", "  - nested", "", "HTTP Status: **200**");

        Assert.Equal(
            new YfmBlock[]
            {
                new YfmText(1, "First line\nsecond line"),
                new YfmText(4, "- item\n  - nested"),
                new YfmText(7, "HTTP Status: **200**"),
            },
            page.Blocks);
    }

    [Fact]
    public void ReadsQuotesWithoutMarkers()
    {
        var page = PageFiles.Page("> Scope: [`crm`](../scopes.md)", "> ", "> Who may call: admins", "Text");

        Assert.Equal(
            new YfmBlock[]
            {
                new YfmQuote(1, "Scope: [`crm`](../scopes.md)\n\nWho may call: admins"),
                new YfmText(4, "Text"),
            },
            page.Blocks);
    }

    [Fact]
    public void ReadsFencesWithInfoAndDedentsIndentedOnes()
    {
        var page = PageFiles.Page("```json", "{\"a\": 1}", "```", "", "1. Step", "", "    ~~~", "    x = 1", "      y", "    ~~~");

        Assert.Equal(
            new YfmBlock[]
            {
                new YfmCode(1, "json", "{\"a\": 1}"),
                new YfmText(5, "1. Step"),
                new YfmCode(7, null, "x = 1\n  y"),
            },
            page.Blocks);
    }

    [Fact]
    public void FenceEndsAParagraphAndHidesDirectives()
    {
        var page = PageFiles.Page("Example:", "```", "{% endnote %}", "|#", "```");

        Assert.Empty(page.Problems);
        Assert.Equal(new YfmBlock[] { new YfmText(1, "Example:"), new YfmCode(2, null, "{% endnote %}\n|#") }, page.Blocks);
    }

    [Fact]
    public void UnclosedFenceRunsToTheEndAndIsReported()
    {
        var page = PageFiles.Page("Text", "", "```bash", "curl x");

        Assert.Equal(new YfmBlock[] { new YfmText(1, "Text"), new YfmCode(3, "bash", "curl x") }, page.Blocks);
        Assert.Equal(3, Assert.Single(page.Problems).Line);
    }

    [Fact]
    public void StrayClosingDirectiveIsReportedAndSkipped()
    {
        var page = PageFiles.Page("A", "{% endnote %}", "B");

        Assert.Equal(new YfmBlock[] { new YfmText(1, "A"), new YfmText(3, "B") }, page.Blocks);
        Assert.Equal(2, Assert.Single(page.Problems).Line);
    }

    [Fact]
    public void ReadsALongPageQuickly()
    {
        var text = new StringBuilder();
        for (var index = 0; index < 1000; index++)
        {
            text.Append("## H\n\n#|\n|| **a** | b ||\n|#\n");
        }

        text.Append("#|\n|| open\n{% note %}\n```\n");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var page = PageFiles.Read(("p.md", text.ToString()));

        Assert.True(watch.ElapsedMilliseconds < 2000, $"took {watch.ElapsedMilliseconds} ms");
        Assert.Equal(2001, page.Blocks.Length);
        Assert.NotEmpty(page.Problems);
    }

    [Fact]
    public void NeverThrowsOnUnbalancedInput()
    {
        var pieces = new[] { "#|", "|#", "||", "|", "```", "~~~", "{% note %}", "{% endnote %}", "{% list tabs %}", "- T", "{% endlist %}", "{% cut \"x\" %}", "> q", "# h", "", "    ```" };
        var random = new System.Random(7);
        for (var run = 0; run < 200; run++)
        {
            var lines = Enumerable.Range(0, 40).Select(_ => pieces[random.Next(pieces.Length)]).ToArray();
            var page = PageFiles.Page(lines);
            Assert.NotNull(page);
        }
    }

    [Fact]
    public void DeepNestingIsCutOffWithAProblem()
    {
        var lines = Enumerable.Repeat("{% note %}", 100).Append("x").Concat(Enumerable.Repeat("{% endnote %}", 100)).ToArray();

        var page = PageFiles.Page(lines);

        Assert.Single(page.Blocks);
        Assert.Contains(page.Problems, problem => problem.Message.Contains("deeper", System.StringComparison.Ordinal));
    }
}
