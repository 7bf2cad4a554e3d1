using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

/// <summary>List methods answer a page of 50 with <c>total</c> and <c>next</c>, alone or inside a batch.</summary>
public class PagingTests
{
    [Theory]
    [InlineData(0, 0, 50, 120, 50)]
    [InlineData(50, 50, 50, 120, 100)]
    [InlineData(100, 100, 20, 120, null)]
    [InlineData(-1, 0, 50, null, null)]
    public async Task A_list_is_served_a_page_at_a_time(int start, int first, int count, int? total, int? next)
    {
        await using var portal = await StartWithListAsync();
        using var http = new HttpClient();

        var (_, envelope) = await Webhook.CallAsync(http, portal, "test.item.list", "{\"start\":" + start + "}");

        var page = envelope["result"]!.AsArray();
        Assert.Equal(count, page.Count);
        Assert.Equal(first, (int)page[0]!["ID"]!);
        Assert.Equal(total, (int?)envelope["total"]);
        Assert.Equal(next, (int?)envelope["next"]);
    }

    [Fact]
    public async Task A_batch_reports_total_and_next_per_command()
    {
        await using var portal = await StartWithListAsync();
        using var http = new HttpClient();

        var (_, envelope) = await Webhook.CallAsync(http, portal, "batch", """{"cmd":{"p1":"test.item.list?start=0","p3":"test.item.list?start=100","s":"calendar.settings.get"}}""");

        var result = envelope["result"]!;
        Assert.Equal("""{"p1":120,"p3":120}""", result["result_total"]!.ToJsonString());
        Assert.Equal("""{"p1":50}""", result["result_next"]!.ToJsonString());
    }

    private static async Task<Bitrix24Emulator> StartWithListAsync()
    {
        var portal = await Bitrix24Emulator.StartAsync();
        var items = Enumerable.Range(0, 120).Select(i => (JsonNode?)new JsonObject { ["ID"] = i }).ToList();
        portal.Methods.Add("test.item.list", call => MethodResult.Page(items, call.Parameters));
        return portal;
    }
}
