using System;
using System.Linq;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Specs;
using static Bitrix24.Emulator.Handlers.CallValues;

namespace Bitrix24.Emulator.Events;

/// <summary>
/// <c>event.bind</c>, <c>event.unbind</c> and <c>event.get</c>, which only an application may call, and
/// <c>events</c>: the events of the loaded event specs.
/// </summary>
internal sealed class EventBindingHandlers
{
    private readonly EventBindings _bindings;
    private readonly SpecCatalog _specs;

    public EventBindingHandlers(EventBindings bindings, SpecCatalog specs)
    {
        _bindings = bindings;
        _specs = specs;
    }

    public void Register(MethodRegistry methods)
    {
        methods.Add("event.bind", Bind);
        methods.Add("event.unbind", Unbind);
        methods.Add("event.get", Get);
        methods.Add("events", Events);
    }

    private MethodResult Bind(MethodCall call)
    {
        ApplicationOnly.Require(call);
        var p = call.Parameters;
        var eventName = KnownEvent(call);
        var offline = IsOffline(p);
        // An offline binding needs no handler: its events wait in the queue.
        var handler = offline ? string.Empty : CheckedHandler(Text(p["handler"]));
        var authType = (int)(Number(p["auth_type"]) ?? 0);
        var connector = Text(p["auth_connector"]) is { Length: > 0 } key ? key : null;
        if (!_bindings.TryAdd(eventName, handler, authType, offline, connector))
        {
            throw new Bitrix24EmulatorError(400, "ERROR_CORE", "Unable to set event handler: Handler already binded");
        }

        return JsonValue.Create(true);
    }

    private MethodResult Unbind(MethodCall call)
    {
        ApplicationOnly.Require(call);
        var p = call.Parameters;
        var eventName = (Text(p["event"]) ?? string.Empty).ToUpperInvariant();
        // auth_type given but empty means the bindings without a user, as 0 does; left out, any user.
        int? authType = p.ContainsKey("auth_type") ? (int)(Number(p["auth_type"]) ?? 0) : null;
        var count = _bindings.Remove(eventName, Text(p["handler"]), authType, IsOffline(p));
        return new JsonObject { ["count"] = count };
    }

    private MethodResult Get(MethodCall call)
    {
        ApplicationOnly.Require(call);
        return new JsonArray([.. _bindings.All().Select(b => (JsonNode)b.ToJson())]);
    }

    private MethodResult Events(MethodCall call)
    {
        var scope = Text(call.Parameters["SCOPE"] ?? call.Parameters["scope"]);
        var names = _specs.EventNames
            .Where(name => string.IsNullOrEmpty(scope) || string.Equals(_specs.FindEvent(name)?.Scope, scope, StringComparison.OrdinalIgnoreCase))
            .OrderBy(name => name, StringComparer.Ordinal);
        return new JsonArray([.. names.Select(name => (JsonNode)name)]);
    }

    private string KnownEvent(MethodCall call)
    {
        var eventName = (Text(call.Parameters["event"]) ?? string.Empty).ToUpperInvariant();
        if (eventName.Length == 0)
        {
            throw Bitrix24EmulatorError.MissingParameter(call.Method, "event");
        }

        return _specs.FindEvent(eventName) is null
            ? throw new Bitrix24EmulatorError(400, "ERROR_EVENT_NOT_FOUND", "Event not found")
            : eventName;
    }

    // The portal posts to http and https handlers only. Unlike a portal, a loopback host is accepted: tests listen there.
    private static string CheckedHandler(string? handler)
    {
        if (string.IsNullOrEmpty(handler) || !Uri.TryCreate(handler, UriKind.Absolute, out var url))
        {
            throw new Bitrix24EmulatorError(400, "ERROR_WRONG_HANDLER_URL", "Wrong handler URL");
        }

        return url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps
            ? handler
            : throw new Bitrix24EmulatorError(400, "ERROR_UNSUPPORTED_PROTOCOL", "Unsupported event handler protocol");
    }

    private static bool IsOffline(JsonObject parameters) =>
        string.Equals(Text(parameters["event_type"]), "offline", StringComparison.OrdinalIgnoreCase);
}
