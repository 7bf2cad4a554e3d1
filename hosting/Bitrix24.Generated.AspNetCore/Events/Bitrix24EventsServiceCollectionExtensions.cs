using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated.AspNetCore;
using Bitrix24.Generated.Events;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the receiving of Bitrix24 events and their handlers.</summary>
public static class Bitrix24EventsServiceCollectionExtensions
{
    /// <summary>
    /// Registers what <c>MapBitrix24Events</c> needs: the catalog of event classes, the queue of accepted events
    /// and the background service that runs their handlers. The portal store comes from <c>AddBitrix24Applications</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="catalog">The generated event classes, e.g. <c>Bitrix24Events.Catalog</c>.</param>
    /// <param name="configure">Sets the queue's capacity, the handlers' concurrency and the JSON options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddBitrix24Events(this IServiceCollection services, Bitrix24EventCatalog catalog, Action<Bitrix24EventsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(catalog);
        var options = services.AddOptions<Bitrix24EventsOptions>()
            .Validate(static o => o.QueueCapacity > 0, "Bitrix24EventsOptions.QueueCapacity must be positive.")
            .Validate(static o => o.MaxConcurrentHandlers > 0, "Bitrix24EventsOptions.MaxConcurrentHandlers must be positive.");
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(catalog);
        services.TryAddSingleton(static provider => new EventQueue(provider.GetRequiredService<IOptions<Bitrix24EventsOptions>>().Value.QueueCapacity));
        services.TryAddSingleton(static provider => new EventHandlers(provider.GetServices<EventHandlerRegistration>()));
        services.TryAddSingleton<EventsEndpoint>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Hosting.IHostedService, EventDispatcherService>());
        return services;
    }

    /// <summary>
    /// Runs <typeparamref name="THandler"/> for every accepted <typeparamref name="TEvent"/>; it is resolved in a DI
    /// scope of its own for each event (registered as scoped unless it already is).
    /// </summary>
    /// <typeparam name="TEvent">The generated event class.</typeparam>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddBitrix24EventHandler<TEvent, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IServiceCollection services)
        where TEvent : Bitrix24Event
        where THandler : class, IBitrix24EventHandler<TEvent>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<THandler>();
        services.AddSingleton(new EventHandlerRegistration(
            typeof(TEvent),
            typeof(THandler).FullName ?? typeof(THandler).Name,
            static (e, provider, cancellationToken) => provider.GetRequiredService<THandler>().HandleAsync((TEvent)e, cancellationToken)));
        return services;
    }

    /// <summary>Runs <paramref name="handler"/> for every accepted <typeparamref name="TEvent"/>, with the event's DI scope.</summary>
    /// <typeparam name="TEvent">The generated event class.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="handler">The handler: the event, the scope's services and the stopping token.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddBitrix24EventHandler<TEvent>(this IServiceCollection services, Func<TEvent, IServiceProvider, CancellationToken, Task> handler)
        where TEvent : Bitrix24Event
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(handler);
        services.AddSingleton(new EventHandlerRegistration(
            typeof(TEvent),
            "delegate for " + typeof(TEvent).Name,
            (e, provider, cancellationToken) => handler((TEvent)e, provider, cancellationToken)));
        return services;
    }
}
