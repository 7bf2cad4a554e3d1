using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

/// <summary>REST 3.0's batch: a JSON array of commands run in order, references to earlier results, all or nothing.</summary>
public class Rest3BatchTests
{
    [Fact]
    public async Task The_documented_shape_answers_each_commands_result_in_order()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        var first = await AddDocumentAsync(http, portal, "Test time 1");
        var second = await AddDocumentAsync(http, portal, "Deadline automation");

        var (status, answer) = await BatchAsync(http, portal.Rest3WebhookUrl, "[{\"method\":\"note.document.get\",\"query\":{\"id\":" + first + "}},{\"method\":\"note.document.get\",\"query\":{\"id\":" + second + "}}]");

        Assert.Equal(HttpStatusCode.OK, status);
        var results = answer["result"]!.AsArray();
        Assert.Equal(2, results.Count);
        Assert.Equal("Test time 1", (string)results[0]!["item"]!["title"]!);
        Assert.Equal(second, (int)results[1]!["item"]!["id"]!);
        Assert.NotNull(answer["time"]);
        Assert.Equal("batch", portal.Requests.Last().Method);
    }

    [Fact]
    public async Task A_ref_takes_a_value_of_an_earlier_result_by_its_alias()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, answer) = await BatchAsync(http, portal.Rest3WebhookUrl, """
            [{"method":"note.document.add","query":{"fields":{"collectionId":3,"title":"Plan"}},"as":"doc"},
             {"method":"note.document.get","query":{"id":{"$ref":"doc.item.id"}}},
             {"method":"note.document.add","query":{"fields":{"collectionId":3,"title":{"$ref":"doc.item.title"},"parentId":{"$ref":"doc.item.id"}}}}]
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        var results = answer["result"]!.AsArray();
        var id = (int)results[0]!["item"]!["id"]!;
        Assert.Equal(id, (int)results[1]!["item"]!["id"]!);
        Assert.Equal("Plan", (string)results[1]!["item"]!["title"]!);
        Assert.Equal("Plan", (string)results[2]!["item"]!["title"]!);
        Assert.Equal(id, (int)results[2]!["item"]!["parentId"]!);
    }

    [Fact]
    public async Task A_ref_array_collects_a_field_across_an_earlier_lists_items()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, answer) = await BatchAsync(http, portal.Rest3WebhookUrl, """
            [{"method":"mail.message.list","query":{},"as":"letters"},
             {"method":"mail.message.movetofolder","query":{"messageIds":{"$refArray":"letters.id"},"action":"spam"}}]
            """);
        var (unresolved, error) = await BatchAsync(http, portal.Rest3WebhookUrl, """
            [{"method":"note.document.add","query":{"fields":{"collectionId":3,"title":"Plan"}},"as":"doc"},
             {"method":"mail.message.movetofolder","query":{"messageIds":{"$refArray":"doc.id"},"action":"spam"}}]
            """);

        // The list's ids went in as the array the method requires: it passed the method's check of its parameters.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, answer["result"]!.AsArray().Count);
        // A single document is no list: the reference has no items to collect from.
        Assert.Equal(HttpStatusCode.BadRequest, unresolved);
        Assert.Contains("doc.id", (string)error["error"]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void References_are_resolved_wherever_they_stand_in_a_query()
    {
        var results = new System.Collections.Generic.Dictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            ["docs"] = JsonNode.Parse("""{"items":[{"id":4,"owner":{"id":1}},{"id":9,"owner":{"id":2}},{"title":"no id"}]}"""),
            ["doc"] = JsonNode.Parse("""{"item":{"id":7,"tags":["a","b"]}}"""),
        };
        var query = JsonNode.Parse("""{"ids":{"$refArray":"docs.id"},"owners":{"$refArray":"docs.owner.id"},"filter":[["id","=",{"$ref":"doc.item.id"}]],"tag":{"$ref":"doc.item.tags.1"},"plain":{"$ref":"doc.item.id","other":1}}""");

        var resolved = Rest3.Batch.Rest3References.Resolve(query, results)!;

        Assert.Equal("""{"ids":[4,9],"owners":[1,2],"filter":[["id","=",7]],"tag":"b","plain":{"$ref":"doc.item.id","other":1}}""", resolved.ToJsonString());
    }

    [Theory]
    [InlineData("""{"$ref":"nobody.item.id"}""", "nobody")]
    [InlineData("""{"$ref":"doc.item.missing"}""", "doc.item.missing")]
    [InlineData("""{"$refArray":"doc"}""", "doc")]
    public async Task An_unknown_alias_or_path_fails_the_batch_with_a_clear_error(string reference, string named)
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, answer) = await BatchAsync(http, portal.Rest3WebhookUrl, """
            [{"method":"note.document.add","query":{"fields":{"collectionId":3,"title":"Plan"}},"as":"doc"},
             {"method":"note.document.get","query":{"id":REFERENCE}}]
            """.Replace("REFERENCE", reference, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BITRIX_REST_V3_EXCEPTION_INVALIDSELECTEXCEPTION", (string)answer["error"]!["code"]!);
        Assert.Contains(named, (string)answer["error"]!["message"]!, StringComparison.Ordinal);
        Assert.Null(answer["result"]);
    }

    [Fact]
    public async Task A_query_that_is_a_reference_must_give_an_object()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, answer) = await BatchAsync(http, portal.Rest3WebhookUrl, """
            [{"method":"note.document.add","query":{"fields":{"collectionId":3,"title":"Plan"}},"as":"doc"},
             {"method":"note.document.get","query":{"$ref":"doc.item.id"}}]
            """);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BITRIX_REST_V3_EXCEPTION_INVALIDSELECTEXCEPTION", (string)answer["error"]!["code"]!);
    }

    [Fact]
    public async Task A_failing_command_fails_the_whole_batch_with_its_rest3_error_and_later_ones_do_not_run()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, answer) = await BatchAsync(http, portal.Rest3WebhookUrl, """
            [{"method":"note.document.get","query":{}},
             {"method":"note.document.add","query":{"fields":{"collectionId":3,"title":"Never"}},"as":"doc"}]
            """);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION", (string)answer["error"]!["code"]!);
        Assert.Equal("id", (string)answer["error"]!["validation"]![0]!["field"]!);
        Assert.Null(answer["result"]);
        // The add after the failing get did not run: the next document made takes the first id.
        Assert.Equal(1, await AddDocumentAsync(http, portal, "First"));
    }

    [Fact]
    public async Task A_classic_method_in_a_rest3_batch_is_not_found()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, answer) = await BatchAsync(http, portal.Rest3WebhookUrl, """[{"method":"calendar.settings.get","query":{}}]""");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("ERROR_METHOD_NOT_FOUND", (string)answer["error"]!["code"]!);
    }

    [Theory]
    [InlineData("""{"halt":0,"cmd":{"a":"note.document.get?id=1"}}""", "BITRIX_REST_V3_EXCEPTION_INVALIDSELECTEXCEPTION")]
    [InlineData("""{"method":"note.document.get"}""", "BITRIX_REST_V3_EXCEPTION_INVALIDJSONEXCEPTION")]
    [InlineData("""[{"query":{}}]""", "BITRIX_REST_V3_EXCEPTION_INVALIDJSONEXCEPTION")]
    [InlineData("""[{"method":"note.document.get","query":[1]}]""", "BITRIX_REST_V3_EXCEPTION_INVALIDJSONEXCEPTION")]
    [InlineData("""[{"method":"note.document.get","query":{"id":1},"as":"a"},{"method":"note.document.get","query":{"id":1},"as":"a"}]""", "BITRIX_REST_V3_EXCEPTION_INVALIDSELECTEXCEPTION")]
    [InlineData("""[{"method":""", "BITRIX_REST_V3_EXCEPTION_INVALIDJSONEXCEPTION")]
    public async Task A_body_that_is_not_an_array_of_commands_is_refused(string body, string code)
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, answer) = await BatchAsync(http, portal.Rest3WebhookUrl, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, (string)answer["error"]!["code"]!);
    }

    [Fact]
    public async Task An_application_sends_its_commands_keyed_by_position_with_its_token_beside_them()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        var tokens = portal.IssueTokens();
        const string Commands = """
            "0":{"method":"note.document.add","query":{"fields":{"collectionId":1,"title":"T"}},"as":"doc"},
            "1":{"method":"note.document.get","query":{"id":{"$ref":"doc.item.id"}}}
            """;

        var (status, answer) = await BatchAsync(http, portal.Rest3Url, "{\"auth\":\"" + tokens.AccessToken + "\"," + Commands + "}");
        var (refused, _) = await BatchAsync(http, portal.Rest3Url, "{" + Commands + "}");
        var (inQuery, _) = await BatchAsync(http, new Uri(portal.Rest3Url, "batch?auth=" + Uri.EscapeDataString(tokens.AccessToken)), "[" + Commands.Replace("\"0\":", string.Empty, StringComparison.Ordinal).Replace("\"1\":", string.Empty, StringComparison.Ordinal) + "]", relative: false);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("T", (string)answer["result"]![1]!["item"]!["title"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, refused);
        // REST 3.0 reads nothing from the query string, a token included.
        Assert.Equal(HttpStatusCode.Unauthorized, inQuery);
        Assert.DoesNotContain(tokens.AccessToken, portal.Requests.First(request => request.Method == "batch").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_batch_with_a_key_runs_once_and_is_replayed()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        var body = """[{"method":"note.document.add","query":{"fields":{"collectionId":1,"title":"Once"}},"as":"doc"},{"method":"note.document.get","query":{"id":{"$ref":"doc.item.id"}}}]""";

        var first = await KeyedBatchAsync(http, portal, body, "batch-key");
        var again = await KeyedBatchAsync(http, portal, body, "batch-key");
        var other = await KeyedBatchAsync(http, portal, body.Replace("Once", "Twice", StringComparison.Ordinal), "batch-key");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Null(first.Replayed);
        Assert.Equal("true", again.Replayed);
        Assert.Equal(first.Body, again.Body);
        Assert.Equal((HttpStatusCode)422, other.Status);
        // One document was made: the next one takes the following id.
        var id = (int)JsonNode.Parse(first.Body)!["result"]![0]!["item"]!["id"]!;
        Assert.Equal(id + 1, await AddDocumentAsync(http, portal, "Next"));
    }

    [Fact]
    public async Task An_applications_write_batch_is_replayed_under_its_key_with_a_renewed_token()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        const string Commands = "\"0\":" + """{"method":"note.document.add","query":{"fields":{"collectionId":1,"title":"Once"}}}""";

        var first = await KeyedBatchAsync(http, portal.Rest3Url, "{\"auth\":\"" + portal.IssueTokens().AccessToken + "\"," + Commands + "}", "app-key");
        var again = await KeyedBatchAsync(http, portal.Rest3Url, "{\"auth\":\"" + portal.IssueTokens().AccessToken + "\"," + Commands + "}", "app-key");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("true", again.Replayed);
        Assert.Equal(first.Body, again.Body);
    }

    [Fact]
    public async Task A_read_only_batch_ignores_the_key()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        var id = await AddDocumentAsync(http, portal, "Read");
        var body = "[{\"method\":\"note.document.get\",\"query\":{\"id\":" + id + "}}]";

        var first = await KeyedBatchAsync(http, portal, body, "read-key");
        var again = await KeyedBatchAsync(http, portal, body, "read-key");

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Null(first.Key);
        Assert.Null(again.Replayed);
    }

    private static async Task<int> AddDocumentAsync(HttpClient http, Bitrix24Emulator portal, string title)
    {
        var (_, added) = await Webhook.CallAsync(http, portal.Rest3WebhookUrl, "note.document.add", "{\"fields\":{\"collectionId\":3,\"title\":\"" + title + "\"}}");
        return (int)added["result"]!["item"]!["id"]!;
    }

    private static async Task<(HttpStatusCode Status, JsonNode Answer)> BatchAsync(HttpClient http, Uri address, string body, bool relative = true)
    {
        using var response = await http.PostAsync(relative ? new Uri(address, "batch") : address, new StringContent(body, Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static Task<IdempotencyTests.Answer> KeyedBatchAsync(HttpClient http, Bitrix24Emulator portal, string body, string key) =>
        KeyedBatchAsync(http, portal.Rest3WebhookUrl, body, key);

    private static async Task<IdempotencyTests.Answer> KeyedBatchAsync(HttpClient http, Uri address, string body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, "batch")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        using var response = await http.SendAsync(request);
        return new IdempotencyTests.Answer(
            response.StatusCode,
            await response.Content.ReadAsStringAsync(),
            response.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null,
            response.Headers.TryGetValues("Idempotent-Replayed", out var replayed) ? replayed.Single() : null);
    }
}
