using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// REST 3.0 list and get over the entity store: the filter language (conditions, the shorthand, groups), order and
/// pagination, selects with related objects, and the REST 3.0 errors, on entity families of the tests' own specs.
/// </summary>
public class Rest3QueryTests
{
    private static readonly string Specs = Path.Combine(AppContext.BaseDirectory, "Rest3QuerySpecs");

    // Ids 1 to 5, in this order.
    private static readonly string[] Tasks =
    [
        """{"title":"Alpha","status":"NEW","priority":1,"price":10.5,"deadline":"2025-01-10T10:00:00+00:00","isImportant":true,"responsibleId":1,"groupId":1,"tags":["a","b"]}""",
        """{"title":"Beta","status":"NEW","priority":2,"price":20,"deadline":"2025-03-01T00:00:00+02:00","isImportant":false,"responsibleId":1}""",
        """{"title":"Gamma","status":"CLOSED","priority":3,"price":30,"deadline":"2025-06-15T12:00:00+00:00","isImportant":true,"responsibleId":7}""",
        """{"title":"Delta","status":"NEW","priority":4,"price":40,"isImportant":false}""",
        """{"title":"Epsilon","status":"CLOSED","priority":5,"price":50,"deadline":"2025-12-31T23:59:59+00:00","isImportant":false}""",
    ];

