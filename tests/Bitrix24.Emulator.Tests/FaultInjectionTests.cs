using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

public class FaultInjectionTests
{
    [Fact]
    public async Task Each_fault_hits_the_next_calls_and_then_stops()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.InternalServerError), count: 2);

        var first = await CallAsync(http, portal);
        var second = await CallAsync(http, portal);
        var third = await CallAsync(http, portal);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Contains("INTERNAL_SERVER_ERROR", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task A_bad_gateway_page_is_html()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.BadGatewayHtml));

        var response = await CallAsync(http, portal);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Truncated_json_does_not_parse()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.TruncatedJson));

        var response = await CallAsync(http, portal);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(response.Content.ReadAsStream()));
    }

    [Fact]
    public async Task A_delay_holds_the_answer_back()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.Delay, TimeSpan.FromMilliseconds(300)));

        var clock = Stopwatch.StartNew();
        var response = await CallAsync(http, portal);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(250), "answered after " + clock.Elapsed);
    }

    [Fact]
    public async Task A_dropped_connection_gives_no_answer()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.DropConnection));

        await Assert.ThrowsAsync<HttpRequestException>(() => CallAsync(http, portal));
    }

    [Fact]
    public async Task An_answer_dropped_after_running_leaves_the_change_made()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        const string Owner = "{\"type\":\"user\",\"ownerId\":1}";
        var before = (await Webhook.CallAsync(http, portal, "calendar.section.get", Owner)).Envelope["result"]!.AsArray().Count;
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.DropAnswerAfterRunning, Method: "calendar.section.add"));

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(
            new Uri(portal.WebhookUrl, "calendar.section.add"),
            new StringContent("{\"type\":\"user\",\"ownerId\":1,\"name\":\"Lost answer\"}", Encoding.UTF8, "application/json")));
        var after = (await Webhook.CallAsync(http, portal, "calendar.section.get", Owner)).Envelope["result"]!.AsArray();

        Assert.Equal(before + 1, after.Count);
        Assert.Contains(after, section => (string?)section!["NAME"] == "Lost answer");
    }

    [Fact]
    public async Task A_rest3_write_whose_answer_was_dropped_is_replayed_to_the_retry_with_its_key()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        const string Document = """{"fields":{"collectionId":42,"title":"Once"}}""";
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.DropAnswerAfterRunning, Method: "note.document.add"));

        await Assert.ThrowsAsync<HttpRequestException>(() => IdempotencyTests.CallAsync(http, portal, "note.document.add", Document, "retry-key"));
        var retry = await IdempotencyTests.CallAsync(http, portal, "note.document.add", Document, "retry-key");
        var next = await IdempotencyTests.CallAsync(http, portal, "note.document.add", Document, null);

        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.Equal("true", retry.Replayed);
        // Ids are given in turn: the next new document's id is right after the one the lost call made.
        Assert.Equal(IdempotencyTests.IdOf(retry.Body) + 1, IdempotencyTests.IdOf(next.Body));
    }

    [Fact]
    public async Task A_fault_for_one_method_spares_the_others()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.InternalServerError, Method: "calendar.user.settings.get"));

        var other = await CallAsync(http, portal, "calendar.settings.get");
        var hit = await CallAsync(http, portal, "calendar.user.settings.get");

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, hit.StatusCode);
    }

    private static Task<HttpResponseMessage> CallAsync(HttpClient http, Bitrix24Emulator portal, string method = "calendar.settings.get") =>
        http.PostAsync(new Uri(portal.WebhookUrl, method), new StringContent("{}", Encoding.UTF8, "application/json"));
}
