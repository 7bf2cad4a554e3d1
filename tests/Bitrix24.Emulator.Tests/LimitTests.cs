using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

public class LimitTests
{
    [Fact]
    public async Task The_bucket_lets_a_burst_of_50_through_then_answers_query_limit_exceeded()
    {
        var clock = new ManualClock();
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { TimeProvider = clock });
        using var http = new HttpClient();

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await CallAsync(http, portal)).StatusCode);
        }

        var refused = await CallAsync(http, portal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("QUERY_LIMIT_EXCEEDED", (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]);
        Assert.Equal(1, portal.RefusedRequestCount);

        // Two requests drain away each second.
        var started = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(http, portal)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(http, portal)).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await CallAsync(http, portal)).StatusCode);
        Assert.Equal(2, portal.RefusedRequestCount);

        // Each request is recorded with the time it arrived, on the portal's clock.
        Assert.Equal(54, portal.Requests.Count);
        Assert.All(portal.Requests.Take(51), r => Assert.Equal(started, r.Received));
        Assert.All(portal.Requests.Skip(51), r => Assert.Equal(started + TimeSpan.FromSeconds(1), r.Received));
    }

    [Fact]
    public async Task The_enterprise_limit_is_configurable()
    {
        var clock = new ManualClock();
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { TimeProvider = clock, RateLimit = Bitrix24RateLimit.Enterprise });
        using var http = new HttpClient();

        for (var i = 0; i < 250; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await CallAsync(http, portal)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await CallAsync(http, portal)).StatusCode);
        clock.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await CallAsync(http, portal)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await CallAsync(http, portal)).StatusCode);
    }

    [Fact]
    public async Task Without_a_rate_limit_nothing_is_refused()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        using var http = new HttpClient();

        for (var i = 0; i < 80; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await CallAsync(http, portal)).StatusCode);
        }
    }

    [Fact]
    public async Task A_method_over_its_operating_budget_is_blocked_until_its_oldest_basket_expires()
    {
        var clock = new ManualClock();
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { TimeProvider = clock, OperatingLimit = TimeSpan.FromSeconds(480) });
        portal.SetOperatingCost("calendar.settings.get", TimeSpan.FromSeconds(100));
        using var http = new HttpClient();

        JsonNode? last = null;
        for (var i = 0; i < 5; i++)
        {
            var response = await CallAsync(http, portal);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            last = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            clock.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(500, (double)last!["time"]!["operating"]!);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 9, 10, 0, TimeSpan.Zero).ToUnixTimeSeconds(), (long)last["time"]!["operating_reset_at"]!);

        var blocked = await CallAsync(http, portal);
        Assert.Equal((HttpStatusCode)429, blocked.StatusCode);
        Assert.Equal("OPERATION_TIME_LIMIT", (string?)JsonNode.Parse(await blocked.Content.ReadAsStringAsync())!["error"]);

        // Other methods keep their own budget.
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(http, portal, "calendar.user.settings.get")).StatusCode);

        // Ten minutes after the first basket opened, its 200 seconds are free again.
        clock.Advance(TimeSpan.FromMinutes(8));
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(http, portal)).StatusCode);
    }

    private static Task<HttpResponseMessage> CallAsync(HttpClient http, Bitrix24Emulator portal, string method = "calendar.settings.get") =>
        http.PostAsync(new Uri(portal.WebhookUrl, method), new StringContent("{}", Encoding.UTF8, "application/json"));
}
