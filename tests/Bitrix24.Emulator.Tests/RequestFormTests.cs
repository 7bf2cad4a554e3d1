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

    [Fact]
    public async Task A_php_client_s_form_is_kept_and_answered_as_the_same_call_in_json()
    {
        await using var fromJson = await Bitrix24Emulator.StartAsync();
        await using var fromForm = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        // As PHP's http_build_query writes true, false and numbers: "1", "0" and digits.
        await http.PostAsync(new Uri(fromJson.WebhookUrl, "calendar.user.settings.set"), new StringContent(
            """{"settings":{"showTasks":"Y","collapseOffHours":"N","syncPeriodPast":3,"defaultReminders":{"fullDay":[{"type":"hour","count":2}]}}}""",
            Encoding.UTF8,
            "application/json"));
        await http.PostAsync(new Uri(fromForm.WebhookUrl, "calendar.user.settings.set"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["settings[showTasks]"] = "1",
            ["settings[collapseOffHours]"] = "0",
            ["settings[syncPeriodPast]"] = "3",
            ["settings[defaultReminders][fullDay][0][type]"] = "hour",
            ["settings[defaultReminders][fullDay][0][count]"] = "2",
        }));

        var expected = await GetSettingsAsync(http, fromJson);
        var actual = await GetSettingsAsync(http, fromForm);
        Assert.Equal(expected.ToJsonString(), actual.ToJsonString());
        Assert.Equal(2, (int)actual["defaultReminders"]!["fullDay"]![0]!["count"]!);
        Assert.Equal("Y", (string?)actual["showTasks"]);
    }

    [Fact]
    public async Task A_php_client_s_deal_is_stored_in_the_types_of_the_spec()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var add = await http.PostAsync(new Uri(portal.WebhookUrl, "crm.deal.add"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["fields[TITLE]"] = "From PHP",
            ["fields[OPENED]"] = "1",
            ["fields[PROBABILITY]"] = "40",
            ["fields[OPPORTUNITY]"] = string.Empty,
        }));
        var id = (int)JsonNode.Parse(await add.Content.ReadAsStringAsync())!["result"]!;
        var get = await http.PostAsync(new Uri(portal.WebhookUrl, "crm.deal.get"), new StringContent("{\"id\":" + id + "}", Encoding.UTF8, "application/json"));
        var deal = JsonNode.Parse(await get.Content.ReadAsStringAsync())!["result"]!;

        Assert.Equal("Y", (string?)deal["OPENED"]);
        Assert.Equal("40", (string?)deal["PROBABILITY"]);
        Assert.Equal("From PHP", (string?)deal["TITLE"]);
        Assert.Null(deal["OPPORTUNITY"]);
    }

    private static async Task<JsonObject> GetSettingsAsync(HttpClient http, Bitrix24Emulator portal)
    {
        var response = await http.PostAsync(new Uri(portal.WebhookUrl, "calendar.user.settings.get"), new StringContent("{}", Encoding.UTF8, "application/json"));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["result"]!.AsObject();
    }
}
