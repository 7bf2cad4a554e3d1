using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Bitrix24.Emulator;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>Injected portal faults surface from the generated client as the documented typed exceptions (retries off).</summary>
public class FaultTests
{
    [Fact]
    public async Task A_500_is_an_api_exception_with_the_system_code()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.InternalServerError));
        using var test = TestClient.WithoutRetries(portal);
        var client = test.Client;

        var exception = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.Calendar.Settings.GetAsync());

        Assert.Equal(Bitrix24ErrorCode.InternalServerError, exception.Code);
        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
    }

    [Theory]
    [InlineData(Bitrix24FaultKind.BadGatewayHtml, HttpStatusCode.BadGateway)]
    [InlineData(Bitrix24FaultKind.TruncatedJson, HttpStatusCode.OK)]
    public async Task Broken_bodies_are_format_exceptions(Bitrix24FaultKind kind, HttpStatusCode status)
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.InjectFault(new Bitrix24Fault(kind));
        using var test = TestClient.WithoutRetries(portal);
        var client = test.Client;

        var exception = await Assert.ThrowsAsync<Bitrix24ResponseFormatException>(() => client.Calendar.User.Settings.GetAsync());

        Assert.Equal("calendar.user.settings.get", exception.Method);
        Assert.Equal(status, exception.StatusCode);
    }

    [Fact]
    public async Task A_dropped_connection_is_a_transport_exception()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.DropConnection));
        using var test = TestClient.WithoutRetries(portal);
        var client = test.Client;

        var exception = await Assert.ThrowsAsync<Bitrix24TransportException>(() => client.Calendar.Settings.GetAsync());

        Assert.Equal("calendar.settings.get", exception.Method);
        Assert.DoesNotContain(portal.WebhookUrl.Segments[3].TrimEnd('/'), exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_portal_slower_than_the_timeout_is_a_transport_exception()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.Delay, TimeSpan.FromSeconds(5)));
        using var test = TestClient.WithoutRetries(portal, TimeSpan.FromMilliseconds(200));
        var client = test.Client;

        var exception = await Assert.ThrowsAsync<Bitrix24TransportException>(() => client.Calendar.Settings.GetAsync());

        Assert.Contains("no answer within", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_the_burst_the_portal_answers_query_limit_exceeded()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = new Bitrix24RateLimit(5, 0.001) });
        using var test = TestClient.WithoutRetries(portal);
        var client = test.Client;

        for (var i = 0; i < 5; i++)
        {
            await client.Calendar.Settings.GetAsync();
        }

        var exception = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.Calendar.Settings.GetAsync());

        Assert.Equal(Bitrix24ErrorCode.QueryLimitExceeded, exception.Code);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
    }
}
