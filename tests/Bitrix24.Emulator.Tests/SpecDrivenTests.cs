using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

/// <summary>The portal knows its methods from the same YAML specs the generator reads.</summary>
public sealed class SpecDrivenTests : IDisposable
{
    private const string UserCurrent = """
        method: user.current
        scope: user
        summary: Reads the current user.
        params:
          - name: fields
            type: array
            items: string
        result:
          type: CurrentUser
        types:
          CurrentUser:
            kind: object
            properties:
              - name: ID
                type: integer-string
        examples:
          - name: Read
            status: 200
            response: '{"result":{"ID":"1","NAME":"Anna"},"time":{"start":1,"finish":2,"duration":1,"processing":0.5,"date_start":"2024-12-04T13:22:45+00:00","date_finish":"2024-12-04T13:22:45+00:00"}}'
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("b24-specs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_shipped_specs_are_served_by_default()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();

        Assert.Contains("calendar.user.settings.set", portal.SpecifiedMethods);
        Assert.Contains("calendar.settings.get", portal.SpecifiedMethods);
    }

    [Fact]
    public async Task Every_shipped_spec_is_served_whatever_its_file_name_looks_like()
    {
        // "lists.get.iblock.type.id.yaml" ends like a resource for the culture "id"; it must still be served.
        var shipped = Directory.GetFiles(Path.Combine(Repository.Root, "specs"), "*.yaml", SearchOption.AllDirectories)
            // A scope's events/ folder holds event specs, which are posted by the portal, not served.
            .Where(path => Path.GetFileName(Path.GetDirectoryName(path)) != "events")
            .Select(Path.GetFileNameWithoutExtension)
            // A method both API versions serve has a second spec, tasks.task.add.v3.yaml: one method name.
            .Select(name => name!.EndsWith(".v3", StringComparison.Ordinal) ? name[..^3] : name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();

        await using var portal = await Bitrix24Emulator.StartAsync();

        Assert.Contains("lists.get.iblock.type.id", shipped);
        Assert.Equal(shipped, portal.SpecifiedMethods.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("""{"settings":{"view":"year"}}""", "settings[view]", "one of day, week, month, list")]
    [InlineData("""{"settings":{"syncPeriodPast":"three"}}""", "settings[syncPeriodPast]", "an integer")]
    [InlineData("""{"settings":{"collapseOffHours":"maybe"}}""", "settings[collapseOffHours]", "Y or N")]
    [InlineData("""{"settings":{"defaultReminders":{"fullDay":[{"type":"week","count":1}]}}}""", "settings[defaultReminders][fullDay][0][type]", "one of min, hour, day")]
    [InlineData("""{"settings":{"defaultSections":{"company1":"4"}}}""", "settings[defaultSections]", "user{id} or group{id}")]
    [InlineData("""{"settings":"all of them"}""", "settings", "an object")]
    public async Task Values_against_the_spec_are_refused_with_a_400(string body, string parameter, string expected)
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var response = await http.PostAsync(new Uri(portal.WebhookUrl, "calendar.user.settings.set"), Json(body));
        var envelope = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("", (string?)envelope["error"]);
        var description = (string)envelope["error_description"]!;
        Assert.Contains("\"" + parameter + "\"", description, StringComparison.Ordinal);
        Assert.Contains(expected, description, StringComparison.Ordinal);
        Assert.Contains("calendar.user.settings.set", description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"id":"first"}""")]
    public async Task An_id_missing_or_not_a_number_gets_the_error_the_spec_documents_for_it(string body)
    {
        // crm.deal.get documents "ID is not defined or invalid" for both, as a portal answers.
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, envelope) = await Webhook.CallAsync(http, portal, "crm.deal.get", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("""{"error":"","error_description":"ID is not defined or invalid"}""", envelope.ToJsonString());
    }

    [Fact]
    public async Task A_meeting_answer_outside_Y_N_Q_is_refused()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var response = await http.PostAsync(new Uri(portal.WebhookUrl, "calendar.meeting.status.set"), Json("{\"eventId\":651,\"status\":\"maybe\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"status\": expected one of Y, N, Q", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_method_without_a_handler_answers_its_spec_example_and_checks_its_parameters()
    {
        File.WriteAllText(Path.Combine(_folder, "user.current.yaml"), UserCurrent);
        var options = new Bitrix24EmulatorOptions();
        options.SpecPaths.Add(_folder);
        await using var portal = await Bitrix24Emulator.StartAsync(options);
        using var http = new HttpClient();

        var ok = await http.PostAsync(new Uri(portal.WebhookUrl, "user.current"), Json("""{"fields":["ID"]}"""));
        var bad = await http.PostAsync(new Uri(portal.WebhookUrl, "user.current"), Json("""{"fields":"ID"}"""));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("""{"ID":"1","NAME":"Anna"}""", JsonNode.Parse(await ok.Content.ReadAsStringAsync())!["result"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(new[] { "user.current" }, portal.SpecifiedMethods);
    }

    [Fact]
    public async Task A_parameter_of_type_any_takes_any_value_and_an_any_result_is_served_as_written()
    {
        File.WriteAllText(Path.Combine(_folder, "app.option.set.yaml"), """
            method: app.option.set
            scope: app
            summary: Saves application options.
            params:
              - name: options
                type: any
                required: true
            result:
              type: any
            examples:
              - name: Save
                status: 200
                response: '{"result":{"saved":[1,"two",null]},"time":{"start":1,"finish":2,"duration":1,"processing":0.5,"date_start":"2024-12-04T13:22:45+00:00","date_finish":"2024-12-04T13:22:45+00:00"}}'
            """);
        var options = new Bitrix24EmulatorOptions();
        options.SpecPaths.Add(_folder);
        await using var portal = await Bitrix24Emulator.StartAsync(options);
        using var http = new HttpClient();

        foreach (var value in new[] { """{"a":{"b":[1]}}""", "[1,\"x\"]", "\"text\"", "12.5", "true" })
        {
            var ok = await http.PostAsync(new Uri(portal.WebhookUrl, "app.option.set"), Json("{\"options\":" + value + "}"));

            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("""{"saved":[1,"two",null]}""", JsonNode.Parse(await ok.Content.ReadAsStringAsync())!["result"]!.ToJsonString());
        }

        var missing = await http.PostAsync(new Uri(portal.WebhookUrl, "app.option.set"), Json("{}"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);

        // JSON null is no value, as the client reads it: a required parameter of type any still needs one.
        var none = await http.PostAsync(new Uri(portal.WebhookUrl, "app.option.set"), Json("{\"options\":null}"));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
    }

    [Fact]
    public async Task Custom_fields_of_an_object_with_user_fields_are_accepted_and_a_named_one_is_checked()
    {
        File.WriteAllText(Path.Combine(_folder, "crm.deal.add.yaml"), """
            method: crm.deal.add
            scope: crm
            summary: Adds a deal.
            params:
              - name: fields
                type: CrmDealFields
                required: true
            result:
              type: integer
            types:
              CrmDealFields:
                kind: object
                userFields: UF_
                properties:
                  - name: TITLE
                    type: string
                  - name: UF_CRM_PRIORITY
                    type: integer
            examples:
              - name: Add
                status: 200
                response: '{"result":7,"time":{"start":1,"finish":2,"duration":1,"processing":0.5,"date_start":"2024-12-04T13:22:45+00:00","date_finish":"2024-12-04T13:22:45+00:00"}}'
            """);
        var options = new Bitrix24EmulatorOptions();
        options.SpecPaths.Add(_folder);
        await using var portal = await Bitrix24Emulator.StartAsync(options);
        using var http = new HttpClient();

        var (status, _) = await Webhook.CallAsync(http, portal, "crm.deal.add", """{"fields":{"TITLE":"Deal","UF_CRM_PRIORITY":2,"UF_CRM_1721244482250":"Hello","UF_CRM_LIST":[1,{"a":null}]}}""");
        var (badStatus, bad) = await Webhook.CallAsync(http, portal, "crm.deal.add", """{"fields":{"TITLE":"Deal","UF_CRM_PRIORITY":"high"}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Contains("\"fields[UF_CRM_PRIORITY]\"", (string?)bad["error_description"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-01-01", true)]
    [InlineData("2025-01-01T10:00:00+03:00", true)]
    [InlineData("11.11.2001", true)]
    [InlineData("11.11.2001 10:30:00", true)]
    [InlineData("11/30/2001", false)]
    [InlineData("tomorrow", false)]
    public async Task A_date_is_read_as_a_portal_reads_it_and_a_documented_list_answer_is_served_whole(string date, bool accepted)
    {
        File.WriteAllText(Path.Combine(_folder, "shop.order.list.yaml"), """
            method: shop.order.list
            scope: shop
            summary: Lists orders.
            params:
              - name: since
                type: date
              - name: until
                type: datetime
            result:
              type: array
              items: any
            examples:
              - name: List
                status: 200
                response: '{"result":[{"ID":"1"}],"total":51,"next":50,"time":{"start":1,"finish":2,"duration":1,"processing":0.5,"date_start":"2024-12-04T13:22:45+00:00","date_finish":"2024-12-04T13:22:45+00:00"}}'
            """);
        File.WriteAllText(Path.Combine(_folder, "shop.order.delete.yaml"), """
            method: shop.order.delete
            scope: shop
            summary: Deletes an order.
            result:
              type: any
            examples:
              - name: Delete
                status: 200
                response: '{"result":null,"time":{"start":1,"finish":2,"duration":1,"processing":0.5,"date_start":"2024-12-04T13:22:45+00:00","date_finish":"2024-12-04T13:22:45+00:00"}}'
            """);
        var options = new Bitrix24EmulatorOptions { DateFormat = PortalDateFormat.DayFirst };
        options.SpecPaths.Add(_folder);
        await using var portal = await Bitrix24Emulator.StartAsync(options);
        using var http = new HttpClient();

        var (status, envelope) = await Webhook.CallAsync(http, portal, "shop.order.list", "{\"since\":\"" + date + "\",\"until\":\"" + date + "\"}");
        var (deleted, answer) = await Webhook.CallAsync(http, portal, "shop.order.delete", "{}");

        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.BadRequest, status);
        if (accepted)
        {
            Assert.Equal(51, (int)envelope["total"]!);
            Assert.Equal(50, (int)envelope["next"]!);
        }

        Assert.Equal(HttpStatusCode.OK, deleted);
        Assert.True(answer.AsObject().ContainsKey("result"));
        Assert.Null(answer["result"]);
    }

    [Fact]
    public async Task A_file_parameter_takes_every_form_of_a_file_and_refuses_other_values()
    {
        File.WriteAllText(Path.Combine(_folder, "user.photo.set.yaml"), """
            method: user.photo.set
            scope: user
            summary: Sets a photo.
            params:
              - name: photo
                type: file
                required: true
              - name: logo
                type: file-data
              - name: files
                type: array
                items: file
            result:
              type: boolean
            examples:
              - name: Set
                status: 200
                response: '{"result":true,"time":{"start":1,"finish":2,"duration":1,"processing":0.5,"date_start":"2024-12-04T13:22:45+00:00","date_finish":"2024-12-04T13:22:45+00:00"}}'
            """);
        var options = new Bitrix24EmulatorOptions();
        options.SpecPaths.Add(_folder);
        await using var portal = await Bitrix24Emulator.StartAsync(options);
        using var http = new HttpClient();

        foreach (var value in new[] { "12", "\"12\"", "\"aGVsbG8=\"", """["me.png","aGVsbG8="]""", """{"fileData":["me.png","aGVsbG8="]}""", """{"id":12}""" })
        {
            var body = "{\"photo\":" + value + ",\"logo\":" + value + ",\"files\":[" + value + "]}";
            var ok = await http.PostAsync(new Uri(portal.WebhookUrl, "user.photo.set"), Json(body));

            Assert.True(ok.StatusCode == HttpStatusCode.OK, body + ": " + await ok.Content.ReadAsStringAsync());
        }

        foreach (var (body, parameter) in new[] { ("""{"photo":true}""", "photo"), ("""{"photo":12,"logo":["me.png"]}""", "logo"), ("""{"photo":12,"files":[1.5]}""", "files[0]") })
        {
            var bad = await http.PostAsync(new Uri(portal.WebhookUrl, "user.photo.set"), Json(body));

            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var description = (string)JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["error_description"]!;
            Assert.Contains("\"" + parameter + "\": expected a file", description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_specified_method_without_an_example_or_handler_answers_the_plainest_value_of_its_result_type()
    {
        File.WriteAllText(Path.Combine(_folder, "user.current.yaml"), UserCurrent[..UserCurrent.IndexOf("examples:", StringComparison.Ordinal)]);
        File.WriteAllText(Path.Combine(_folder, "user.count.yaml"), "method: user.count\nscope: user\nsummary: Counts users.\nresult:\n  type: integer\n");
        File.WriteAllText(Path.Combine(_folder, "user.remove.yaml"), "method: user.remove\nscope: user\nsummary: Removes a user.\nresult:\n  type: boolean\n");
        var options = new Bitrix24EmulatorOptions();
        options.SpecPaths.Add(_folder);
        await using var portal = await Bitrix24Emulator.StartAsync(options);
        using var http = new HttpClient();

        var (status, current) = await Webhook.CallAsync(http, portal, "user.current", "{}");
        var (_, count) = await Webhook.CallAsync(http, portal, "user.count", "{}");
        var (_, removed) = await Webhook.CallAsync(http, portal, "user.remove", "{}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("{}", current["result"]!.ToJsonString());
        Assert.Equal(1, (int)count["result"]!);
        Assert.True((bool)removed["result"]!);
    }

    [Fact]
    public async Task A_broken_spec_stops_the_start_with_file_line_and_column()
    {
        var path = Path.Combine(_folder, "broken.yaml");
        File.WriteAllText(path, "method: user.current\nscope: user\nsummary: Reads.\nresult:\n  type: Nobody\n");
        var options = new Bitrix24EmulatorOptions();
        options.SpecPaths.Add(path);

        var exception = await Assert.ThrowsAsync<InvalidDataException>(() => Bitrix24Emulator.StartAsync(options));

        Assert.Contains(path + "(5,9): error B24004", exception.Message, StringComparison.Ordinal);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
