using System;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Bitrix24.Emulator.OAuth;
using Bitrix24.Emulator.Specs;

namespace Bitrix24.Emulator.Events;

/// <summary>
/// The event state of one portal: the application's bindings, the offline queue and the posts to handlers. Raising
/// an event hands it to every binding of its name: an online one gets a post, an offline one a queue record. The
/// emulator's public event members and the event methods' handlers share this one instance, so portals never share
/// events.
/// </summary>
internal sealed class PortalEvents : IAsyncDisposable
{
    private const string OfflineNotice = "ONOFFLINEEVENT";
    private static readonly TimeSpan OfflineNoticeInterval = TimeSpan.FromSeconds(1);
    private readonly SpecCatalog _specs;
    private readonly Func<int, Bitrix24Tokens> _issue;
    private readonly int _defaultUser;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<int, DateTimeOffset> _lastNotices = new();

    /// <param name="specs">The portal's specs, for the events it knows and their scopes.</param>
    /// <param name="payloads">Writes the posts.</param>
    /// <param name="issue">Issues tokens of a user, for the handlers' <c>auth</c>.</param>
    /// <param name="defaultUser">The user of events no call caused (raised by a test).</param>
    /// <param name="time">The portal's clock.</param>
    public PortalEvents(SpecCatalog specs, EventPayloads payloads, Func<int, Bitrix24Tokens> issue, int defaultUser, TimeProvider time)
    {
        _specs = specs;
        _issue = issue;
        _defaultUser = defaultUser;
        _time = time;
        Payloads = payloads;
        Offline = new OfflineEventQueue(time);
        Delivery = new EventDeliveryWorker(time);
    }

    /// <summary>The offline event queue.</summary>
    public OfflineEventQueue Offline { get; }

    /// <summary>The application's bindings.</summary>
    public EventBindings Bindings { get; } = new();

    /// <summary>The posts to online handlers.</summary>
    public EventDeliveryWorker Delivery { get; }

    /// <summary>Writes the posts' payloads.</summary>
    public EventPayloads Payloads { get; }

    /// <summary>The scope an event belongs to, by its spec; <c>basic</c> for an event without one.</summary>
    public string ScopeOf(string eventName) => _specs.FindEvent(eventName)?.Scope ?? "basic";

    /// <summary>Raises the event a handled call causes, if the call is one that raises an event.</summary>
    public void AfterCall(MethodCall call, JsonNode? result)
    {
        if (EventTriggers.Find(call.Method, call.Parameters, result) is { } raised)
        {
            Raise(raised.EventName, raised.Data, call.UserId);
        }
    }

    /// <summary>Hands an event to every binding of its name.</summary>
    /// <param name="eventName">The event.</param>
    /// <param name="data">Its <c>data</c>.</param>
    /// <param name="userId">The user who caused it, whose tokens handlers bound without <c>auth_type</c> get; 0 for the portal's user.</param>
    public void Raise(string eventName, JsonNode data, int userId)
    {
        var name = eventName.ToUpperInvariant();
        var queued = false;
        foreach (var binding in Bindings.Of(name))
        {
            if (binding.Offline)
            {
                Offline.Add(name, data);
                queued = true;
                continue;
            }

            Post(binding, name, data, binding.AuthType != 0 ? binding.AuthType : userId);
        }

        if (queued)
        {
            NoticeOfflineEvents(userId);
        }
    }

    public ValueTask DisposeAsync() => Delivery.DisposeAsync();

    // ONOFFLINEEVENT tells online handlers that the queue has new records, at most once a second per binding.
    private void NoticeOfflineEvents(int userId)
    {
        var now = _time.GetUtcNow();
        foreach (var binding in Bindings.Of(OfflineNotice))
        {
            if (binding.Offline)
            {
                continue;
            }

            var last = _lastNotices.GetOrAdd(binding.Id, DateTimeOffset.MinValue);
            if (now - last >= OfflineNoticeInterval && _lastNotices.TryUpdate(binding.Id, now, last))
            {
                Post(binding, OfflineNotice, new JsonArray(), binding.AuthType != 0 ? binding.AuthType : userId);
            }
        }
    }

    private void Post(EventBinding binding, string eventName, JsonNode data, int userId)
    {
        var tokens = _issue(userId != 0 ? userId : _defaultUser);
        var payload = Payloads.Event(eventName, binding.Id, data, tokens, ScopeOf(eventName));
        Delivery.Enqueue(eventName, new Uri(binding.Handler), payload);
    }
}
