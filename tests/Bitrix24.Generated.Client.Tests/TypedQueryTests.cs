using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated.Example;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>
/// Filters and selects built from the generated fields of a REST 3.0 list (<c>specs/example.task.list.yaml</c>) write
/// the JSON of the docs' examples, and a call sends them in its body.
/// </summary>
public sealed class TypedQueryTests
{
    private const string Webhook = "https://portal.bitrix24.com/rest/1/querysecretcode/";

    private static readonly Bitrix24Date NewYear = new(new DateOnly(2025, 1, 1));

    [Fact]
    public void The_docs_simple_filter()
    {
        var filter = new Bitrix24Filter<ExampleTask>
        {
            ExampleTaskFields.Status.EqualTo(ExampleTaskStatus.New),
            ExampleTaskFields.Id.In(3, 4, 5),
        };

        Assert.Equal("""[["status","=","NEW"],["id","in",[3,4,5]]]""", filter.ToString());
    }

    [Fact]
    public void The_docs_filter_with_an_or_group_by_method_and_by_operator()
    {
        var byMethod = new Bitrix24Filter<ExampleTask>(
            ExampleTaskFields.Status.EqualTo(ExampleTaskStatus.New),
            Bitrix24Condition<ExampleTask>.Or(ExampleTaskFields.Id.In(1, 2), ExampleTaskFields.Id.In(3, 4, 5)));
        var byOperator = new Bitrix24Filter<ExampleTask>(
            ExampleTaskFields.Status.EqualTo(ExampleTaskStatus.New),
            ExampleTaskFields.Id.In(1, 2) | ExampleTaskFields.Id.In(3, 4, 5));

        const string Expected = """[["status","=","NEW"],{"logic":"or","conditions":[["id","in",[1,2]],["id","in",[3,4,5]]]}]""";
        Assert.Equal(Expected, byMethod.ToString());
        Assert.Equal(Expected, byOperator.ToString());
    }

    public static TheoryData<string, string> Operators() => new()
    {
        { "=", """["status","=","NEW"]""" },
        { "!=", """["status","!=","CLOSED"]""" },
        { ">", """["date",">","2025-01-01"]""" },
        { ">=", """["price",">=",1000]""" },
        { "<", """["date","<","2025-01-01"]""" },
        { "<=", """["price","<=",1000]""" },
        { "in", """["id","in",[1,2,3]]""" },
        { "between", """["date","between",["2025-01-01","2025-12-31"]]""" },
    };

    [Theory]
    [MemberData(nameof(Operators))]
    public void Each_operator_writes_the_docs_example(string operation, string expected)
    {
        var condition = operation switch
        {
            "=" => ExampleTaskFields.Status.EqualTo(ExampleTaskStatus.New),
            "!=" => ExampleTaskFields.Status.NotEqualTo(ExampleTaskStatus.Closed),
            ">" => ExampleTaskFields.Date.GreaterThan(NewYear),
            ">=" => ExampleTaskFields.Price.GreaterThanOrEqualTo(1000),
            "<" => ExampleTaskFields.Date.LessThan(NewYear),
            "<=" => ExampleTaskFields.Price.LessThanOrEqualTo(1000),
            "in" => ExampleTaskFields.Id.In(new List<int> { 1, 2, 3 }),
            _ => ExampleTaskFields.Date.Between(NewYear, new Bitrix24Date(new DateOnly(2025, 12, 31))),
        };

        Assert.Equal(expected, condition.ToString());
        Assert.Equal("[" + expected + "]", ((Bitrix24Filter<ExampleTask>)condition).ToString());
    }

    [Fact]
    public void And_not_and_nested_groups()
    {
        var open = ExampleTaskFields.Status.EqualTo(ExampleTaskStatus.New);
        var cheap = ExampleTaskFields.Price.LessThan(10);
        var mine = ExampleTaskFields.Responsible.Id.EqualTo(7);

        Assert.Equal(
            """{"logic":"or","conditions":[{"logic":"and","conditions":[["status","=","NEW"],["price","<",10]]},["responsible.id","=",7]]}""",
            ((open & cheap) | mine).ToString());
        Assert.Equal(
            """{"logic":"and","conditions":[["status","=","NEW"],["price","<",10],["responsible.id","=",7]]}""",
            Bitrix24Condition<ExampleTask>.And(open, cheap, mine).ToString());
        // An or group on the left takes the next condition in.
        Assert.Equal(
            """{"logic":"or","conditions":[["status","=","NEW"],["price","<",10],["responsible.id","=",7]]}""",
            (open | cheap | mine).ToString());
        Assert.Equal("""{"logic":"and","negative":true,"conditions":[["status","=","NEW"]]}""", (!open).ToString());
        Assert.Equal("""{"logic":"or","negative":true,"conditions":[["status","=","NEW"],["price","<",10]]}""", Bitrix24Condition<ExampleTask>.Not(open | cheap).ToString());
        Assert.Equal("""{"logic":"or","conditions":[["status","=","NEW"],["price","<",10]]}""", (!!(open | cheap)).ToString());
    }

    [Fact]
    public void A_select_names_fields_and_related_fields_dotted()
    {
        var select = new Bitrix24Select<ExampleTask>
        {
            ExampleTaskFields.Id,
            ExampleTaskFields.Title,
            ExampleTaskFields.Responsible.Name,
            ExampleTaskFields.Responsible.Email,
            ExampleTaskFields.Parent.Responsible.Name,
        };

        Assert.Equal("""["id","title","responsible.name","responsible.email","parent.responsible.name"]""", select.ToString());
    }

