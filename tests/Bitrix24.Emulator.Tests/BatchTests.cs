using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

public class BatchTests
{
    [Fact]
    public async Task Commands_run_in_order_and_report_result_and_time_per_command()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, envelope) = await BatchAsync(http, portal, """
            {"cmd":{"save":"calendar.user.settings.set?settings[view]=week","read":"calendar.user.settings.get"}}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        var result = envelope["result"]!;
        Assert.True((bool)result["result"]!["save"]!);
        Assert.Equal("week", (string?)result["result"]!["read"]!["view"]);
        Assert.Equal("[]", result["result_error"]!.ToJsonString());
        Assert.Equal("[]", result["result_total"]!.ToJsonString());
        Assert.Equal("[]", result["result_next"]!.ToJsonString());
        Assert.Equal(new[] { "save", "read" }, result["result_time"]!.AsObject().Select(p => p.Key));
        Assert.NotNull(result["result_time"]!["read"]!["duration"]);
        Assert.NotNull(envelope["time"]);
    }

    [Fact]
    public async Task A_command_can_use_an_earlier_result()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (_, envelope) = await BatchAsync(http, portal, """
            {"cmd":{
              "first":"calendar.user.settings.set?settings%5Bview%5D=day",
              "read":"calendar.user.settings.get",
              "copy":"calendar.user.settings.set?settings[sendFromEmail]=view-was-$result[read][view]&settings[sendFromEmailList]=$result[read][defaultReminders][withTime]",
              "check":"calendar.user.settings.get"}}
            """);

        var check = envelope["result"]!["result"]!["check"]!;
        Assert.Equal("view-was-day", (string?)check["sendFromEmail"]);
        // A value that is only a reference takes the referenced list whole, its values as a query carries them.
        Assert.Equal("""[{"type":"min","count":"15"}]""", check["sendFromEmailList"]!.ToJsonString());
    }

    [Fact]
    public async Task A_reference_is_the_text_of_the_earlier_result_as_in_a_query_string()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        const string add = "calendar.event.add?type=user&ownerId=1&name=Meet&from=2024-12-02&to=2024-12-02&section=";

        var (_, envelope) = await BatchAsync(http, portal, """
            {"cmd":{
              "section":"calendar.section.add?type=user&ownerId=1&name=Work",
              "sections":"calendar.section.get?type=user&ownerId=1",
              "by_number":"ADD$result[section]",
              "by_path":"ADD$result[sections][0][ID]",
              "missing":"ADD$result[nothing][0]",
              "beyond":"ADD$result[sections][5][ID]"}}
            """.Replace("ADD", add, StringComparison.Ordinal));

        var result = envelope["result"]!;
        // The section's id is the number 1; in a query it is the text "1", which passes for an integer.
        Assert.Equal(1, (int)result["result"]!["section"]!);
        Assert.NotNull(result["result"]!["by_number"]);
        Assert.NotNull(result["result"]!["by_path"]);
        Assert.Equal(new[] { "missing", "beyond" }, result["result_error"]!.AsObject().Select(p => p.Key));
        // A reference to nothing stays as written.
        Assert.Contains("\"$result[nothing][0]\"", (string?)result["result_error"]!["missing"]!["error_description"], StringComparison.Ordinal);
        Assert.Contains("\"$result[sections][5][ID]\"", (string?)result["result_error"]!["beyond"]!["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reference_to_a_list_takes_it_whole_with_its_values_as_texts()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (_, envelope) = await BatchAsync(http, portal, """
            {"cmd":{
              "read":"calendar.user.settings.get",
              "copy":"calendar.user.settings.set?settings[sendFromEmailList]=$result[read][defaultReminders][fullDay]&settings[sendFromEmail]=$result[read][showDeclined]",
              "check":"calendar.user.settings.get"}}
            """);

        var check = envelope["result"]!["result"]!["check"]!;
        Assert.Equal("""[{"type":"min","count":"15"}]""", check["sendFromEmailList"]!.ToJsonString());
        // true, as PHP writes it into text.
        Assert.Equal("1", (string?)check["sendFromEmail"]);
    }

    [Fact]
    public async Task Errors_are_tied_to_their_command_and_halt_stops_at_the_first()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        const string commands = "\"cmd\":{\"bad\":\"calendar.user.settings.set\",\"missing\":\"calendar.nothing\",\"good\":\"calendar.settings.get\"}";

        var (_, goOn) = await BatchAsync(http, portal, "{" + commands + ",\"halt\":0}");
        var (_, halted) = await BatchAsync(http, portal, "{" + commands + ",\"halt\":1}");

        var errors = goOn["result"]!["result_error"]!;
        Assert.Equal("", (string?)errors["bad"]!["error"]);
        Assert.Contains("\"settings\"", (string?)errors["bad"]!["error_description"], StringComparison.Ordinal);
        Assert.Equal("ERROR_METHOD_NOT_FOUND", (string?)errors["missing"]!["error"]);
        Assert.NotNull(goOn["result"]!["result"]!["good"]);

        Assert.Equal(new[] { "bad" }, halted["result"]!["result_error"]!.AsObject().Select(p => p.Key));
        Assert.Equal("[]", halted["result"]!["result"]!.ToJsonString());
    }

    [Fact]
    public async Task Commands_given_as_a_list_come_back_as_lists()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (_, envelope) = await BatchAsync(http, portal, """{"cmd":["calendar.settings.get","calendar.user.settings.get"]}""");

        var results = Assert.IsType<JsonArray>(envelope["result"]!["result"]);
        Assert.Equal(2, results.Count);
        Assert.Equal("MO", (string?)results[0]!["week_start"]);
    }

    [Fact]
    public async Task More_than_50_commands_are_refused()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        var commands = string.Join(",", Enumerable.Range(0, 51).Select(i => "\"c" + i + "\":\"calendar.settings.get\""));

        var (status, envelope) = await BatchAsync(http, portal, "{\"cmd\":{" + commands + "}}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ERROR_BATCH_LENGTH_EXCEEDED", (string?)envelope["error"]);
    }

    [Fact]
    public async Task A_batch_inside_a_batch_is_not_allowed()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (_, envelope) = await BatchAsync(http, portal, """{"cmd":{"inner":"batch?cmd[x]=calendar.settings.get"}}""");

        Assert.Equal("ERROR_BATCH_METHOD_NOT_ALLOWED", (string?)envelope["result"]!["result_error"]!["inner"]!["error"]);
    }

    [Fact]
    public async Task A_batch_is_one_request_for_the_rate_limit()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = new Bitrix24RateLimit(2, 0.001) });
        using var http = new HttpClient();
        var commands = string.Join(",", Enumerable.Range(0, 10).Select(i => "\"c" + i + "\":\"calendar.settings.get\""));

        var (first, _) = await BatchAsync(http, portal, "{\"cmd\":{" + commands + "}}");
        var (second, _) = await BatchAsync(http, portal, "{\"cmd\":{" + commands + "}}");
        var (third, _) = await BatchAsync(http, portal, "{\"cmd\":{" + commands + "}}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable), (first, second, third));
    }

    private static async Task<(HttpStatusCode Status, JsonNode Envelope)> BatchAsync(HttpClient http, Bitrix24Emulator portal, string json)
    {
        var response = await http.PostAsync(new Uri(portal.WebhookUrl, "batch"), new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
