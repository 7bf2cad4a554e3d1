using System;
using System.Globalization;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.OAuth;

namespace Bitrix24.Emulator.Events;

/// <summary>
/// What the portal posts to an application's handlers: <c>event</c>, <c>event_handler_id</c>, <c>data</c>,
/// <c>ts</c> and the <c>auth</c> block with the portal's identity, the <c>application_token</c> and, unless the
/// application is gone, fresh tokens — in the order of the documented payloads.
/// </summary>
internal sealed class EventPayloads
{
    private readonly string _memberId;
    private readonly string _applicationToken;
    private readonly Func<Uri> _portal;
    private readonly TimeProvider _time;

    /// <param name="memberId">The portal's <c>member_id</c>.</param>
    /// <param name="applicationToken">The application's <c>application_token</c>.</param>
    /// <param name="portal">The portal's address, known once it listens.</param>
    /// <param name="time">The portal's clock, for <c>ts</c> and <c>expires_in</c>.</param>
    public EventPayloads(string memberId, string applicationToken, Func<Uri> portal, TimeProvider time)
    {
        _memberId = memberId;
        _applicationToken = applicationToken;
        _portal = portal;
        _time = time;
    }

    public string MemberId => _memberId;

    /// <summary>The portal's address.</summary>
    public Uri Portal => _portal();

    public string ApplicationToken => _applicationToken;

    /// <summary>The payload of one event for one handler.</summary>
    /// <param name="eventName">The event.</param>
    /// <param name="handlerId">The binding's id, or null when the post answers no binding (install, uninstall).</param>
    /// <param name="data">The event's <c>data</c>.</param>
    /// <param name="tokens">The tokens the handler gets, or null for none (after uninstalling).</param>
    /// <param name="scope">The scope the tokens are said to cover.</param>
    public JsonObject Event(string eventName, int? handlerId, JsonNode data, Bitrix24Tokens? tokens, string scope)
    {
        var payload = new JsonObject { ["event"] = eventName };
        if (handlerId is { } id)
        {
            payload["event_handler_id"] = id.ToString(CultureInfo.InvariantCulture);
        }

        payload["data"] = data.DeepClone();
        payload["ts"] = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        payload["auth"] = Auth(tokens, scope);
        return payload;
    }

    /// <summary>The <c>auth</c> block; without tokens only the portal's identity and the application token.</summary>
    public JsonObject Auth(Bitrix24Tokens? tokens, string scope)
    {
        var portal = _portal();
        var rest = new Uri(portal, "rest/").ToString();
        var auth = new JsonObject();
        if (tokens is not null)
        {
            auth["access_token"] = tokens.AccessToken;
            auth["expires_in"] = ExpiresIn(tokens).ToString(CultureInfo.InvariantCulture);
            auth["scope"] = scope;
        }

        auth["domain"] = portal.Authority;
        // The emulator is its own authorization server: its token endpoint answers the refresh.
        auth["server_endpoint"] = rest;
        if (tokens is not null)
        {
            auth["status"] = "L";
        }

        auth["client_endpoint"] = rest;
        auth["member_id"] = _memberId;
        if (tokens is not null)
        {
            auth["refresh_token"] = tokens.RefreshToken;
        }

        auth["application_token"] = _applicationToken;
        return auth;
    }

    public long ExpiresIn(Bitrix24Tokens tokens) => (long)Math.Round((tokens.ExpiresAt - _time.GetUtcNow()).TotalSeconds);
}
