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

    [Fact]
    public async Task A_method_over_its_operating_budget_is_refused_with_operation_time_limit()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { OperatingLimit = TimeSpan.FromSeconds(10) });
        portal.SetOperatingCost("calendar.settings.get", TimeSpan.FromSeconds(6));
        using var test = TestClient.WithoutRetries(portal);

        var first = await test.Client.Calendar.Settings.GetAsync();
        await test.Client.Calendar.Settings.GetAsync();
        var exception = await Assert.ThrowsAsync<Bitrix24ApiException>(() => test.Client.Calendar.Settings.GetAsync());

        Assert.Equal(6, first.Time!.Operating);
        Assert.NotNull(first.Time.OperatingResetAt);
        Assert.Equal(Bitrix24ErrorCode.OperationTimeLimit, exception.Code);
        Assert.Equal((HttpStatusCode)429, exception.StatusCode);
    }

    [Fact]
    public async Task A_value_the_spec_does_not_allow_is_refused_by_the_portal()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var test = TestClient.WithoutRetries(portal);
        using var year = System.Text.Json.JsonDocument.Parse("\"year\"");

        // The typed API cannot send a wrong view; extra fields can, and the portal checks them.
        var settings = new Calendar.CalendarUserSettings { AdditionalProperties = new System.Collections.Generic.Dictionary<string, System.Text.Json.JsonElement> { ["view"] = year.RootElement.Clone() } };
        var exception = await Assert.ThrowsAsync<Bitrix24ApiException<Calendar.CalendarUserSettingsSetError>>(() => test.Client.Calendar.User.Settings.SetAsync(settings));

        Assert.Null(exception.Error);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Contains("settings[view]", exception.Description, StringComparison.Ordinal);
    }
}
