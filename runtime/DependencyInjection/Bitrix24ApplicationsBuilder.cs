using System;
using Bitrix24.Generated;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// What <see cref="Bitrix24ServiceCollectionExtensions.AddBitrix24Applications"/> registered: add a client type, or
/// replace the in-memory portal store with one of your own or a database's.
/// </summary>
public sealed class Bitrix24ApplicationsBuilder
{
    internal Bitrix24ApplicationsBuilder(IServiceCollection services, IHttpClientBuilder httpClient)
    {
        Services = services;
        HttpClient = httpClient;
    }

    /// <summary>The services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The builder of the HttpClient all portals' connections share, to add handlers.</summary>
    public IHttpClientBuilder HttpClient { get; }

    /// <summary>Registers <see cref="IBitrix24ClientFactory{TClient}"/>, which wraps each portal's connection in a <typeparamref name="TClient"/>.</summary>
    /// <typeparam name="TClient">The client type, e.g. the generated <c>Bitrix24Client</c>.</typeparam>
    /// <param name="createClient">Makes a client over a connection, e.g. <c>connection =&gt; new Bitrix24Client(connection)</c>.</param>
    /// <returns>This builder.</returns>
    public Bitrix24ApplicationsBuilder AddClient<TClient>(Func<Bitrix24Connection, TClient> createClient)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(createClient);
        Services.TryAddSingleton<IBitrix24ClientFactory<TClient>>(provider => new Bitrix24ClientFactory<TClient>(provider.GetRequiredService<IBitrix24ClientFactory>(), createClient));
        return this;
    }

    /// <summary>Keeps the portals in <typeparamref name="TStore"/> (a singleton) instead of in memory.</summary>
    /// <typeparam name="TStore">The store.</typeparam>
    /// <returns>This builder.</returns>
    public Bitrix24ApplicationsBuilder UseStore<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>()
        where TStore : class, IBitrix24PortalStore
    {
        Services.Replace(ServiceDescriptor.Singleton<IBitrix24PortalStore, TStore>());
        return this;
    }

    /// <summary>Keeps the portals in the store <paramref name="createStore"/> makes (once) instead of in memory.</summary>
    /// <param name="createStore">Makes the store.</param>
    /// <returns>This builder.</returns>
    public Bitrix24ApplicationsBuilder UseStore(Func<IServiceProvider, IBitrix24PortalStore> createStore)
    {
        ArgumentNullException.ThrowIfNull(createStore);
        Services.Replace(ServiceDescriptor.Singleton(createStore));
        return this;
    }

    internal static Bitrix24ClientFactory CreateFactory(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<Bitrix24ApplicationOptions>>().Value;

        // Kept for the factory's lifetime: its handler renews its pooled connections itself (PooledConnectionLifetime).
        var httpClient = provider.GetRequiredService<System.Net.Http.IHttpClientFactory>().CreateClient(Bitrix24ServiceCollectionExtensions.ApplicationsHttpClientName);
        return new Bitrix24ClientFactory(options, provider.GetRequiredService<IBitrix24PortalStore>(), httpClient, provider.GetService<ILoggerFactory>());
    }
}
