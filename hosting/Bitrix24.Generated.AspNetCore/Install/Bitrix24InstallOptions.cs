using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated.Events;

namespace Bitrix24.Generated.AspNetCore;

/// <summary>What <c>MapBitrix24Install</c> does when the application is installed on a portal, and after.</summary>
public sealed class Bitrix24InstallOptions
{
    private readonly List<string> _events = new();

    /// <summary>The events bound at install (besides <c>ONAPPUNINSTALL</c>, which is always bound), in the order declared.</summary>
    public IReadOnlyList<string> Events => _events;

    /// <summary>
    /// Where the portal posts the bound events: an absolute URL, e.g. <c>https://app.example.com/bitrix24/events</c>.
    /// Null (the default): the install request's scheme and host with <see cref="EventHandlerPath"/>; behind a proxy,
    /// set this or forward the original scheme and host (<c>UseForwardedHeaders</c>).
    /// </summary>
    public Uri? EventHandlerUrl { get; set; }

    /// <summary>The path of <c>MapBitrix24Events</c>, used when <see cref="EventHandlerUrl"/> is null. <c>/bitrix24/events</c> by default.</summary>
    public string EventHandlerPath { get; set; } = "/bitrix24/events";

    /// <summary>Runs once a portal is installed: its tokens stored and its events bound. Null to do nothing.</summary>
    public Func<Bitrix24Portal, IServiceProvider, CancellationToken, Task>? OnInstalled { get; set; }

    /// <summary>Runs once a portal uninstalled the application and was removed from the store. Null to do nothing.</summary>
    public Func<Bitrix24Portal, IServiceProvider, CancellationToken, Task>? OnUninstalled { get; set; }

    /// <summary>Binds an event by its generated class at install.</summary>
    /// <typeparam name="TEvent">The generated event class; its <c>EventName</c> constant names the event.</typeparam>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException">The class has no <c>EventName</c> constant.</exception>
    public Bitrix24InstallOptions BindEvent<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEvent>()
        where TEvent : Bitrix24Event
    {
        // Every generated event class carries its name as a constant; no instance or catalog is needed for it.
        var name = typeof(TEvent).GetField("EventName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
        return BindEvent(name ?? throw new ArgumentException(typeof(TEvent).Name + " has no EventName constant; bind it by name instead.", nameof(TEvent)));
    }

    /// <summary>Binds an event by name at install, e.g. <c>ONCRMDEALADD</c>.</summary>
    /// <param name="eventName">The event's name.</param>
    /// <returns>These options.</returns>
    public Bitrix24InstallOptions BindEvent(string eventName)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var name = eventName.ToUpperInvariant();
        if (!_events.Contains(name) && name != InstallEndpoint.UninstallEvent)
        {
            _events.Add(name);
        }

        return this;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        "Bitrix24InstallOptions { Events = [" + string.Join(", ", _events) + "], EventHandlerUrl = " + EventHandlerUrl + ", EventHandlerPath = " + EventHandlerPath + " }";
}
