using System;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace Bitrix24.Generated.Redis;

/// <summary>
/// The token-renewal lock in Redis: <c>SET key token NX PX lease</c> takes it, a compare-and-delete script releases
/// it only while it is still the holder's, so a renewal that outlived its lease never frees another's lock.
/// </summary>
public sealed class RedisBitrix24RenewalLock : IBitrix24RenewalLock
{
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    private readonly IConnectionMultiplexer _redis;

    /// <summary>Creates the lock.</summary>
    /// <param name="redis">The connection to Redis; shared, not disposed by the lock.</param>
    /// <param name="keyPrefix">Put before the runtime's lock key (client id and portal host) to make the Redis key.</param>
    public RedisBitrix24RenewalLock(IConnectionMultiplexer redis, string keyPrefix = "bitrix24:renewal:")
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        KeyPrefix = keyPrefix ?? throw new ArgumentNullException(nameof(keyPrefix));
    }

    /// <summary>Put before the runtime's lock key to make the Redis key.</summary>
    public string KeyPrefix { get; }

    /// <inheritdoc/>
    /// <exception cref="Bitrix24RedisException">Redis could not be reached: the renewal fails rather than race the other instances.</exception>
    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        var redisKey = KeyPrefix + key;
        var token = Guid.NewGuid().ToString("N");
        try
        {
            var taken = await _redis.GetDatabase().StringSetAsync(redisKey, token, lease, When.NotExists).ConfigureAwait(false);
            return taken ? new Held(_redis, redisKey, token) : null;
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            throw new Bitrix24RedisException($"The token-renewal lock could not be taken in Redis (key '{redisKey}'): {exception.GetType().Name}.", exception);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => "RedisBitrix24RenewalLock { KeyPrefix = " + KeyPrefix + " }";

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
