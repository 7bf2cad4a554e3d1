using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

/// <summary>The REST 3.0 address: JSON only, the unified envelope, its errors, and which methods it serves.</summary>
public class Rest3Tests
{
    private const string NewDocument = """{"fields":{"collectionId":42,"title":"Chapter 1","markdown":"# Chapter 1"}}""";

    [Fact]
    public async Task A_rest3_write_answers_the_entity_as_item_and_reads_it_back()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, added) = await Webhook.CallAsync(http, portal.Rest3WebhookUrl, "note.document.add", NewDocument);
        var id = (int)added["result"]!["item"]!["id"]!;
        var (_, got) = await Webhook.CallAsync(http, portal.Rest3WebhookUrl, "note.document.get", "{\"id\":" + id + "}");
        var (_, deleted) = await Webhook.CallAsync(http, portal.Rest3WebhookUrl, "note.document.delete", "{\"id\":" + id + "}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(added["time"]);
        Assert.Equal("Chapter 1", (string)got["result"]!["item"]!["title"]!);
        Assert.False(got["result"]!["item"]!.AsObject().ContainsKey("item"));
        Assert.True((bool)deleted["result"]!["result"]!);
    }

    [Fact]
    public async Task The_oauth_form_takes_the_token_from_the_body()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        var tokens = portal.IssueTokens();

        var (status, envelope) = await Webhook.CallAsync(http, portal.Rest3Url, "note.document.add", "{\"fields\":{\"collectionId\":1,\"title\":\"T\"},\"auth\":\"" + tokens.AccessToken + "\"}");
        var (refused, error) = await Webhook.CallAsync(http, portal.Rest3Url, "note.document.add", """{"fields":{"collectionId":1,"title":"T"},"auth":"wrong"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("T", (string)envelope["result"]!["item"]!["title"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, refused);
        Assert.NotNull(error["error"]!["code"]);
        Assert.NotNull(error["error"]!["message"]);
    }

    [Fact]
    public async Task A_wrong_webhook_is_refused_in_the_rest3_shape()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        var wrong = new Uri(portal.BaseAddress, "rest/api/1/not-the-secret/");

        var (status, envelope) = await Webhook.CallAsync(http, wrong, "note.document.get", """{"id":1}""");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("NO_AUTH_FOUND", (string)envelope["error"]!["code"]!);
        Assert.Null(envelope["error_description"]);
    }

    [Theory]
    [InlineData("form")]
    [InlineData("broken")]
    public async Task A_body_that_is_not_a_json_object_is_invalid_json(string body)
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        using HttpContent content = body == "form"
            ? new FormUrlEncodedContent([new("id", "1")])
            : new StringContent("{\"id\":", Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri(portal.Rest3WebhookUrl, "note.document.get"), content);
        var envelope = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BITRIX_REST_V3_EXCEPTION_INVALIDJSONEXCEPTION", (string)envelope["error"]!["code"]!);
    }

    [Fact]
    public async Task A_missing_parameter_is_a_validation_error_naming_the_field()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, envelope) = await Webhook.CallAsync(http, portal.Rest3WebhookUrl, "note.document.get", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION", (string)envelope["error"]!["code"]!);
        Assert.Equal("id", (string)envelope["error"]!["validation"]![0]!["field"]!);
        Assert.Null(envelope["result"]);
    }

    [Fact]
    public async Task Parameters_in_the_query_are_not_read()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, envelope) = await Webhook.CallAsync(http, portal.Rest3WebhookUrl, "note.document.get?id=51", string.Empty);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("id", (string)envelope["error"]!["validation"]![0]!["field"]!);
    }

    [Fact]
    public async Task A_value_of_the_wrong_form_is_a_validation_error()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, envelope) = await Webhook.CallAsync(http, portal.Rest3WebhookUrl, "note.document.get", """{"id":"many"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION", (string)envelope["error"]!["code"]!);
        Assert.Equal("id", (string)envelope["error"]!["validation"]![0]!["field"]!);
    }

    [Theory]
    [InlineData("no.such.method")]
    [InlineData("calendar.section.get")]
    public async Task Unknown_and_classic_methods_are_not_found_at_the_rest3_address(string method)
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, envelope) = await Webhook.CallAsync(http, portal.Rest3WebhookUrl, method, """{"type":"user","ownerId":1}""");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("ERROR_METHOD_NOT_FOUND", (string)envelope["error"]!["code"]!);
        Assert.NotNull(envelope["error"]!["message"]);
    }

    [Fact]
    public async Task A_rest3_method_is_not_found_at_the_classic_address()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, envelope) = await Webhook.CallAsync(http, portal, "note.document.add", NewDocument);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("ERROR_METHOD_NOT_FOUND", (string)envelope["error"]!);
    }
}
