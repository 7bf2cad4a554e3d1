using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

/// <summary>The portal accepts every request form real clients send.</summary>
public class RequestFormTests
{
    [Fact]
    public async Task A_urlencoded_body_with_nested_keys_sets_settings()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["settings[view]"] = "week",
            ["settings[defaultReminders][fullDay][0][type]"] = "hour",
            ["settings[defaultReminders][fullDay][0][count]"] = "2",
        });
        var set = await http.PostAsync(new Uri(portal.WebhookUrl, "calendar.user.settings.set"), form);
        var settings = await GetSettingsAsync(http, portal);

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("week", (string?)settings["view"]);
        Assert.Equal("hour", (string?)settings["defaultReminders"]!["fullDay"]![0]!["type"]);
    }

    [Fact]
    public async Task A_multipart_body_works_too()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        using var form = new MultipartFormDataContent
        {
            { new StringContent("list"), "settings[view]" },
            { new StringContent("Y"), "settings[showWeekNumbers]" },
        };
        var set = await http.PostAsync(new Uri(portal.WebhookUrl, "calendar.user.settings.set.json"), form);
        var settings = await GetSettingsAsync(http, portal);

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("list", (string?)settings["view"]);
        Assert.Equal("Y", (string?)settings["showWeekNumbers"]);
    }

    [Fact]
    public async Task Get_with_a_query_string_and_the_json_suffix()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var set = await http.GetAsync(new Uri(portal.WebhookUrl, "calendar.user.settings.set.json?settings[view]=day&settings[syncPeriodPast]=6"));
        var settings = await GetSettingsAsync(http, portal);

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("day", (string?)settings["view"]);
        Assert.Equal("6", (string?)settings["syncPeriodPast"]);
        Assert.Equal("GET", portal.Requests[0].HttpMethod);
    }

    [Fact]
    public async Task A_json_body_answers_with_the_full_envelope()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var response = await http.PostAsync(new Uri(portal.WebhookUrl, "calendar.user.settings.set"), new StringContent("""{"settings":{"view":"month"}}""", Encoding.UTF8, "application/json"));
        var envelope = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((bool)envelope["result"]!);
        var time = envelope["time"]!.AsObject();
        foreach (var field in new[] { "start", "finish", "duration", "processing", "date_start", "date_finish", "operating_reset_at", "operating" })
        {
            Assert.True(time.ContainsKey(field), "time lacks " + field);
        }

        Assert.True((double)time["finish"]! >= (double)time["start"]!);
    }

    [Fact]
    public async Task A_missing_required_parameter_gets_the_documented_envelope()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var response = await http.PostAsync(new Uri(portal.WebhookUrl, "calendar.user.settings.set"), new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // Byte for byte the documented error envelope.
        Assert.Equal("""{"error":"","error_description":"The required parameter \"settings\" for the method \"calendar.user.settings.set\" is not set"}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("rest/1/wrong/calendar.settings.get", HttpStatusCode.Unauthorized, "NO_AUTH_FOUND")]
    [InlineData("rest/2/{secret}/calendar.settings.get", HttpStatusCode.Unauthorized, "NO_AUTH_FOUND")]
    [InlineData("rest/1/{secret}/calendar.nothing", HttpStatusCode.NotFound, "ERROR_METHOD_NOT_FOUND")]
    public async Task Wrong_auth_and_unknown_methods_get_system_errors(string path, HttpStatusCode status, string code)
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { WebhookSecret = "s3cret" });
        using var http = new HttpClient();

        var response = await http.PostAsync(new Uri(portal.BaseAddress, path.Replace("{secret}", "s3cret", StringComparison.Ordinal)), new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]);
    }

    private static async Task<JsonObject> GetSettingsAsync(HttpClient http, Bitrix24Emulator portal)
    {
        var response = await http.PostAsync(new Uri(portal.WebhookUrl, "calendar.user.settings.get"), new StringContent("{}", Encoding.UTF8, "application/json"));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["result"]!.AsObject();
    }
}
