using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated;
using Bitrix24.Generated.Calendar;
using Bitrix24.Generated.Crm;
using EventsApp;

namespace Bitrix24.EventsApp.Tests;

/// <summary>The emulator installs the sample application and sends it events, all over HTTP on 127.0.0.1.</summary>
public class EventsAppTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_install_stores_the_portal_with_its_application_token_and_finishes_in_the_page()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var installed = await InstalledApp.StartAsync(timeout.Token);

        Assert.Equal(200, installed.Install.InstallStatus);
        Assert.Contains("installFinish", installed.Install.InstallBody, StringComparison.Ordinal);
        Assert.Equal(200, installed.Install.EventStatus);
        var portal = await installed.Store.GetAsync(installed.Portal.MemberId, timeout.Token);
        Assert.NotNull(portal);
        Assert.Equal(installed.Portal.ApplicationToken, portal.ApplicationToken);
        Assert.Equal(installed.Portal.RestUrl, portal.ClientEndpoint);
    }

    [Fact]
    public async Task The_install_binds_the_declared_events_to_the_applications_handler()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var installed = await InstalledApp.StartAsync(timeout.Token);

        var bound = await CallAsync(installed, "event.get", new JsonObject(), timeout.Token);

        var handlers = bound.AsArray().Select(b => (Event: (string)b!["event"]!, Handler: (string)b!["handler"]!)).ToList();
        Assert.Equal(
            new[] { "ONAPPUNINSTALL", "ONCALENDARENTRYADD", "ONCRMDEALADD" },
            handlers.Select(h => h.Event.ToUpperInvariant()).OrderBy(e => e, StringComparer.Ordinal));
        Assert.All(handlers.Where(h => h.Event != "ONAPPUNINSTALL"), h => Assert.Equal(installed.EventsUrl, new Uri(h.Handler)));

        // The uninstall goes where the install did, which removes the portal.
        Assert.Equal(new Uri(installed.Address, EventsAppHost.InstallPath.TrimStart('/')), new Uri(handlers.Single(h => h.Event == "ONAPPUNINSTALL").Handler));
    }

    [Fact]
    public async Task A_new_calendar_event_arrives_typed_and_the_handler_reads_it_back()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var installed = await InstalledApp.StartAsync(timeout.Token);
        var client = await installed.ClientAsync(timeout.Token);

        var start = new DateTime(2026, 12, 2, 10, 0, 0);
        int id = await client.Calendar.Event.AddAsync(CalendarEventOwnerType.User, 1, "Kick-off", start, start.AddHours(1), cancellationToken: timeout.Token);

        var read = await installed.ReadBack.WaitForAsync(OnCalendarEntryAdd.EventName, id, timeout.Token);
        Assert.Equal("Kick-off", read.Name);
        Assert.Equal(installed.Portal.MemberId, read.MemberId);
    }

    [Fact]
    public async Task A_new_deal_arrives_typed_and_the_handler_reads_it_back()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var installed = await InstalledApp.StartAsync(timeout.Token);
        var client = await installed.ClientAsync(timeout.Token);

        int id = await client.Crm.Deal.AddAsync(new CrmDealAddFields { Title = "Website redesign" }, cancellationToken: timeout.Token);

        var read = await installed.ReadBack.WaitForAsync(OnCrmDealAdd.EventName, id, timeout.Token);
        Assert.Equal("Website redesign", read.Name);
    }

    [Fact]
    public async Task An_event_with_a_forged_application_token_is_refused_with_401_and_runs_no_handler()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var installed = await InstalledApp.StartAsync(timeout.Token);
        using var http = new HttpClient();

        using var forged = await http.PostAsync(installed.EventsUrl, Form(installed.Portal.MemberId, "0123456789abcdef0123456789abcdef"), timeout.Token);
        using var genuine = await http.PostAsync(installed.EventsUrl, Form(installed.Portal.MemberId, installed.Portal.ApplicationToken), timeout.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);

        // The genuine post names a deal the portal does not have, so its handler fails; the forged one never ran.
        await Task.Delay(200, timeout.Token);
        Assert.Empty(installed.ReadBack.Entries);
    }

    [Fact]
    public async Task The_uninstall_removes_the_portal_and_its_events_are_refused_afterwards()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var installed = await InstalledApp.StartAsync(timeout.Token);
        using var http = new HttpClient();

        await installed.Portal.UninstallApplicationAsync(timeout.Token);

        Assert.Null(await installed.Store.GetAsync(installed.Portal.MemberId, timeout.Token));
        Assert.Contains(installed.Portal.EventDeliveries, d => d.EventName == "ONAPPUNINSTALL" && d.StatusCode == 200);
        using var late = await http.PostAsync(installed.EventsUrl, Form(installed.Portal.MemberId, installed.Portal.ApplicationToken), timeout.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
    }

    [Theory]
    [InlineData("application/json", "{\"event\": \"ONCRMDEALADD\", \"data\": ")]
    [InlineData("application/json", "[1, 2, 3]")]
    [InlineData("application/x-www-form-urlencoded", "data%5BFIELDS%5D%5BID%5D=1")]
    [InlineData("application/x-www-form-urlencoded", "event=ONNOSUCHEVENT&data%5Bid%5D=1")]
    public async Task A_malformed_body_or_an_unknown_event_gets_400_with_a_message(string contentType, string body)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var installed = await InstalledApp.StartAsync(timeout.Token);
        using var http = new HttpClient();

        using var answer = await http.PostAsync(installed.EventsUrl, new StringContent(body, Encoding.UTF8, contentType), timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await answer.Content.ReadAsStringAsync(timeout.Token)));
    }

    private static FormUrlEncodedContent Form(string memberId, string applicationToken) => new(new Dictionary<string, string>
    {
        ["event"] = "ONCRMDEALADD",
        ["event_handler_id"] = "1",
        ["data[FIELDS][ID]"] = "999999",
        ["ts"] = "1735374081",
        ["auth[domain]"] = "127.0.0.1",
        ["auth[member_id]"] = memberId,
        ["auth[application_token]"] = applicationToken,
    });

    internal static async Task<JsonNode> CallAsync(InstalledApp installed, string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        var connection = await installed.ConnectionAsync(cancellationToken);
        var answer = await connection.CallAsync(method, parameters, NodeJson.Default.JsonObject, NodeJson.Default.JsonNode, cancellationToken);
        return answer.Value!;
    }
}
