using System;
using Bitrix24.Generated;
using Bitrix24.Generated.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the endpoints a portal posts to: its events, and an application's install and uninstall.</summary>
public static class Bitrix24EndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the URL the application binds its events to (POST): each post is checked against the portal's
    /// application token, read as its generated event class and queued for the handlers; the portal is answered
    /// at once. Needs <c>AddBitrix24Events</c> and <c>AddBitrix24Applications</c>.
    /// </summary>
    /// <param name="endpoints">The routes.</param>
    /// <param name="pattern">The path, e.g. <c>/bitrix24/events</c>.</param>
    /// <returns>The endpoint's builder, to add metadata or filters.</returns>
    /// <exception cref="InvalidOperationException">A registration the endpoint needs is missing.</exception>
    public static IEndpointConventionBuilder MapBitrix24Events(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        Require<IBitrix24PortalStore>(endpoints, "AddBitrix24Applications");
        var endpoint = Require<EventsEndpoint>(endpoints, "AddBitrix24Events");
        return endpoints.MapPost(pattern, (RequestDelegate)endpoint.HandleAsync).WithDisplayName("Bitrix24 events");
    }

    /// <summary>
    /// Maps the application's install URL (POST): the install of an application with a UI (tokens stored, events
    /// bound, the install finished), the <c>ONAPPINSTALL</c> callback of one without, and <c>ONAPPUNINSTALL</c>,
    /// which removes the portal. Needs <c>AddBitrix24Install</c> and <c>AddBitrix24Applications</c>.
    /// </summary>
    /// <param name="endpoints">The routes.</param>
    /// <param name="pattern">The path, e.g. <c>/bitrix24/install</c>.</param>
    /// <returns>The endpoint's builder, to add metadata or filters.</returns>
    /// <exception cref="InvalidOperationException">A registration the endpoint needs is missing.</exception>
    public static IEndpointConventionBuilder MapBitrix24Install(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        Require<IBitrix24PortalStore>(endpoints, "AddBitrix24Applications");
        Require<IBitrix24ClientFactory>(endpoints, "AddBitrix24Applications");
        var endpoint = Require<InstallEndpoint>(endpoints, "AddBitrix24Install");
        return endpoints.MapPost(pattern, (RequestDelegate)endpoint.HandleAsync).WithDisplayName("Bitrix24 install");
    }

    private static T Require<T>(IEndpointRouteBuilder endpoints, string registration)
        where T : notnull =>
        endpoints.ServiceProvider.GetService<T>() ?? throw new InvalidOperationException(
            typeof(T).Name + " is not registered: call services." + registration + "(...) before mapping the Bitrix24 endpoints.");
}
