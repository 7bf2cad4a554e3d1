using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Bitrix24.Emulator;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>Generated methods with <c>type: any</c>: a raw JSON argument goes out as held, a raw result comes back as sent.</summary>
public class RawJsonTests
{
    private const string Time = """{"start":1,"finish":2,"duration":1,"processing":0.5,"date_start":"2024-12-04T13:22:45+00:00","date_finish":"2024-12-04T13:22:45+00:00"}""";

    [Fact]
    public async Task A_required_raw_argument_is_sent_exactly()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.AnswerNext("app.option.set", 200, """{"result":true,"time":""" + Time + "}");
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());
        using var options = JsonDocument.Parse("""{"theme":"dark","limits":[10,20.5],"nested":{"on":true,"none":null}}""");

        var saved = await client.App.Option.SetAsync(options.RootElement);

        Assert.True(saved);
        Assert.Equal("""{"options":{"theme":"dark","limits":[10,20.5],"nested":{"on":true,"none":null}}}""", portal.Requests.Single().Body);
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

        Assert.Equal(result, response.Value.GetRawText());
        Assert.Equal(result, JsonSerializer.Serialize(response.Value, Bitrix24JsonContext.Default.Json));
    }
}
