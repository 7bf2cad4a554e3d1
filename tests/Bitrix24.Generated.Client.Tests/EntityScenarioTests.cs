using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated.Crm;
using Bitrix24.Generated.TaskScope;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>
/// The entity families the emulator keeps, through the generated client: deals added in a batch, listed with a
/// filter and an order page by page, walked, updated and deleted; smart-process items per entity type; tasks.
/// </summary>
public sealed class EntityScenarioTests
{
    [Fact]
    public async Task Deals_are_added_listed_across_three_pages_walked_updated_and_deleted()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        using var test = TestClient.WithoutRetries(portal);
        var client = test.Client;

        var batch = client.Batch();
        var added = Enumerable.Range(1, 120)
            .Select(i => batch.Add(c => c.Crm.Deal.AddAsync(new CrmDealAddFields { Title = "Deal " + i, StageId = i % 2 == 0 ? "WON" : "NEW", Opportunity = i * 10 })))
            .ToList();
        await batch.ExecuteAsync();
        var ids = new List<int>();
        foreach (var call in added)
        {
            ids.Add((await call).Value);
        }

        var request = new CrmDealListRequest
        {
            Filter = new Dictionary<string, JsonNode?> { [">OPPORTUNITY"] = 0 },
            Order = new Dictionary<string, string> { ["OPPORTUNITY"] = "DESC" },
            Select = new List<string> { "ID", "TITLE", "OPPORTUNITY" },
        };
        var first = await client.Crm.Deal.ListAsync(request);
        request.Start = first.Next;
        var second = await client.Crm.Deal.ListAsync(request);
        request.Start = second.Next;
        var third = await client.Crm.Deal.ListAsync(request);
        var won = await client.Crm.Deal.ListAllAsync(new CrmDealListRequest { Filter = new Dictionary<string, JsonNode?> { ["STAGE_ID"] = "WON", ["%TITLE"] = "deal" } }).ToListAsync();
        var fast = await client.Crm.Deal.ListAllFastAsync(new CrmDealListRequest { Filter = new Dictionary<string, JsonNode?> { ["@STAGE_ID"] = new JsonArray("WON") } }).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 120), ids);
        Assert.Equal((120, 50, 50, 20), (first.Total, first.Value.Count, second.Value.Count, third.Value.Count));
        Assert.Equal((50, 100, (int?)null), (first.Next, second.Next, third.Next));
        Assert.Equal("Deal 120", first.Value[0].Title);
        Assert.Equal("1200", first.Value[0].Opportunity);
        Assert.Null(first.Value[0].StageId);
        Assert.Equal("Deal 1", third.Value[^1].Title);
        Assert.Equal(60, won.Count);
        Assert.Equal(ids.Where(id => id % 2 == 0), fast.Select(deal => deal.Id!.Value));

        Assert.True((await client.Crm.Deal.UpdateAsync(7, new CrmDealUpdateFields { Title = "Renamed", StageId = "WON" })).Value);
        var renamed = (await client.Crm.Deal.GetAsync(7)).Value;
        Assert.True((await client.Crm.Deal.DeleteAsync(8)).Value);
        var gone = await Assert.ThrowsAnyAsync<Bitrix24Exception>(() => client.Crm.Deal.GetAsync(8));

        Assert.Equal(("Renamed", "WON", 1), (renamed.Title, renamed.StageId, renamed.CreatedById));
        Assert.NotNull(renamed.DateCreate);
        Assert.Equal("crm.deal.get", gone.Method);
        Assert.Equal(119, (await client.Crm.Deal.ListAsync(new CrmDealListRequest())).Total);
    }

    [Fact]
    public async Task Items_of_a_smart_process_are_kept_per_entity_type()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        using var test = TestClient.WithoutRetries(portal);
        var client = test.Client;

        for (var i = 1; i <= 60; i++)
        {
            await client.Crm.Item.AddAsync(i <= 55 ? 1038 : 2, new JsonObject { ["title"] = "Item " + i, ["opportunity"] = i, ["ufCrm7_1739432938"] = "custom " + i });
        }

        var page = await client.Crm.Item.ListAsync(new CrmItemListRequest
        {
            EntityTypeId = 1038,
            Filter = new Dictionary<string, JsonNode?> { [">=opportunity"] = 10 },
            Order = new Dictionary<string, string> { ["id"] = "DESC" },
        });
        var all = await client.Crm.Item.ListAllAsync(new CrmItemListRequest { EntityTypeId = 1038 }).ToListAsync();
        var updated = await client.Crm.Item.UpdateAsync(1038, new JsonObject { ["title"] = "Renamed" }, id: 3);
        var item = (await client.Crm.Item.GetAsync(1038, 3)).Value.Item!;

        Assert.Equal(46, page.Total);
        Assert.Equal(55, (int)page.Value.Items![0]!["id"]!);
        Assert.Equal(55, all.Count);
        Assert.Equal("Renamed", (string?)updated.Value.Item!["title"]);
        Assert.Equal(("Renamed", "custom 3", 1038), ((string?)item["title"], (string?)item["ufCrm7_1739432938"], (int)item["entityTypeId"]!));
        await Assert.ThrowsAnyAsync<Bitrix24Exception>(() => client.Crm.Item.GetAsync(2, 3));
    }

    [Fact]
    public async Task Tasks_are_sent_in_upper_case_and_answered_in_camel_case_as_a_portal_does()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        using var test = TestClient.WithoutRetries(portal);
        var client = test.Client;

        var added = await client.Tasks.Task.AddAsync(new JsonObject { ["TITLE"] = "Write the report", ["RESPONSIBLE_ID"] = 5 });
        await client.Tasks.Task.AddAsync(new JsonObject { ["TITLE"] = "Read the report", ["RESPONSIBLE_ID"] = 6 });
        var id = int.Parse((string)added.Value.Task!["id"]!, System.Globalization.CultureInfo.InvariantCulture);
        var mine = await client.Tasks.Task.ListAsync(new TasksTaskListRequest { Filter = new Dictionary<string, JsonNode?> { ["RESPONSIBLE_ID"] = 5 } });
        await client.Tasks.Task.UpdateAsync(id, new JsonObject { ["TITLE"] = "Write the annual report" });
        var task = (await client.Tasks.Task.GetAsync(id)).Value.Task!;
        await client.Tasks.Task.DeleteAsync(id);

        Assert.Equal("Write the report", (string?)added.Value.Task!["title"]);
        Assert.Equal("5", (string?)added.Value.Task!["responsibleId"]);
        Assert.Equal(1, mine.Total);
        Assert.Single(mine.Value.Tasks!);
        Assert.Equal("Write the annual report", (string?)task["title"]);
        Assert.Equal(1, (await client.Tasks.Task.ListAsync(new TasksTaskListRequest())).Total);
    }
}
