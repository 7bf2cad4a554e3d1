using System;
using Bitrix24.Generated;
using Bitrix24.Generated.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Shares the rate limit, the operating-time budget and the token renewal of Bitrix24 connections among instances through Redis.</summary>
public static class Bitrix24RedisServiceCollectionExtensions
{
    /// <summary>
    /// Shares each portal's rate limit (one bucket per client id and <c>member_id</c>), its operating-time budget
    /// (when the connection settings have a <see cref="Bitrix24OperatingBudget"/>) and the token renewals of all
    /// portals among the instances of the application through Redis. Uses the registered
    /// <see cref="IConnectionMultiplexer"/>, or registers one for <paramref name="connectionString"/>. A
    /// <see cref="Bitrix24ApplicationOptions.PortalRateLimiter"/>,
    /// <see cref="Bitrix24ApplicationOptions.PortalOperatingBudget"/> or renewal lock set by the application is kept.
    /// </summary>
    /// <param name="builder">What <c>AddBitrix24Applications</c> returned.</param>
    /// <param name="connectionString">A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>.</param>
    /// <param name="configure">Sets the key prefix and what is shared.</param>
    /// <returns>The builder.</returns>
    public static Bitrix24ApplicationsBuilder UseRedis(this Bitrix24ApplicationsBuilder builder, string connectionString, Action<Bitrix24RedisOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var redisOptions = Configure(builder.Services, connectionString, configure);
        builder.Services.AddOptions<Bitrix24ApplicationOptions>().PostConfigure<IConnectionMultiplexer, IServiceProvider>((options, redis, services) =>
        {
            var logs = services.GetService<ILoggerFactory>();
            if (redisOptions.ShareRateLimit && options.PortalRateLimiter is null && options.Connection.RateLimiter is Bitrix24RateLimiter template)
            {
                var prefix = redisOptions.KeyPrefix + "rate:" + options.OAuth.ClientId + ":";
                var time = options.Connection.TimeProvider;
                options.PortalRateLimiter = portal => Shared(redis, prefix + portal.MemberId, template, time);
            }

            if (redisOptions.ShareOperatingBudget && options.PortalOperatingBudget is null && options.Connection.OperatingBudget is Bitrix24OperatingBudget budget)
            {
                var prefix = redisOptions.KeyPrefix + "operating:" + options.OAuth.ClientId + ":";
                var time = options.Connection.TimeProvider;
                var logger = logs?.CreateLogger<RedisBitrix24OperatingBudget>();
                options.PortalOperatingBudget = portal => new RedisBitrix24OperatingBudget(redis, prefix + portal.MemberId + ":", budget.Limit, time, logger);
            }

            if (redisOptions.ShareRenewal)
            {
                options.OAuth.RenewalLock ??= new RedisBitrix24RenewalLock(redis, redisOptions.KeyPrefix + "renewal:", logs?.CreateLogger<RedisBitrix24RenewalLock>());
            }
        });
        return builder;
    }

    /// <summary>
    /// Shares the rate limit of the connection <c>AddBitrix24Client</c> or <c>AddBitrix24Connection</c> registered,
    /// its operating-time budget (a <see cref="Bitrix24OperatingBudget"/> in its settings) and its OAuth token
    /// renewal, among the instances of the application through Redis. Uses the registered
    /// <see cref="IConnectionMultiplexer"/>, or registers one for <paramref name="connectionString"/>.
    /// </summary>
    /// <param name="builder">What <c>AddBitrix24Client</c> or <c>AddBitrix24Connection</c> returned.</param>
    /// <param name="connectionString">A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>.</param>
    /// <param name="configure">Sets the key prefix, the bucket's key and what is shared.</param>
    /// <returns>The builder.</returns>
    public static IHttpClientBuilder UseRedis(this IHttpClientBuilder builder, string connectionString, Action<Bitrix24RedisOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var redisOptions = Configure(builder.Services, connectionString, configure);
        builder.Services.AddOptions<Bitrix24ClientOptions>().PostConfigure<IConnectionMultiplexer, IServiceProvider>((options, redis, services) =>
        {
            var logs = services.GetService<ILoggerFactory>();
            var key = redisOptions.RateLimitKey ?? (options.WebhookUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var webhook)
                ? webhook.Authority
                : "oauth:" + options.OAuth?.ClientId);
            if (redisOptions.ShareRateLimit && options.Connection.RateLimiter is Bitrix24RateLimiter template)
            {
                options.Connection.RateLimiter = Shared(redis, redisOptions.KeyPrefix + "rate:" + key, template, options.Connection.TimeProvider);
            }

            if (redisOptions.ShareOperatingBudget && options.Connection.OperatingBudget is Bitrix24OperatingBudget budget)
            {
                options.Connection.OperatingBudget = new RedisBitrix24OperatingBudget(
                    redis, redisOptions.KeyPrefix + "operating:" + key + ":", budget.Limit, options.Connection.TimeProvider, logs?.CreateLogger<RedisBitrix24OperatingBudget>());
            }

            if (redisOptions.ShareRenewal && options.OAuth is { } oauth)
            {
                oauth.RenewalLock ??= new RedisBitrix24RenewalLock(redis, redisOptions.KeyPrefix + "renewal:", logs?.CreateLogger<RedisBitrix24RenewalLock>());
            }
        });
        return builder;
    }

    private static Bitrix24RedisOptions Configure(IServiceCollection services, string connectionString, Action<Bitrix24RedisOptions>? configure)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var redisOptions = new Bitrix24RedisOptions();
        configure?.Invoke(redisOptions);

        // Connecting is left to the multiplexer in the background: an application starts while Redis is down; its
        // calls fail with Bitrix24RedisException until Redis is back where the rate limit is shared, and go on
        // without the shared budget and renewal lock.
        services.TryAddSingleton<IConnectionMultiplexer>(_ =>
        {
            var configuration = ConfigurationOptions.Parse(connectionString);
            configuration.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(configuration);
        });
        return redisOptions;
    }

    // The connection's own bucket, shared; a limiter of another kind is the application's choice and left alone.
    private static RedisBitrix24RateLimiter Shared(IConnectionMultiplexer redis, string key, Bitrix24RateLimiter bucket, TimeProvider time) =>
        new(redis, key, bucket.Burst, bucket.DrainPerSecond, time) { SafetyMargin = bucket.SafetyMargin };
}
