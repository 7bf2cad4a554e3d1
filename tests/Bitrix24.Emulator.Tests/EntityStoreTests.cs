using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

/// <summary>The entity families the emulator keeps from the specs alone, over the wire as a portal answers.</summary>
public sealed class EntityStoreTests : IAsyncLifetime
{
    private Bitrix24Emulator _portal = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        foreach (var (title, stage, amount, company) in new[] { ("Alpha", "NEW", 100, 1), ("Beta", "WON", 250, 2), ("Gamma", "WON", 400, 3), ("Delta", "LOSE", 50, 2) })
        {
            await Call("crm.deal.add", $$$"""{"fields":{"TITLE":"{{{title}}}","STAGE_ID":"{{{stage}}}","OPPORTUNITY":{{{amount}}},"COMPANY_ID":{{{company}}},"UF_CRM_5":"x{{{amount}}}"}}""");
        }
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _portal.DisposeAsync();
    }

    [Theory]
    [InlineData("""{"STAGE_ID":"WON"}""", "Beta,Gamma")]
    [InlineData("""{"!STAGE_ID":"WON"}""", "Alpha,Delta")]
    [InlineData("""{"!=STAGE_ID":"WON"}""", "Alpha,Delta")]
    [InlineData("""{">OPPORTUNITY":100}""", "Beta,Gamma")]
    [InlineData("""{">=OPPORTUNITY":100,"<=OPPORTUNITY":250}""", "Alpha,Beta")]
    [InlineData("""{"<OPPORTUNITY":100}""", "Delta")]
    [InlineData("""{"@COMPANY_ID":[1,3]}""", "Alpha,Gamma")]
    [InlineData("""{"!@COMPANY_ID":[1,3]}""", "Beta,Delta")]
    [InlineData("""{"COMPANY_ID":[1,3]}""", "Alpha,Gamma")]
    [InlineData("""{"%TITLE":"ta"}""", "Beta,Delta")]
    [InlineData("""{"!%TITLE":"ta"}""", "Alpha,Gamma")]
    [InlineData("""{"=%TITLE":"G%"}""", "Gamma")]
    [InlineData("""{"0":{"logic":"OR","0":{"STAGE_ID":"NEW"},"1":{"STAGE_ID":"LOSE"}}}""", "Alpha,Delta")]
    [InlineData("""{"stage_id":"won"}""", "Beta,Gamma")]
    public async Task A_list_filters_with_the_portal_s_operators(string filter, string titles)
    {
        var (_, answer) = await Call("crm.deal.list", $$$"""{"filter":{{{filter}}},"order":{"TITLE":"ASC"},"select":["TITLE"]}""");

        Assert.Equal(titles, string.Join(",", answer["result"]!.AsArray().Select(deal => (string?)deal!["TITLE"])));
    }

    [Fact]
    public async Task A_list_orders_selects_and_pages_and_the_fast_mode_leaves_out_the_total()
    {
        var (_, ordered) = await Call("crm.deal.list", """{"order":{"STAGE_ID":"DESC","OPPORTUNITY":"ASC"},"select":["TITLE","UF_*"]}""");
        var (_, all) = await Call("crm.deal.list", """{"select":["*"]}""");
        var (_, fast) = await Call("crm.deal.list", """{"start":-1,"filter":{">ID":2}}""");

        Assert.Equal("Beta,Gamma,Alpha,Delta", string.Join(",", ordered["result"]!.AsArray().Select(deal => (string?)deal!["TITLE"])));
        var first = ordered["result"]![0]!.AsObject();
        Assert.Equal(["ID", "TITLE", "UF_CRM_5"], first.Select(field => field.Key).Order(StringComparer.Ordinal));
        Assert.Equal("2", (string?)first["ID"]);
        Assert.False(all["result"]![0]!.AsObject().ContainsKey("UF_CRM_5"));
        Assert.Equal("100", (string?)all["result"]![0]!["OPPORTUNITY"]);
        Assert.Equal(4, (int)ordered["total"]!);
        Assert.Equal(["3", "4"], fast["result"]!.AsArray().Select(deal => (string?)deal!["ID"]));
        Assert.False(fast.AsObject().ContainsKey("total"));
    }

    [Fact]
    public async Task A_deal_is_answered_whole_with_its_times_and_users_and_a_missing_one_is_an_error()
    {
        var (status, deal) = await Call("crm.deal.get", """{"id":2}""");
        var (missingStatus, missing) = await Call("crm.deal.get", """{"id":99}""");
        var (_, deleted) = await Call("crm.deal.delete", """{"id":2}""");
        var (goneStatus, _) = await Call("crm.deal.update", """{"id":2,"fields":{"TITLE":"Again"}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Beta", (string?)deal["result"]!["TITLE"]);
        Assert.Equal("1", (string?)deal["result"]!["CREATED_BY_ID"]);
        Assert.True(DateTimeOffset.TryParse((string?)deal["result"]!["DATE_CREATE"], out _));
        Assert.True(deal["result"]!.AsObject().ContainsKey("LEAD_ID"));
        Assert.Null(deal["result"]!["LEAD_ID"]);
        Assert.Equal(HttpStatusCode.BadRequest, missingStatus);
        Assert.NotNull(missing["error_description"]);
        Assert.True((bool)deleted["result"]!);
        Assert.Equal(HttpStatusCode.BadRequest, goneStatus);
    }

    [Fact]
    public async Task Fields_the_family_does_not_know_are_not_stored_but_custom_fields_are()
    {
        var (_, added) = await Call("crm.deal.add", """{"fields":{"TITLE":"Known","NOT_A_FIELD":"x","UF_CRM_77":"kept"}}""");
        var (_, deal) = await Call("crm.deal.get", "{\"id\":" + (int)added["result"]! + "}");

        Assert.False(deal["result"]!.AsObject().ContainsKey("NOT_A_FIELD"));
        Assert.Equal("kept", (string?)deal["result"]!["UF_CRM_77"]);
        Assert.Equal("Known", (string?)deal["result"]!["TITLE"]);
    }

    [Fact]
    public async Task A_batch_adds_a_deal_and_refers_to_it_in_the_commands_after()
    {
        var (_, answer) = await Call("batch", """
            {"halt":1,"cmd":{
              "deal":"crm.deal.add?fields[TITLE]=Batch%20deal&fields[OPPORTUNITY]=10",
              "read":"crm.deal.get?id=$result[deal]",
              "rows":"crm.deal.productrows.set?id=$result[deal]&rows[0][PRODUCT_NAME]=Box&rows[0][PRICE]=10&rows[0][QUANTITY]=1",
              "list":"crm.deal.list?filter[TITLE]=Batch%20deal",
              "again":"crm.deal.get?id=$result[list][0][ID]"}}
            """);

        var results = answer["result"]!["result"]!;
        Assert.Equal("[]", answer["result"]!["result_error"]!.ToJsonString());
        Assert.Equal(5, (int)results["deal"]!);
        Assert.Equal("Batch deal", (string?)results["read"]!["TITLE"]);
        Assert.Equal("5", (string?)results["again"]!["ID"]);
    }

    [Fact]
    public void The_families_people_test_most_are_kept()
    {
        var families = Handlers.Entities.EntityFamily.Find(Specs.SpecCatalog.Load([])).Select(family => family.Prefix).ToList();

        Assert.Subset(families.ToHashSet(), new[] { "crm.deal", "crm.contact", "crm.company", "crm.lead", "crm.item", "crm.activity", "crm.quote", "tasks.task" }.ToHashSet());
        Assert.DoesNotContain("crm.currency", families);
        Assert.InRange(families.Count, 60, 200);
    }

    private Task<(HttpStatusCode Status, JsonNode Envelope)> Call(string method, string json) => Webhook.CallAsync(_http, _portal, method, json);
}
