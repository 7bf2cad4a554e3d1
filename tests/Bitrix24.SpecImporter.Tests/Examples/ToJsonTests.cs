using Bitrix24.SpecImporter.Examples;

namespace Bitrix24.SpecImporter.Tests.Examples;

public sealed class ToJsonTests
{
    [Fact]
    public void CompactsAResponseKeepingOrderAndNumberText()
    {
        const string response = """
            {
                "result": 394,
                "time": {
                    "start": 1725013197.635808,
                    "tax": 0.10,
                    "big": 1e3,
                    "name": "Сделка — «новая»"
                }
            }
            """;

        Assert.Equal(
            """{"result":394,"time":{"start":1725013197.635808,"tax":0.10,"big":1e3,"name":"Сделка — «новая»"}}""",
            ExampleText.ToJson(response));
    }

    [Fact]
    public void AcceptsCommentsTrailingCommasAndJsLiteralSyntax()
    {
        const string literal = """
            {
                // the fields
                fields: { TITLE: 'It\'s "new"', 1: true, $x: null, }, /* ids */
                ids: [1, 2,],
                note: `plain template`,
            }
            """;

        Assert.Equal(
            """{"fields":{"TITLE":"It's \"new\"","1":true,"$x":null},"ids":[1,2],"note":"plain template"}""",
            ExampleText.ToJson(literal));
    }

    [Fact]
    public void KeepsEscapesAndEscapesRawTabs()
    {
        Assert.Equal("""{"a":"line\nnext","b":"x\ty"}""", ExampleText.ToJson("{\"a\":\"line\\nnext\",'b':'x\ty'}"));
    }

    [Theory]
    [InlineData("{ \"a\": 1, ... }")]
    [InlineData("{ \"a\": [1, 2, …] }")]
    [InlineData("{ a: someVariable }")]
    [InlineData("{ a: new Date() }")]
    [InlineData("{ a: now.toISOString() }")]
    [InlineData("{ a: 1 + 2 }")]
    [InlineData("{ a: undefined }")]
    [InlineData("{ a: `x ${y}` }")]
    [InlineData("{ \"a\": 1 ")]
    [InlineData("{ \"a\": 0x1F }")]
    [InlineData("{ \"a\": \"bad \\N escape\" }")]
    [InlineData("HTTP/1.1 200 OK")]
    [InlineData("")]
    public void RejectsWhatIsNotALiteral(string text) => Assert.Null(ExampleText.ToJson(text));
}
