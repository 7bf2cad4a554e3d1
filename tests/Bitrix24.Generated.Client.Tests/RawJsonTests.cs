using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Bitrix24.Emulator;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>
/// Generated methods with <c>type: any</c>: a raw JSON argument, built with the node types and their implicit
/// conversions, goes out as built; a raw result comes back as sent.
/// </summary>
public class RawJsonTests
{
    private const string Time = """{"start":1,"finish":2,"duration":1,"processing":0.5,"date_start":"2024-12-04T13:22:45+00:00","date_finish":"2024-12-04T13:22:45+00:00"}""";

    [Fact]
    public async Task A_required_raw_argument_is_sent_exactly()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.AnswerNext("app.option.set", 200, """{"result":true,"time":""" + Time + "}");
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());
        var options = JsonNode.Parse("""{"theme":"dark","limits":[10,20.5],"nested":{"on":true,"none":null}}""")!;

        var saved = await client.App.Option.SetAsync(options);

        Assert.True(saved);
        Assert.Equal("""{"options":{"theme":"dark","limits":[10,20.5],"nested":{"on":true,"none":null}}}""", portal.Requests.Single().Body);
    }

    [Fact]
    public async Task A_raw_argument_built_in_code_is_sent_as_built()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.AnswerNext("app.option.set", 200, """{"result":true,"time":""" + Time + "}");
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        await client.App.Option.SetAsync(new JsonObject { ["theme"] = "dark", ["limits"] = new JsonArray(10, 20.5), ["on"] = true });

        Assert.Equal("""{"options":{"theme":"dark","limits":[10,20.5],"on":true}}""", portal.Requests.Single().Body);
    }

    [Fact]
    public async Task A_filter_of_raw_values_is_built_from_plain_values()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.AnswerNext("entity.item.get", 200, """{"result":[],"time":""" + Time + "}");
        portal.AnswerNext("entity.item.get", 200, """{"result":[],"time":""" + Time + "}");
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        await client.Entity.Item.GetAsync("menu", filter: new Dictionary<string, JsonNode?> { [">ID"] = 5, ["STAGE_ID"] = "NEW", ["CLOSED"] = null });
        await client.Entity.Item.GetAsync("menu", filter: new JsonObject { ["@ID"] = new JsonArray(1, 2) });

        Assert.Equal(
            new[] { """{"ENTITY":"menu","FILTER":{"\u003EID":5,"STAGE_ID":"NEW","CLOSED":null}}""", """{"ENTITY":"menu","FILTER":{"@ID":[1,2]}}""" },
            portal.Requests.Select(r => r.Body));
    }

    [Theory]
    [InlineData("""{"theme":"dark","limits":[10,20.50]}""")]
    [InlineData("""["a",1,null]""")]
    [InlineData("\"dark\"")]
    [InlineData("0")]
    public async Task A_raw_result_reads_exactly_as_sent(string result)
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.AnswerNext("app.option.get", 200, """{"result":""" + result + ""","time":""" + Time + "}");
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        var response = await client.App.Option.GetAsync(option: "theme");

        Assert.Equal(result, response.Value!.ToJsonString());
        Assert.Equal(result, JsonSerializer.Serialize(response.Value, Bitrix24JsonContext.Default.Json));
    }

    [Fact]
    public async Task A_null_result_reads_as_null()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.AnswerNext("app.option.get", 200, """{"result":null,"time":""" + Time + "}");
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        var response = await client.App.Option.GetAsync(option: "missing");

        Assert.Null(response.Value);
        Assert.Equal("null", JsonSerializer.Serialize(response.Value, Bitrix24JsonContext.Default.Json));
    }

    [Fact]
    public async Task A_list_of_raw_items_keeps_null_items()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.AnswerNext("entity.item.get", 200, """{"result":[{"ID":"1"},null,7],"time":""" + Time + "}");
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        var items = (await client.Entity.Item.GetAsync("menu")).Value;

        Assert.Equal(3, items.Count);
        Assert.Equal("1", (string?)items[0]!["ID"]);
        Assert.Null(items[1]);
        Assert.Equal(7, (int)items[2]!);
    }
}
