using Bitrix24.SpecImporter.Examples;

namespace Bitrix24.SpecImporter.Tests.Examples;

public sealed class CurlExampleTests
{
    [Fact]
    public void ReadsMethodAndCompactBodyOfAWebhookExample()
    {
        const string bash = """
            curl -X POST \
            -H "Content-Type: application/json" \
            -H "Accept: application/json" \
            -d '{"FIELDS":{"TITLE":"Deal #1","TAX_VALUE":0.10,"IDS":[84, 83]}, "PARAMS": {"X":"N"}}' \
            https://**put_your_bitrix24_address**/rest/**put_your_user_id_here**/**put_your_webhook_here**/crm.deal.add
            """;

        Assert.Equal(
            ("crm.deal.add", """{"FIELDS":{"TITLE":"Deal #1","TAX_VALUE":0.10,"IDS":[84,83]},"PARAMS":{"X":"N"}}"""),
            ExampleText.ParseCurl(bash));
    }

    [Fact]
    public void ReplacesDateSubstitutionsAndOtherCommands()
    {
        const string bash = """
            curl -X POST -d '{"FROM":"'"$(date --iso-8601=seconds)"'","TO":"'"$(date --iso-8601=seconds --date='+10 days')"'","DAY":"'"$(date +%Y-%m-%d)"'","WHO":"'"$(whoami)"'"}' \
              https://portal/rest/1/key/x.y.add.json
            """;

        Assert.Equal(
            ("x.y.add", """{"FROM":"2025-01-01T10:00:00+03:00","TO":"2025-01-01T10:00:00+03:00","DAY":"2025-01-01","WHO":"value"}"""),
            ExampleText.ParseCurl(bash));
    }

    [Fact]
    public void StripsTheTopLevelAuthOfTheOAuthVariant()
    {
        const string bash = """
            curl -X POST \
            --data-raw '{"id":5,"fields":{"auth":"kept"},"auth":"**put_access_token_here**"}' \
            https://**put_your_bitrix24_address**/rest/a.get
            """;

        Assert.Equal(("a.get", """{"id":5,"fields":{"auth":"kept"}}"""), ExampleText.ParseCurl(bash));
    }

    [Fact]
    public void ReadsMultiLineBodiesAndDoubleQuotedBodies()
    {
        const string multiLine = """
            curl -X POST \
                -d '{
                    "select": ["id", "name"],
                    "filter": {">=sort": 100},
                }' \
                https://host/rest/1/k/catalog.section.list
            """;
        Assert.Equal("""{"select":["id","name"],"filter":{">=sort":100}}""", ExampleText.FromCurl(multiLine));

        Assert.Equal("""{"id":1}""", ExampleText.FromCurl("""curl --data "{\"id\":1}" https://h/rest/a.b"""));
        Assert.Equal("""{"id":2}""", ExampleText.FromCurl("""curl --data='{"id":2}' https://h/rest/a.b"""));
    }

    [Fact]
    public void ReadsABodyWhoseApostropheBreaksTheShellQuote()
    {
        const string bash = """
            curl -X POST \
            -d '{"name": "Kids' Toys", "sort": 1}' \
            https://h/rest/1/k/catalog.section.add
            """;

        Assert.Equal(("catalog.section.add", """{"name":"Kids' Toys","sort":1}"""), ExampleText.ParseCurl(bash));
    }

    [Fact]
    public void ReadsACommandThatLostItsCurlWord()
    {
        const string bash = """
            -X POST \
            -d '{"id": 31}' \
            https://h/rest/1/k/catalog.section.get
            """;

        Assert.Equal(("catalog.section.get", """{"id":31}"""), ExampleText.ParseCurl(bash));
    }

    [Theory]
    [InlineData("curl -X POST https://h/rest/1/k/user.current", "user.current")]
    [InlineData("curl -d 'id=5&x=1' https://h/rest/1/k/a.b", "a.b")]
    [InlineData("curl -d '{\"id\": id}' https://h/rest/1/k/a.b", "a.b")]
    [InlineData("curl -d '{\"id\": **put_id**}' https://h/rest/1/k/a.b", "a.b")]
    [InlineData("curl -d '{\"list\": [1, ...]}' https://h/rest/a.b", "a.b")]
    [InlineData("echo hello", null)]
    [InlineData("curl -X POST -H 'Accept: application/json'", null)]
    public void GivesNullJsonWhenThereIsNoJsonBody(string bash, string? method) =>
        Assert.Equal((method, (string?)null), ExampleText.ParseCurl(bash));

    [Fact]
    public void BodyWithoutAnUrlHasNoMethod() =>
        Assert.Equal(((string?)null, "{\"a\":1}"), ExampleText.ParseCurl("curl -d '{\"a\": 1}'"));
}
