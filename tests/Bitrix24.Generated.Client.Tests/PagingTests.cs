using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated.User;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>A paged list method as an IAsyncEnumerable: page by page, capped, cancellable.</summary>
public class PagingTests
{
    [Fact]
    public async Task All_500_items_come_in_order_over_ten_pages()
    {
        await using var portal = await StartAsync(500);
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        var ids = new List<int>();
        await foreach (var user in client.User.GetAllAsync(new UserGetRequest { Order = SortOrder.Ascending }))
        {
            ids.Add(user.Id!.Value);
        }

        Assert.Equal(Enumerable.Range(1, 500), ids);
        Assert.Equal(10, portal.Requests.Count);
        Assert.All(portal.Requests, r => Assert.Contains("\"order\":\"ASC\"", r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_page_carries_total_and_next()
    {
        await using var portal = await StartAsync(500);
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        var page = await client.User.GetAsync(new UserGetRequest { Start = 50 });

        Assert.Equal(50, page.Value.Count);
        Assert.Equal(51, page.Value[0].Id);
        Assert.Equal(500, page.Total);
        Assert.Equal(100, page.Next);
    }

    [Fact]
    public async Task A_limit_stops_asking_for_pages()
    {
        await using var portal = await StartAsync(500);
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        var users = new List<PortalUser>();
        await foreach (var user in client.User.GetAllAsync(new UserGetRequest(), limit: 120))
        {
            users.Add(user);
        }

        Assert.Equal(120, users.Count);
        Assert.Equal(3, portal.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_stops_the_walk()
    {
        await using var portal = await StartAsync(500);
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());
        using var cancellation = new CancellationTokenSource();

        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var user in client.User.GetAllAsync(new UserGetRequest(), cancellationToken: cancellation.Token))
            {
                if (++seen == 60)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Equal(60, seen);
        Assert.Equal(2, portal.Requests.Count);
    }

    [Fact]
    public async Task The_fast_walk_filters_by_id_without_counting_the_total()
    {
        await using var portal = await StartAsync(500);
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        var ids = new List<int>();
        await foreach (var user in client.User.GetAllFastAsync(new UserGetRequest { Filter = new Dictionary<string, string> { ["ACTIVE"] = "Y" } }))
        {
            ids.Add(user.Id!.Value);
        }

        Assert.Equal(Enumerable.Range(1, 500), ids);
        Assert.Equal(11, portal.Requests.Count);
        var first = JsonNode.Parse(portal.Requests[0].Body)!;
        var second = JsonNode.Parse(portal.Requests[1].Body)!;
        Assert.Equal(-1, (int)first["start"]!);
        Assert.Null(first["FILTER"]![">ID"]);
        Assert.Equal("Y", (string?)first["FILTER"]!["ACTIVE"]);
        Assert.Equal("50", (string?)second["FILTER"]![">ID"]);
    }

    [Fact]
    public async Task The_fast_walk_stops_at_its_limit()
    {
        await using var portal = await StartAsync(500);
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        var count = 0;
        await foreach (var unused in client.User.GetAllFastAsync(new UserGetRequest(), limit: 70))
        {
            count++;
        }

        Assert.Equal(70, count);
        Assert.Equal(2, portal.Requests.Count);
    }

    [Fact]
    public async Task An_empty_list_yields_nothing()
    {
        await using var portal = await StartAsync(0);
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        var count = 0;
        await foreach (var unused in client.User.GetAllAsync(new UserGetRequest()))
        {
            count++;
        }

        Assert.Equal(0, count);
        Assert.Single(portal.Requests);
    }

    private static async Task<Bitrix24Emulator> StartAsync(int users)
    {
        var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        var items = Enumerable.Range(1, users).Select(i => (JsonNode?)new JsonObject { ["ID"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture), ["NAME"] = "User " + i, ["ACTIVE"] = true }).ToList();
        portal.Methods.Add("user.get", call =>
        {
            // FILTER[>ID] as a portal applies it; items are kept in id order.
            var after = call.Parameters["FILTER"]?[">ID"] is JsonValue bound ? int.Parse(bound.ToString(), System.Globalization.CultureInfo.InvariantCulture) : 0;
            var matching = items.Where(i => int.Parse((string)i!["ID"]!, System.Globalization.CultureInfo.InvariantCulture) > after).ToList();
            return MethodResult.Page(matching, call.Parameters);
        });
        return portal;
    }
}
