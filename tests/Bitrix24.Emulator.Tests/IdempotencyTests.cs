using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

/// <summary>REST 3.0 writes with an <c>Idempotency-Key</c>: run once, answered again from the store for 24 hours.</summary>
public class IdempotencyTests
{
    private const string NewDocument = """{"fields":{"collectionId":42,"title":"Chapter 1"}}""";

    [Fact]
    public async Task The_same_key_and_body_replay_the_stored_answer_without_running()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var first = await CallAsync(http, portal, "note.document.add", NewDocument, "key-1");
        var second = await CallAsync(http, portal, "note.document.add", NewDocument, "key-1");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("key-1", first.Key);
        Assert.Null(first.Replayed);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal("true", second.Replayed);
        Assert.Equal("key-1", second.Key);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(1, await CountAsync(http, portal, (int)JsonNode.Parse(first.Body)!["result"]!["item"]!["id"]!));
    }

    [Fact]
    public async Task Another_key_runs_again()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var first = await CallAsync(http, portal, "note.document.add", NewDocument, "key-1");
        var second = await CallAsync(http, portal, "note.document.add", NewDocument, "key-2");

        Assert.Null(second.Replayed);
        Assert.NotEqual(IdOf(first.Body), IdOf(second.Body));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        await CallAsync(http, portal, "note.document.add", NewDocument, "key-1");
        var reused = await CallAsync(http, portal, "note.document.add", """{"fields":{"collectionId":42,"title":"Chapter 2"}}""", "key-1");

        Assert.Equal((HttpStatusCode)422, reused.Status);
        Assert.Equal("BITRIX_REST_V3_EXCEPTION_IDEMPOTENCYKEYREUSEDEXCEPTION", (string)JsonNode.Parse(reused.Body)!["error"]!["code"]!);
    }

    [Theory]
    [InlineData("")]
    [InlineData("del\u007f")]
    [InlineData("tab\there")]
    public async Task An_invalid_key_is_refused(string key)
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var refused = await CallAsync(http, portal, "note.document.add", NewDocument, key);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("BITRIX_REST_V3_EXCEPTION_INVALIDIDEMPOTENCYKEYEXCEPTION", (string)JsonNode.Parse(refused.Body)!["error"]!["code"]!);
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_refused()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var longest = await CallAsync(http, portal, "note.document.add", NewDocument, new string('k', 255));
        var refused = await CallAsync(http, portal, "note.document.add", NewDocument, new string('k', 256));

        Assert.Equal(HttpStatusCode.OK, longest.Status);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
    }

    [Fact]
    public async Task The_key_is_kept_apart_per_method()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        await CallAsync(http, portal, "note.document.add", NewDocument, "key-1");
        var collection = await CallAsync(http, portal, "note.collection.add", """{"fields":{"name":"Base"}}""", "key-1");

        Assert.Equal(HttpStatusCode.OK, collection.Status);
        Assert.Null(collection.Replayed);
    }

    [Fact]
    public async Task An_error_is_not_stored_and_the_same_key_runs_again()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var failed = await CallAsync(http, portal, "note.document.delete", """{"id":"x"}""", "key-1");
        var again = await CallAsync(http, portal, "note.document.delete", """{"id":"x"}""", "key-1");

        Assert.Equal(HttpStatusCode.BadRequest, failed.Status);
        Assert.Null(again.Replayed);
    }

    [Fact]
    public async Task A_stored_answer_expires_after_24_hours()
    {
        var clock = new ManualClock();
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { TimeProvider = clock });
        using var http = new HttpClient();

        var first = await CallAsync(http, portal, "note.document.add", NewDocument, "key-1");
        clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var within = await CallAsync(http, portal, "note.document.add", NewDocument, "key-1");
        clock.Advance(TimeSpan.FromSeconds(1));
        var after = await CallAsync(http, portal, "note.document.add", NewDocument, "key-1");

        Assert.Equal("true", within.Replayed);
        Assert.Null(after.Replayed);
        Assert.NotEqual(IdOf(first.Body), IdOf(after.Body));
    }

    [Fact]
    public async Task Calls_with_the_same_key_at_once_run_once()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => CallAsync(http, portal, "note.document.add", NewDocument, "key-1")));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        Assert.Single(answers.Select(answer => IdOf(answer.Body)).Distinct());
        Assert.Equal(7, answers.Count(answer => answer.Replayed == "true"));
    }

    [Fact]
    public async Task Reads_and_the_classic_address_ignore_the_key()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        var added = await CallAsync(http, portal, "note.document.add", NewDocument, null);

        var read = await CallAsync(http, portal, "note.document.get", "{\"id\":" + IdOf(added.Body) + "}", "key-1");
        var readAgain = await CallAsync(http, portal, "note.document.get", "{\"id\":" + IdOf(added.Body) + "}", "key-1");
        var classic = await CallAsync(http, portal, portal.WebhookUrl, "calendar.section.add", """{"type":"user","ownerId":1,"name":"A"}""", "key-1");
        var classicAgain = await CallAsync(http, portal, portal.WebhookUrl, "calendar.section.add", """{"type":"user","ownerId":1,"name":"A"}""", "key-1");

        Assert.Null(read.Replayed);
        Assert.Null(readAgain.Replayed);
        Assert.Null(classicAgain.Replayed);
        Assert.NotEqual(classic.Body, classicAgain.Body);
    }

    internal static Task<Answer> CallAsync(HttpClient http, Bitrix24Emulator portal, string method, string json, string? key) =>
        CallAsync(http, portal, portal.Rest3WebhookUrl, method, json, key);

    private static async Task<Answer> CallAsync(HttpClient http, Bitrix24Emulator portal, Uri address, string method, string json, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, method)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        using var response = await http.SendAsync(request);
        return new Answer(
            response.StatusCode,
            await response.Content.ReadAsStringAsync(),
            response.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null,
            response.Headers.TryGetValues("Idempotent-Replayed", out var replayed) ? replayed.Single() : null);
    }

    internal static int IdOf(string body) => (int)JsonNode.Parse(body)!["result"]!["item"]!["id"]!;

    // How many documents have this id: one, or none when it was never made.
    private static async Task<int> CountAsync(HttpClient http, Bitrix24Emulator portal, int id)
    {
        var (status, _) = await Webhook.CallAsync(http, portal.Rest3WebhookUrl, "note.document.get", "{\"id\":" + id + "}");
        return status == HttpStatusCode.OK ? 1 : 0;
    }

    internal sealed record Answer(HttpStatusCode Status, string Body, string? Key, string? Replayed);
    [Fact]
    public async Task Expired_keys_are_swept_away_and_a_key_kept_in_time_still_replays()
    {
        var clock = new ManualClock();
        var store = new Bitrix24.Emulator.Rest3.IdempotencyStore(clock);
        var runs = 0;
        Task<Bitrix24.Emulator.Rest3.StoredAnswer> Run() => Task.FromResult(new Bitrix24.Emulator.Rest3.StoredAnswer(200, "{\"result\":" + ++runs + "}"));

        for (var i = 0; i < 300; i++)
        {
            await store.RunOnceAsync("old-" + i, "{}", Run, default);
        }

        clock.Advance(TimeSpan.FromHours(23));
        await store.RunOnceAsync("kept", "{}", Run, default);
        clock.Advance(TimeSpan.FromHours(1));
        for (var i = 0; i < 300; i++)
        {
            await store.RunOnceAsync("new-" + i, "{}", Run, default);
        }

        // The 300 keys of a day ago are gone; the one stored an hour ago still answers for itself.
        Assert.InRange(store.Count, 301, 345);
        var (replay, answer) = await store.RunOnceAsync("kept", "{}", Run, default);
        Assert.Equal(Bitrix24.Emulator.Rest3.IdempotentRun.Replayed, replay);
        Assert.Equal("{\"result\":301}", answer!.Body);
    }
}
