using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Bitrix24.Generated.Redis;

/// <summary>
/// The token-renewal lock in Redis: <c>SET key token NX PX lease</c> takes it, a compare-and-delete script releases
/// it only while it is still the holder's, so a renewal that outlived its lease never frees another's lock.
/// </summary>
/// <remarks>
/// When Redis cannot be reached the renewal is not failed: the lock gives a held lock that holds nothing, and the
/// instance renews as it would without a lock, the token store's compare-and-swap keeping one renewal when several
/// instances race (at worst the token endpoint is asked more than once). Failing would leave every instance without
/// a working access token for as long as Redis is down. A warning is logged once per outage; while the connection to
/// Redis is down the lock does not wait for Redis's timeouts.
/// </remarks>
public sealed class RedisBitrix24RenewalLock : IBitrix24RenewalLock
{
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger? _logger;
    private int _unreachable;

    /// <summary>Creates the lock.</summary>
    /// <param name="redis">The connection to Redis; shared, not disposed by the lock.</param>
    /// <param name="keyPrefix">Put before the runtime's lock key (client id and portal host) to make the Redis key.</param>
    /// <param name="logger">Where an outage of Redis is reported; nothing secret is logged.</param>
    public RedisBitrix24RenewalLock(IConnectionMultiplexer redis, string keyPrefix = "bitrix24:renewal:", ILogger? logger = null)
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        KeyPrefix = keyPrefix ?? throw new ArgumentNullException(nameof(keyPrefix));
        _logger = logger;
    }

    /// <summary>Put before the runtime's lock key to make the Redis key.</summary>
    public string KeyPrefix { get; }

    /// <summary>
    /// Takes the lock named <paramref name="key"/> for at most <paramref name="lease"/>, unless someone else holds it;
    /// when Redis cannot be reached, gives a lock that holds nothing, so that the renewal goes on without one.
    /// </summary>
    /// <param name="key">Names the portal and application whose tokens are renewed; holds no secret.</param>
    /// <param name="lease">How long the lock lasts if it is never released, e.g. because its holder crashed.</param>
    /// <param name="cancellationToken">Cancels taking it.</param>
    /// <returns>The held lock, released when disposed; null when someone else holds it.</returns>
    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        var redisKey = KeyPrefix + key;
        var token = Guid.NewGuid().ToString("N");
        if (!_redis.IsConnected)
        {
            return Unreachable(redisKey, null);
        }

        try
        {
            var taken = await _redis.GetDatabase().StringSetAsync(redisKey, token, lease, When.NotExists).ConfigureAwait(false);
            if (Interlocked.Exchange(ref _unreachable, 0) == 1)
            {
                _logger?.LogInformation("The token-renewal lock is reachable in Redis again (key '{Key}').", redisKey);
            }

            return taken ? new Held(_redis, redisKey, token) : null;
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            return Unreachable(redisKey, exception);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => "RedisBitrix24RenewalLock { KeyPrefix = " + KeyPrefix + " }";

    private IAsyncDisposable Unreachable(string redisKey, Exception? exception)
    {
        if (Interlocked.Exchange(ref _unreachable, 1) == 0 && _logger is not null)
        {
            _logger.LogWarning(
                "The token-renewal lock could not be taken in Redis (key '{Key}'): {Error}. Renewing without it; the token store keeps one renewal if instances race.",
                redisKey,
                exception?.GetType().Name ?? "not connected");
        }

        return NotHeld.Instance;
    }

    // Stands for the lock while Redis is out of reach: nothing to release.
    private sealed class NotHeld : IAsyncDisposable
    {
        public static NotHeld Instance { get; } = new();

        public ValueTask DisposeAsync() => default;
    }

    private sealed class Held(IConnectionMultiplexer redis, string key, string token) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1)
            {
                return;
            }

            try
            {
                await redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [(RedisKey)key], [(RedisValue)token]).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
            {
                // The renewal is done and saved; an unreleased lock only makes the next renewal wait out the lease.
            }
        }
    }
}
