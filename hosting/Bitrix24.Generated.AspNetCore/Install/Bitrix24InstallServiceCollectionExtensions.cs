using System;
using Bitrix24.Generated.AspNetCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the install endpoint of a Bitrix24 application.</summary>
public static class Bitrix24InstallServiceCollectionExtensions
{
    /// <summary>
    /// Registers what <c>MapBitrix24Install</c> needs: the events to bind and what to run on install and uninstall.
    /// The portal store and the connections come from <c>AddBitrix24Applications</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Declares the events to bind, their handler URL and the install callbacks.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddBitrix24Install(this IServiceCollection services, Action<Bitrix24InstallOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<Bitrix24InstallOptions>()
            .Configure(configure)
            .Validate(static o => o.EventHandlerUrl is null || o.EventHandlerUrl.IsAbsoluteUri, "Bitrix24InstallOptions.EventHandlerUrl must be absolute.");
        services.TryAddSingleton<PostedTokensCheck>();
        services.TryAddSingleton<InstallEndpoint>();
        return services;
    }
}