    [Fact]
    public void Invalid_queries_fail_when_built()
    {
        var open = ExampleTaskFields.Status.EqualTo(ExampleTaskStatus.New);

        Assert.Throws<ArgumentException>(() => ExampleTaskFields.Id.In());
        Assert.Throws<ArgumentException>(() => ExampleTaskFields.Id.In(Array.Empty<int>().AsEnumerable()));
        Assert.Throws<ArgumentException>(() => Bitrix24Condition<ExampleTask>.Or());
        Assert.Throws<ArgumentException>(() => Bitrix24Condition<ExampleTask>.And(open, null!));
        Assert.Throws<ArgumentNullException>(() => open | null!);
        Assert.Throws<ArgumentNullException>(() => !(Bitrix24Condition<ExampleTask>)null!);
        Assert.Throws<ArgumentNullException>(() => new Bitrix24Filter<ExampleTask> { open, null! });
        Assert.Throws<ArgumentNullException>(() => new Bitrix24Select<ExampleTask> { ExampleTaskFields.Id, null! });
        Assert.ThrowsAny<ArgumentException>(() => new Bitrix24FilterField<ExampleTask, string>("name", Serialization.Bitrix24Converters.String).EqualTo(null!));
    }

    [Fact]
    public void A_request_read_from_json_keeps_its_filter_and_select_and_writes_them_back_the_same()
    {
        const string Json = """{"select":["id","responsible.name"],"filter":[["status","=","NEW"],{"logic":"or","negative":true,"conditions":[["id","in",[1,2]],["id","between",[3,5]]]}],"pagination":{"page":2,"limit":10}}""";
        var info = (JsonTypeInfo<ExampleTaskListRequest>)Bitrix24JsonContext.Default.GetTypeInfo(typeof(ExampleTaskListRequest))!;

        var request = JsonSerializer.Deserialize(Json, info)!;

        Assert.Equal(2, request.Filter!.Count);
        Assert.Equal(["id", "responsible.name"], request.Select!.Select(field => field.Path));
        Assert.Null(request.AdditionalProperties);
        JsonAssert.Equal(Json, JsonSerializer.Serialize(request, info));
    }

    [Fact]
    public async Task A_call_sends_the_filter_and_select_in_its_json_body()
    {
        var portal = new Portal(pageSize: 0);
        using var http = new HttpClient(portal);
        using var connection = new Bitrix24Connection(http, Bitrix24Webhook.Parse(Webhook), new Bitrix24ConnectionOptions { RateLimiter = null });
        var client = new Bitrix24Client(connection);

        await client.Example.Task.ListAsync(
            select: new(ExampleTaskFields.Id, ExampleTaskFields.Responsible.Name),
            filter: new(ExampleTaskFields.Status.EqualTo(ExampleTaskStatus.New), ExampleTaskFields.Id.In(1, 2) | ExampleTaskFields.Id.In(3, 4, 5)));

        var body = Assert.Single(portal.Bodies);
        Assert.Equal("/rest/api/1/querysecretcode/example.task.list", Assert.Single(portal.Paths));
        JsonAssert.Equal(
            """{"select":["id","responsible.name"],"filter":[["status","=","NEW"],{"logic":"or","conditions":[["id","in",[1,2]],["id","in",[3,4,5]]]}]}""",
            body);
    }

    [Fact]
    public async Task The_walk_over_every_page_asks_page_after_page_with_the_same_filter()
    {
        var portal = new Portal(pageSize: Bitrix24Paging.PageSize);
        using var http = new HttpClient(portal);
        using var connection = new Bitrix24Connection(http, Bitrix24Webhook.Parse(Webhook), new Bitrix24ConnectionOptions { RateLimiter = null });
        var client = new Bitrix24Client(connection);
        var request = new ExampleTaskListRequest { Filter = ExampleTaskFields.Id.GreaterThan(1000) };

        var items = await client.Example.Task.ListAllAsync(request).ToListAsync();

        // Two full pages, then a short one.
        Assert.Equal((2 * Bitrix24Paging.PageSize) + 1, items.Count);
        Assert.Equal(
            new[] { 1, 2, 3 },
            portal.Bodies.Select(body => (int)JsonNode.Parse(body)!["pagination"]!["page"]!).ToArray());
        Assert.All(portal.Bodies, body =>
        {
            var sent = JsonNode.Parse(body)!;
            Assert.Equal(Bitrix24Paging.PageSize, (int)sent["pagination"]!["limit"]!);
            JsonAssert.Equal("""[["id",">",1000]]""", sent["filter"]!.ToJsonString());
        });
    }

    /// <summary>Records each call and answers pages of <c>pageSize</c> items, the third one short.</summary>
    private sealed class Portal(int pageSize) : HttpMessageHandler
    {
        public List<string> Bodies { get; } = [];

        public List<string> Paths { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            lock (Bodies)
            {
                Bodies.Add(body);
                Paths.Add(request.RequestUri!.AbsolutePath);
            }

            var count = Bodies.Count < 3 ? pageSize : Math.Min(pageSize, 1);
            var items = string.Join(",", Enumerable.Range(1, count).Select(id => "{\"id\":" + id + "}"));
            var answer = "{\"result\":{\"items\":[" + items + "]}}";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
        }
    }
}
