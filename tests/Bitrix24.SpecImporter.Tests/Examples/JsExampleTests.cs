using Bitrix24.SpecImporter.Examples;

namespace Bitrix24.SpecImporter.Tests.Examples;

public sealed class JsExampleTests
{
    [Fact]
    public void ReadsBx24CallMethod()
    {
        const string js = """
            // load the deal
            BX24.callMethod(
                'crm.deal.get',
                { id: 410, select: ["ID", 'TITLE'] },
                (result) => console.info(result.data())
            );
            """;

        Assert.Equal(("crm.deal.get", """{"id":410,"select":["ID","TITLE"]}"""), ExampleText.FromJs(js));
    }

    [Fact]
    public void ReadsSdkCallMethodAndCallsWithoutParams()
    {
        Assert.Equal(("user.current", "{}"), ExampleText.FromJs("const r = await $b24.callMethod('user.current');"));
        Assert.Equal(("app.info", "{}"), ExampleText.FromJs("BX24.callMethod(\"app.info\", function (result) { });"));
        Assert.Equal(("a.list", """{"filter":{">ID":1}}"""), ExampleText.FromJs("$b24.callListMethod('a.list', { filter: { '>ID': 1 } }, null, 'id')"));
    }

    [Fact]
    public void ReadsActionsMake()
    {
        const string js = """
            import { Text } from '@bitrix24/b24jssdk'
            const response = await $b24.actions.v2.call.make<number>({
              method: 'crm.deal.add',
              params: {
                fields: { TITLE: 'New deal, "one"', OPPORTUNITY: 0.10, }, // a comment, with a comma
              },
              requestId: Text.getUuidRfc4122()
            })
            """;

        Assert.Equal(("crm.deal.add", """{"fields":{"TITLE":"New deal, \"one\"","OPPORTUNITY":0.10}}"""), ExampleText.FromJs(js));
    }

    [Fact]
    public void ActionsMakeWithoutParamsGivesAnEmptyObject() =>
        Assert.Equal(("server.time", "{}"), ExampleText.FromJs("await $b24.actions.v3.call.make({ method: 'server.time', requestId: id() })"));

    [Fact]
    public void ExpressionsInParamsGiveNullJson()
    {
        const string js = """
            const now = new Date();
            BX24.callMethod('crm.deal.add', { fields: { BEGINDATE: now.toISOString() } }, cb);
            """;

        Assert.Equal(("crm.deal.add", (string?)null), ExampleText.FromJs(js));
        Assert.Equal(("a.b", (string?)null), ExampleText.FromJs("BX24.callMethod('a.b', params, cb)"));
    }

    [Fact]
    public void CallsInCommentsOrStringsWithoutAMethodAreSkipped()
    {
        Assert.Equal(((string?)null, (string?)null), ExampleText.FromJs("console.log('nothing to call')"));
        Assert.Equal(((string?)null, (string?)null), ExampleText.FromJs("BX24.callMethod(methodName, {})"));
    }
}