    [Theory]
    [InlineData("""[["status","=","NEW"]]""", "1,2,4")]
    [InlineData("""[["status","!=","NEW"]]""", "3,5")]
    [InlineData("""[["priority",">",3]]""", "4,5")]
    [InlineData("""[["priority",">=",3]]""", "3,4,5")]
    [InlineData("""[["price","<",20]]""", "1")]
    [InlineData("""[["price","<=",20]]""", "1,2")]
    [InlineData("""[["id","in",[2,4,9]]]""", "2,4")]
    [InlineData("""[["priority","between",[2,4]]]""", "2,3,4")]
    [InlineData("""[["deadline","between",["2025-01-01","2025-06-30"]]]""", "1,2,3")]
    [InlineData("""[["deadline",">","2025-02-28T23:30:00+00:00"]]""", "3,5")]
    [InlineData("""[["deadline","=",null]]""", "4")]
    [InlineData("""[["isImportant","=",true]]""", "1,3")]
    [InlineData("""[["title","<","B"]]""", "1")]
    [InlineData("""[["title","=","alpha"]]""", "")]
    [InlineData("""[["tags","=","b"]]""", "1")]
    [InlineData("""[["status","NEW"]]""", "1,2,4")]
    [InlineData("""[["id",[1,3]]]""", "1,3")]
    [InlineData("""[["status","NEW"],["priority",">",1]]""", "2,4")]
    [InlineData("""[{"logic":"or","conditions":[["priority","<",2],["priority",">",4]]}]""", "1,5")]
    [InlineData("""[{"logic":"and","conditions":[["status","NEW"],["priority",">",1]]}]""", "2,4")]
    [InlineData("""[{"logic":"or","negative":true,"conditions":[["status","CLOSED"],["priority",1]]}]""", "2,4")]
    [InlineData("""[{"logic":"or","conditions":[["id",1],{"logic":"and","conditions":[["status","CLOSED"],["price",">",40]]}]}]""", "1,5")]
    [InlineData("""[{"logic":"and","negative":true,"conditions":[{"logic":"or","conditions":[["id",1],["id",2]]}]}]""", "3,4,5")]
    [InlineData("""[]""", "1,2,3,4,5")]
    // The documented examples of the REST 3.0 overview.
    [InlineData("""[["status","=","NEW"],["id","in",[3,4,5]]]""", "4")]
    [InlineData("""[["status","=","NEW"],{"logic":"or","conditions":[["id",[1,2]],["id","in",[3,4,5]]]}]""", "1,2,4")]
    public async Task A_filter_keeps_the_entities_it_describes(string filter, string ids)
    {
        await using var portal = await StartAsync();
        using var http = new HttpClient();
        await SeedAsync(http, portal);

        var (status, envelope) = await CallAsync(http, portal, "demo.task.list", "{\"filter\":" + filter + "}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(ids, Ids(envelope));
    }

    [Theory]
    [InlineData("""[["priority","=","high"]]""", "filter.priority")]
    [InlineData("""[["title",">",5]]""", "filter.title")]
    [InlineData("""[["deadline",">","tomorrow"]]""", "filter.deadline")]
    [InlineData("""[["isImportant","=","yes"]]""", "filter.isImportant")]
    [InlineData("""[["id","in",[1,"2"]]]""", "filter.id")]
    [InlineData("""[["id","in",[]]]""", "filter.id")]
    [InlineData("""[["id","in",3]]""", "filter.id")]
    [InlineData("""[["id","between",[1]]]""", "filter.id")]
    [InlineData("""[["id"]]""", "filter")]
    [InlineData("""[["id","=",1,2]]""", "filter")]
    [InlineData("""[[1,"=",1]]""", "filter")]
    [InlineData("""[42]""", "filter")]
    [InlineData("""[{"logic":"xor","conditions":[]}]""", "filter.logic")]
    [InlineData("""[{"logic":"or"}]""", "filter.conditions")]
    [InlineData("""[{"logic":"or","conditions":[["id",1]],"negative":"yes"}]""", "filter.negative")]
    // A field of the task its type does not mark filterable.
    [InlineData("""[["createdBy","=",1]]""", "filter.createdBy")]
    public async Task A_malformed_filter_or_a_value_that_does_not_fit_its_field_is_a_validation_error(string filter, string field)
    {
        await using var portal = await StartAsync();
        using var http = new HttpClient();

        var (status, envelope) = await CallAsync(http, portal, "demo.task.list", "{\"filter\":" + filter + "}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION", (string)envelope["error"]!["code"]!);
        Assert.Equal(field, (string)envelope["error"]!["validation"]![0]!["field"]!);
    }

    [Theory]
    [InlineData("""[["priority","like",1]]""", "BITRIX_REST_V3_EXCEPTION_UNKNOWNFILTEROPERATOREXCEPTION", "Unknown filter operator `like`")]
    [InlineData("""[["priority","<>",1]]""", "BITRIX_REST_V3_EXCEPTION_UNKNOWNFILTEROPERATOREXCEPTION", "Unknown filter operator `<>`")]
    [InlineData("""[["stageId","=",1]]""", "BITRIX_REST_V3_EXCEPTION_UNKNOWNDTOPROPERTYEXCEPTION", "Unknown field `stageId` for entity `DemoTaskDto`")]
    [InlineData("""[{"logic":"or","conditions":[["id",1],["stageId",2]]}]""", "BITRIX_REST_V3_EXCEPTION_UNKNOWNDTOPROPERTYEXCEPTION", "Unknown field `stageId` for entity `DemoTaskDto`")]
    public async Task An_unknown_operator_or_field_is_refused_with_its_own_code(string filter, string code, string message)
    {
        await using var portal = await StartAsync();
        using var http = new HttpClient();

        var (status, envelope) = await CallAsync(http, portal, "demo.task.list", "{\"filter\":" + filter + "}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, (string)envelope["error"]!["code"]!);
        Assert.Equal(message, (string)envelope["error"]!["message"]!);
        Assert.Null(envelope["result"]);
    }

    [Fact]
    public async Task A_list_whose_filter_parameter_names_its_fields_refuses_the_others()
    {
        await using var portal = await StartAsync();
        using var http = new HttpClient();
        await CallAsync(http, portal, "demo.group.add", """{"fields":{"name":"Team","visible":true}}""");
        await CallAsync(http, portal, "demo.group.add", """{"fields":{"name":"Other","visible":false}}""");

        var (okStatus, ok) = await CallAsync(http, portal, "demo.group.list", """{"filter":[["name","Team"]]}""");
        var (notFilterable, refused) = await CallAsync(http, portal, "demo.group.list", """{"filter":[["visible",true]]}""");
        var (unknownStatus, unknown) = await CallAsync(http, portal, "demo.group.list", """{"filter":[["color","red"]]}""");

        Assert.Equal(HttpStatusCode.OK, okStatus);
        Assert.Equal("1", Ids(ok));
        Assert.Equal("Team", (string)ok["result"]!["items"]![0]!["name"]!);
        Assert.Equal(HttpStatusCode.BadRequest, notFilterable);
        Assert.Equal("BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION", (string)refused["error"]!["code"]!);
        Assert.Equal("filter.visible", (string)refused["error"]!["validation"]![0]!["field"]!);
        Assert.Equal(HttpStatusCode.BadRequest, unknownStatus);
        Assert.Equal("BITRIX_REST_V3_EXCEPTION_UNKNOWNDTOPROPERTYEXCEPTION", (string)unknown["error"]!["code"]!);
    }

    [Theory]
    [InlineData("""{"order":{"priority":"DESC"}}""", "5,4,3,2,1")]
    [InlineData("""{"order":{"status":"ASC","price":"desc"}}""", "5,3,4,2,1")]
    [InlineData("""{"order":{"deadline":"ASC"}}""", "4,1,2,3,5")]
    [InlineData("""{"order":{"title":"ASC"}}""", "1,2,4,5,3")]
    [InlineData("""{"pagination":{"limit":2}}""", "1,2")]
    [InlineData("""{"pagination":{"page":2,"limit":2}}""", "3,4")]
    [InlineData("""{"pagination":{"page":3,"limit":2,"offset":0}}""", "5")]
    [InlineData("""{"pagination":{"limit":2,"offset":3}}""", "4,5")]
    [InlineData("""{"pagination":{"offset":10}}""", "")]
    [InlineData("""{"order":{"price":"DESC"},"pagination":{"page":1,"limit":3},"filter":[["status","!=","DONE"]]}""", "5,4,3")]
    public async Task Order_and_pagination_pick_the_page(string query, string ids)
    {
        await using var portal = await StartAsync();
        using var http = new HttpClient();
        await SeedAsync(http, portal);

        var (status, envelope) = await CallAsync(http, portal, "demo.task.list", query);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(ids, Ids(envelope));
    }

    [Theory]
    [InlineData("""{"order":{"stageId":"ASC"}}""", "BITRIX_REST_V3_EXCEPTION_UNKNOWNDTOPROPERTYEXCEPTION")]
    [InlineData("""{"order":{"id":"UP"}}""", "BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION")]
    [InlineData("""{"pagination":{"limit":1001}}""", "BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION")]
    [InlineData("""{"pagination":{"limit":0}}""", "BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION")]
    [InlineData("""{"pagination":{"page":0}}""", "BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION")]
    [InlineData("""{"pagination":{"offset":"ten"}}""", "BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION")]
    public async Task A_wrong_order_or_pagination_is_refused(string query, string code)
    {
        await using var portal = await StartAsync();
        using var http = new HttpClient();

        var (status, envelope) = await CallAsync(http, portal, "demo.task.list", query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, (string)envelope["error"]!["code"]!);
    }

    [Fact]
    public async Task A_page_holds_50_items_unless_the_limit_says_otherwise()
    {
        await using var portal = await StartAsync();
        using var http = new HttpClient();
        for (var i = 0; i < 52; i++)
        {
            await CallAsync(http, portal, "demo.task.add", """{"fields":{"title":"T"}}""");
        }

        var (_, first) = await CallAsync(http, portal, "demo.task.list", "{}");
        var (_, second) = await CallAsync(http, portal, "demo.task.list", """{"pagination":{"page":2}}""");
        var (_, all) = await CallAsync(http, portal, "demo.task.list", """{"pagination":{"limit":1000}}""");

        Assert.Equal(50, first["result"]!["items"]!.AsArray().Count);
        Assert.Equal("51,52", Ids(second));
        Assert.Equal(52, all["result"]!["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_list_without_select_answers_the_ids_as_its_spec_says_and_leaves_out_unknown_own_fields()
    {
        await using var portal = await StartAsync();
        using var http = new HttpClient();
        await SeedAsync(http, portal);

        var (_, bare) = await CallAsync(http, portal, "demo.task.list", """{"filter":[["id",1]]}""");
        var (status, selected) = await CallAsync(http, portal, "demo.task.list", """{"filter":[["id",1]],"select":["id","title","stageId"]}""");

        Assert.Equal("""{"items":[{"id":1}]}""", bare["result"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"items":[{"id":1,"title":"Alpha"}]}""", selected["result"]!.ToJsonString());
    }

    [Fact]
    public async Task A_get_answers_its_own_fields_without_select_and_the_selected_ones_with_it()
    {
        await using var portal = await StartAsync();
        using var http = new HttpClient();
        await SeedAsync(http, portal);

        var (_, bare) = await CallAsync(http, portal, "demo.task.get", """{"id":2}""");
        var (_, selected) = await CallAsync(http, portal, "demo.task.get", """{"id":2,"select":["title","stageId"]}""");

        var item = bare["result"]!["item"]!.AsObject();
        Assert.Equal("Beta", (string)item["title"]!);
        Assert.Equal(1, (int)item["responsibleId"]!);
        Assert.False(item.ContainsKey("responsible"));
        Assert.Equal("""{"item":{"id":2,"title":"Beta"}}""", selected["result"]!.ToJsonString());
    }

    [Fact]
    public async Task A_dotted_select_answers_the_related_object_with_the_selected_fields()
    {
        await using var portal = await StartAsync();
        using var http = new HttpClient();
        await CallAsync(http, portal, "demo.group.add", """{"fields":{"name":"Team","visible":true}}""");
        await SeedAsync(http, portal);

        var (status, got) = await CallAsync(http, portal, "demo.task.get", """{"id":1,"select":["id","title","responsible.name","responsible.email","group.name"]}""");
        var (_, listed) = await CallAsync(http, portal, "demo.task.list", """{"filter":[["id","in",[1,3,4]]],"select":["responsible.name"]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            """{"item":{"id":1,"title":"Alpha","responsible":{"name":"Portal Administrator","email":"admin@example.com"},"group":{"name":"Team"}}}""",
            got["result"]!.ToJsonString());
        // Task 3's responsible is no user of the portal; task 4's is the caller, who created it without naming one.
        Assert.Equal(
            """{"items":[{"id":1,"responsible":{"name":"Portal Administrator"}},{"id":3,"responsible":null},{"id":4,"responsible":{"name":"Portal Administrator"}}]}""",
            listed["result"]!.ToJsonString());
    }

    [Theory]
    [InlineData("demo.task.get", """{"id":1,"select":["id","responsible.stageId"]}""", "Unknown field `stageId` for entity `DemoUserDto`")]
    [InlineData("demo.task.list", """{"select":["id","responsible.stageId"]}""", "Unknown field `stageId` for entity `DemoUserDto`")]
    [InlineData("demo.task.list", """{"select":["group.color"]}""", "Unknown field `color` for entity `GroupDto`")]
    public async Task An_unknown_field_of_a_related_object_is_refused(string method, string body, string message)
    {
        await using var portal = await StartAsync();
        using var http = new HttpClient();
        await SeedAsync(http, portal);

        var (status, envelope) = await CallAsync(http, portal, method, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BITRIX_REST_V3_EXCEPTION_UNKNOWNDTOPROPERTYEXCEPTION", (string)envelope["error"]!["code"]!);
        Assert.Equal(message, (string)envelope["error"]!["message"]!);
    }

    [Theory]
    [InlineData("demo.task.get", """{"id":99}""")]
    [InlineData("demo.task.update", """{"id":99,"fields":{"title":"X"}}""")]
    [InlineData("demo.task.delete", """{"id":99}""")]
    public async Task A_missing_entity_at_the_rest3_address_is_entity_not_found(string method, string body)
    {
        await using var portal = await StartAsync();
        using var http = new HttpClient();

        var (status, envelope) = await CallAsync(http, portal, method, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BITRIX_REST_V3_EXCEPTION_ENTITYNOTFOUNDEXCEPTION", (string)envelope["error"]!["code"]!);
        Assert.Equal("Record with ID = `99` not found", (string)envelope["error"]!["message"]!);
    }

    [Fact]
    public async Task A_shipped_rest3_family_is_not_found_in_the_rest3_shape()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, envelope) = await Webhook.CallAsync(http, portal.Rest3WebhookUrl, "note.document.get", """{"id":12345}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BITRIX_REST_V3_EXCEPTION_ENTITYNOTFOUNDEXCEPTION", (string)envelope["error"]!["code"]!);
    }

    [Fact]
    public async Task A_method_both_versions_have_is_served_at_each_address_by_its_own_spec_and_store()
    {
        await using var portal = await StartAsync();
        using var http = new HttpClient();

        var (_, classicAdded) = await Webhook.CallAsync(http, portal.WebhookUrl, "demo.item.add", """{"fields":{"TITLE":"Classic one"}}""");
        await Webhook.CallAsync(http, portal.WebhookUrl, "demo.item.add", """{"fields":{"TITLE":"Classic two"}}""");
        var (_, added) = await CallAsync(http, portal, "demo.item.add", """{"fields":{"title":"New one"}}""");
        var (_, classicGot) = await Webhook.CallAsync(http, portal.WebhookUrl, "demo.item.get", """{"id":2}""");
        var (_, got) = await CallAsync(http, portal, "demo.item.get", """{"id":1,"select":["title"]}""");
        var (_, listed) = await CallAsync(http, portal, "demo.item.list", """{"select":["title"]}""");
        var (classicStatus, classicMissing) = await Webhook.CallAsync(http, portal.WebhookUrl, "demo.item.get", """{"id":3}""");
        var (status, missing) = await CallAsync(http, portal, "demo.item.get", """{"id":2}""");
        var (noClassicList, _) = await Webhook.CallAsync(http, portal.WebhookUrl, "demo.item.list", "{}");

        Assert.Equal(1, (int)classicAdded["result"]!);
        Assert.Equal("""{"id":1,"title":"New one"}""", added["result"]!["item"]!.ToJsonString());
        Assert.Equal("""{"ID":2,"TITLE":"Classic two"}""", classicGot["result"]!.ToJsonString());
        Assert.Equal("""{"item":{"id":1,"title":"New one"}}""", got["result"]!.ToJsonString());
        // The REST 3.0 tasks are not the classic ones: a portal shares them, the emulator keeps each version's apart.
        Assert.Equal("""{"items":[{"id":1,"title":"New one"}]}""", listed["result"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, classicStatus);
        Assert.Equal("Not found", (string)classicMissing["error_description"]!);
        Assert.Equal("BITRIX_REST_V3_EXCEPTION_ENTITYNOTFOUNDEXCEPTION", (string)missing["error"]!["code"]!);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(HttpStatusCode.NotFound, noClassicList);
    }

    [Fact]
    public async Task A_handler_added_by_name_replaces_the_entity_handler_of_a_rest3_method()
    {
        await using var portal = await StartAsync();
        using var http = new HttpClient();
        portal.Methods.Add("demo.task.get", _ => new JsonObject { ["item"] = new JsonObject { ["id"] = 42 } });

        var (status, envelope) = await CallAsync(http, portal, "demo.task.get", """{"id":1}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"item":{"id":42}}""", envelope["result"]!.ToJsonString());
    }

    [Fact]
    public async Task A_shipped_family_selects_its_related_collection_and_user_from_their_stores()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        var (_, collection) = await Webhook.CallAsync(http, portal.Rest3WebhookUrl, "note.collection.add", """{"fields":{"name":"Handbook"}}""");
        var collectionId = (int)collection["result"]!["item"]!["id"]!;
        var (_, document) = await Webhook.CallAsync(http, portal.Rest3WebhookUrl, "note.document.add", "{\"fields\":{\"collectionId\":" + collectionId + ",\"title\":\"Chapter 1\"}}");
        var documentId = (int)document["result"]!["item"]!["id"]!;

        var (status, got) = await Webhook.CallAsync(http, portal.Rest3WebhookUrl, "note.document.get", "{\"id\":" + documentId + ",\"select\":[\"title\",\"collection.name\",\"createdBy.name\"]}");

        Assert.Equal(HttpStatusCode.OK, status);
        // createdBy holds a user's id: the portal's user, who created it.
        Assert.Equal(
            "{\"item\":{\"id\":" + documentId + ",\"title\":\"Chapter 1\",\"collection\":{\"name\":\"Handbook\"},\"createdBy\":{\"name\":\"Portal Administrator\"}}}",
            got["result"]!.ToJsonString());
    }

    private static async Task<Bitrix24Emulator> StartAsync()
    {
        // Seeding a few pages of entities goes past the request rate a portal allows.
        var options = new Bitrix24EmulatorOptions { RateLimit = null };
        options.SpecPaths.Add(Specs);
        return await Bitrix24Emulator.StartAsync(options);
    }

    private static async Task SeedAsync(HttpClient http, Bitrix24Emulator portal)
    {
        foreach (var task in Tasks)
        {
            var (status, envelope) = await CallAsync(http, portal, "demo.task.add", "{\"fields\":" + task + "}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.NotNull(envelope["result"]!["item"]!["id"]);
        }
    }

    private static Task<(HttpStatusCode Status, JsonNode Envelope)> CallAsync(HttpClient http, Bitrix24Emulator portal, string method, string body) =>
        Webhook.CallAsync(http, portal.Rest3WebhookUrl, method, body);

    private static string Ids(JsonNode envelope) =>
        string.Join(",", envelope["result"]!["items"]!.AsArray().Select(item => (int)item!["id"]!));
}
