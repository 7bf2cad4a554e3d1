using System;
using System.Net.Http;
using Bitrix24.Generated;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Bitrix24 connections and generated clients on <see cref="IHttpClientFactory"/>.</summary>
public static class Bitrix24ServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient the connections use; configure it through the returned builder.</summary>
    public const string HttpClientName = "Bitrix24";

    /// <summary>
    /// Registers <see cref="Bitrix24Connection"/> (transient, over a factory-made HttpClient that leaves redirects
    /// to the connection) configured by <paramref name="configure"/>. Generated clients have an
    /// <c>AddBitrix24Client</c> of their own that calls this.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the webhook or OAuth application and the connection options.</param>
    /// <returns>The HttpClient's builder, to add handlers or resilience.</returns>
    public static IHttpClientBuilder AddBitrix24Connection(this IServiceCollection services, Action<Bitrix24ClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<Bitrix24ClientOptions>()
            .Configure(configure)
            .Validate(o => (o.WebhookUrl is null) != (o.OAuth is null), "Set exactly one of WebhookUrl and OAuth.")
            .Validate(o => o.WebhookUrl is null || Bitrix24Webhook.TryParse(o.WebhookUrl, out _), "WebhookUrl is not a webhook URL of the form https://<portal>/rest/<user id>/<code>/.")
            .PostConfigure<IServiceProvider>(static (o, provider) => o.Connection.Resilience ??= RegisteredPipeline(provider));

        var builder = AddHttpClient(services, HttpClientName, static () => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddTransient(CreateConnection);
        return builder;
    }

    /// <summary>The name of the HttpClient the connections of <see cref="AddBitrix24Applications"/> share.</summary>
    public const string ApplicationsHttpClientName = "Bitrix24.Applications";

    /// <summary>
    /// Registers an OAuth application installed on many portals: <see cref="IBitrix24ClientFactory"/> (a singleton)
    /// gives the connection to each portal by its <c>member_id</c>, each with its own token renewal and rate limiter,
    /// over the portals in <see cref="IBitrix24PortalStore"/>: in memory unless the returned builder sets another.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the application's credentials and the connection settings.</param>
    /// <returns>The builder, to add a client type or set the portal store.</returns>
    public static Bitrix24ApplicationsBuilder AddBitrix24Applications(this IServiceCollection services, Action<Bitrix24ApplicationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<Bitrix24ApplicationOptions>()
            .Configure(configure)
            .Validate(static o => !string.IsNullOrEmpty(o.OAuth.ClientId) && !string.IsNullOrEmpty(o.OAuth.ClientSecret), "Set OAuth.ClientId and OAuth.ClientSecret.")
            .PostConfigure<IServiceProvider>(static (o, provider) => o.Connection.Resilience ??= RegisteredPipeline(provider));
        // The factory keeps its client: the handler renews its pooled connections instead, so DNS changes are seen.
        var httpClient = AddHttpClient(services, ApplicationsHttpClientName, static () => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.TryAddSingleton<IBitrix24PortalStore, InMemoryBitrix24PortalStore>();
        services.TryAddSingleton<IBitrix24ClientFactory>(Bitrix24ApplicationsBuilder.CreateFactory);
        return new Bitrix24ApplicationsBuilder(services, httpClient);
    }

    // Redirects are left to the connection, timeouts too; only the host and REST method are logged.
    private static IHttpClientBuilder AddHttpClient(IServiceCollection services, string name, Func<HttpMessageHandler> primaryHandler)
    {
        services.TryAddSingleton<RedactingHttpClientLogger>();
        return services.AddHttpClient(name)
            .ConfigurePrimaryHttpMessageHandler(primaryHandler)
            .ConfigureHttpClient(static client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            // The factory's own loggers write whole URLs, secrets included.
            .RemoveAllLoggers()
            .AddLogger<RedactingHttpClientLogger>();
    }

    /// <summary>Registers a generated client type together with its connection.</summary>
    /// <typeparam name="TClient">The generated client.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the webhook or OAuth application and the connection options.</param>
    /// <param name="createClient">Makes the client over a connection.</param>
    /// <returns>The HttpClient's builder.</returns>
    public static IHttpClientBuilder AddBitrix24Client<TClient>(this IServiceCollection services, Action<Bitrix24ClientOptions> configure, Func<Bitrix24Connection, TClient> createClient)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(createClient);
        var builder = services.AddBitrix24Connection(configure);
        services.TryAddTransient(provider => createClient(provider.GetRequiredService<Bitrix24Connection>()));
        return builder;
    }

    /// <summary>The pipeline registered as <see cref="Bitrix24Resilience.PipelineName"/> with Polly's registry, if any.</summary>
    private static Polly.ResiliencePipeline? RegisteredPipeline(IServiceProvider provider) =>
        provider.GetService<Polly.Registry.ResiliencePipelineProvider<string>>() is { } pipelines && pipelines.TryGetPipeline(Bitrix24Resilience.PipelineName, out var pipeline)
            ? pipeline
            : null;

    private static Bitrix24Connection CreateConnection(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<Bitrix24ClientOptions>>().Value;
        var httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        var logger = provider.GetService<ILoggerFactory>()?.CreateLogger<Bitrix24Connection>();
        Bitrix24Authentication authentication = options.WebhookUrl is { } url
            ? Bitrix24Webhook.Parse(url)
            : new Bitrix24OAuth(options.OAuth!, provider.GetRequiredService<IBitrix24TokenStore>(), httpClient);
        return new Bitrix24Connection(httpClient, authentication, options.Connection, logger);
    }
}
