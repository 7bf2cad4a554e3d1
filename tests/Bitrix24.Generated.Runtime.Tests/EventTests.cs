using System;
using System.Text.Json;
using Bitrix24.Generated.Events;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>An event class declared the way generated code declares one.</summary>
internal sealed class TestEvent : Bitrix24Event<TestEventData>
{
}

internal sealed class TestEventData : Bitrix24Object, IBitrix24Object
{
    private static readonly Bitrix24Fields<TestEventData> s_fields = new(f =>
    [
        f.IntegerString("id", o => o.Id, (o, v) => o.Id = v),
    ]);

    public int? Id { get; set; }

    Bitrix24Fields IBitrix24Object.Fields => s_fields;
}

/// <summary>The runtime's part of events: the auth block keeps its tokens out of logs, and the converter reads a payload.</summary>
public class EventTests
{
    private const string Payload = """
        {"event":"ONCALENDARENTRYADD","event_handler_id":"3","data":{"id":"1414"},"ts":"1734608169",
         "auth":{"access_token":"s6p6eclrvim6da22ft9ch94ekreb52lv","expires_in":"3600","scope":"calendar","domain":"some-domain.bitrix24.com",
         "server_endpoint":"https://oauth.bitrix.info/rest/","status":"F","client_endpoint":"https://some-domain.bitrix24.com/rest/",
         "member_id":"a223c6b3710f85df22e9377d6c4f7553","refresh_token":"4s386p3q0tr8dy89xvmt96234v3dljg8","application_token":"51856fefc120afa4b628cc82d3935cce"}}
        """;

    private static readonly JsonSerializerOptions Options = new() { Converters = { Bitrix24EventConverter<TestEvent, TestEventData>.Instance } };

    [Fact]
    public void The_auth_blocks_text_shows_the_portal_and_no_token()
    {
        var auth = JsonSerializer.Deserialize<TestEvent>(Payload, Options)!.Auth!;

        var text = auth.ToString();

        Assert.Contains("some-domain.bitrix24.com", text, StringComparison.Ordinal);
        Assert.Contains("a223c6b3710f85df22e9377d6c4f7553", text, StringComparison.Ordinal);
        Assert.Contains("https://some-domain.bitrix24.com/rest/", text, StringComparison.Ordinal);
        Assert.DoesNotContain(auth.AccessToken!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(auth.RefreshToken!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(auth.ApplicationToken!, text, StringComparison.Ordinal);
        Assert.DoesNotContain("token", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_payload_reads_with_every_value_as_text()
    {
        var read = JsonSerializer.Deserialize<TestEvent>(Payload, Options)!;

        Assert.Equal("ONCALENDARENTRYADD", read.Event);
        Assert.Equal(3, read.EventHandlerId);
        Assert.Equal(1414, read.Data.Id);
        Assert.Equal(new DateTimeOffset(2024, 12, 19, 11, 36, 9, TimeSpan.Zero), read.Ts);
        Assert.Equal(3600, read.Auth!.ExpiresIn);
        Assert.Equal("F", read.Auth.Status);
        Assert.Equal("https://oauth.bitrix.info/rest/", read.Auth.ServerEndpoint);
    }

    [Theory]
    [InlineData("""{"event":"X","ts":"soon"}""")]
    [InlineData("""{"event":"X","auth":"none"}""")]
    [InlineData("""["event"]""")]
    public void A_malformed_payload_is_a_json_exception(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TestEvent>(json, Options));
}
