using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Bitrix24.Generated.Redis;

/// <summary>
/// The operating-time budget of <see cref="Bitrix24OperatingBudget"/> (a method whose budget an answer reported
/// spent waits for the announced reset), kept in Redis so that what one instance of an application learns holds back
/// the calls of all instances using the same key prefix, as the portal counts their processing time together.
/// </summary>
/// <remarks>
/// <para>
/// A method whose budget is spent has one key, <c>{prefix}{method}</c> (the method in lower case), holding the reset
/// instant in Unix milliseconds and expiring at that instant, so nothing is left behind. It is written only when an
/// answer reports the budget spent (<c>operating</c> at or past <see cref="Bitrix24OperatingBudgetLimiter.Limit"/>),
/// without waiting for Redis, and never moved to an earlier reset; ordinary answers cost no write.
/// </para>
/// <para>
/// Before a call, the method's key is read, unless this instance read it (or observed the method) less than
/// <see cref="CacheDuration"/> ago: a budget spent by another instance is seen at most that late, and the calls sent
/// in between are refused by the portal and retried by the connection after the reset.
/// </para>
/// <para>
/// When Redis cannot be reached the budget does not fail the call: it knows what this instance observed itself,
/// as <see cref="Bitrix24OperatingBudget"/> would, and sends the rest. A call sent past a budget spent elsewhere is
/// refused with <c>OPERATION_TIME_LIMIT</c> and retried after the reset, which is what happens without a budget,
/// whereas failing calls the portal may well accept would stop work the budget only meant to smooth. A warning is
/// logged once per outage. While the connection to Redis is down nothing is read, so calls do not wait for Redis's
/// timeouts.
/// </para>
/// </remarks>
public sealed class RedisBitrix24OperatingBudget : Bitrix24OperatingBudgetLimiter
{
    // Keeps the later reset when two instances report the same method spent; the key expires at the reset.
    private const string SpendScript = """
        local current = tonumber(redis.call('GET', KEYS[1]) or '0')
        if tonumber(ARGV[1]) > current then
          redis.call('SET', KEYS[1], ARGV[1])
          redis.call('PEXPIREAT', KEYS[1], ARGV[1])
        end
        return 0
        """;

    private static readonly TimeSpan DefaultCacheDuration = TimeSpan.FromSeconds(1);

    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger? _logger;
    private readonly ConcurrentDictionary<string, Known> _known = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeSpan _cacheDuration = DefaultCacheDuration;
    private int _unreachable;

    /// <summary>Creates a budget over the keys under one prefix.</summary>
    /// <param name="redis">The connection to Redis; shared, not disposed by the budget.</param>
    /// <param name="keyPrefix">Put before each method's name to make its key: one prefix per portal and application, e.g. <c>bitrix24:operating:{client id}:{member id}:</c>.</param>
    /// <param name="limit">How much a method may use before its calls wait; <see cref="Bitrix24OperatingBudgetLimiter.PortalLimit"/> when null. Instances sharing keys should set the same.</param>
    /// <param name="timeProvider">The clock waits are measured on.</param>
    /// <param name="logger">Where an outage of Redis is reported; nothing secret is logged.</param>
    public RedisBitrix24OperatingBudget(IConnectionMultiplexer redis, string keyPrefix, TimeSpan? limit = null, TimeProvider? timeProvider = null, ILogger? logger = null)
        : base(limit, timeProvider)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentException.ThrowIfNullOrEmpty(keyPrefix);
        _redis = redis;
        _logger = logger;
        KeyPrefix = keyPrefix;
    }

    /// <summary>Put before each method's name to make its key.</summary>
    public string KeyPrefix { get; }

    /// <summary>
    /// How long what was read of a method's key is trusted before it is read again: one second unless set. Zero reads
    /// before every call.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative or longer than a minute.</exception>
    public TimeSpan CacheDuration
    {
        get => _cacheDuration;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TimeSpan.FromMinutes(1));
            _cacheDuration = value;
        }
    }

    /// <summary>The Redis key of <paramref name="method"/>'s spent budget.</summary>
    /// <param name="method">The method, in any case.</param>
    public string KeyOf(string method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return KeyPrefix + method.ToLowerInvariant();
    }

    /// <summary>Takes an answer's time block; when it reports the budget spent, writes the reset to Redis for the other instances, without waiting.</summary>
    /// <param name="method">The method that answered.</param>
    /// <param name="time">The answer's time block.</param>
    public override void Observe(string method, Bitrix24Time time)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(time);
        if (time.Operating is not { } operating)
        {
            return;
        }

        var used = TimeSpan.FromSeconds(operating);
        var now = Time.GetUtcNow();
        var spentUntil = used >= Limit && time.OperatingResetAt is { } resetAt && resetAt > now ? resetAt : (DateTimeOffset?)null;
        _known[method] = new Known(spentUntil, used, now + _cacheDuration);
        if (spentUntil is { } reset)
        {
            _ = WriteAsync(method, reset);
        }
    }

    /// <summary>What this instance knows, reading the key (blocking on one round trip) when that is older than <see cref="CacheDuration"/>.</summary>
    protected override DateTimeOffset? SpentUntil(string method)
    {
        var now = Time.GetUtcNow();
        if (Fresh(method, now) is { } known)
        {
            return known.SpentUntil;
        }

        if (!_redis.IsConnected)
        {
            return Unreachable(method, now, null);
        }

        try
        {
            return Remember(method, _redis.GetDatabase().StringGet(KeyOf(method)), now);
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            return Unreachable(method, now, exception);
        }
    }

    /// <summary>What this instance knows, reading the key when that is older than <see cref="CacheDuration"/>.</summary>
    protected override ValueTask<DateTimeOffset?> SpentUntilAsync(string method, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        if (Fresh(method, now) is { } known)
        {
            return new(known.SpentUntil);
        }

        return _redis.IsConnected ? new(ReadAsync(method, now)) : new(Unreachable(method, now, null));
    }

    /// <inheritdoc/>
    protected override TimeSpan? LastUsed(string method) => _known.TryGetValue(method, out var known) ? known.Used : null;

    /// <inheritdoc/>
    public override string ToString() =>
        "RedisBitrix24OperatingBudget { KeyPrefix = " + KeyPrefix + ", Limit = " + Limit.TotalSeconds + " s, CacheDuration = " + _cacheDuration.TotalMilliseconds + " ms }";

    private async Task<DateTimeOffset?> ReadAsync(string method, DateTimeOffset now)
    {
        try
        {
            return Remember(method, await _redis.GetDatabase().StringGetAsync(KeyOf(method)).ConfigureAwait(false), now);
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            return Unreachable(method, now, exception);
        }
    }

    private async Task WriteAsync(string method, DateTimeOffset resetAt)
    {
        if (!_redis.IsConnected)
        {
            Unreachable(method, Time.GetUtcNow(), null);
            return;
        }

        try
        {
            var milliseconds = resetAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            await _redis.GetDatabase().ScriptEvaluateAsync(SpendScript, [KeyOf(method)], [milliseconds]).ConfigureAwait(false);
            Reachable();
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            Unreachable(method, Time.GetUtcNow(), exception);
        }
    }

    private Known? Fresh(string method, DateTimeOffset now) => _known.TryGetValue(method, out var known) && now < known.FreshUntil ? known : null;

    private DateTimeOffset? Remember(string method, RedisValue value, DateTimeOffset now)
    {
        Reachable();
        var read = value.TryParse(out long milliseconds) ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : (DateTimeOffset?)null;

        // A reset this instance observed and is still writing is kept over a read that came first.
        var known = _known.AddOrUpdate(
            method,
            static (_, state) => new Known(state.Read, null, state.FreshUntil),
            static (_, known, state) => known with { SpentUntil = Later(known.SpentUntil > state.Now ? known.SpentUntil : null, state.Read), FreshUntil = state.FreshUntil },
            (Read: read, Now: now, FreshUntil: now + _cacheDuration));
        return known.SpentUntil;
    }

    // Redis is out of reach: go on with what this instance observed itself, and ask Redis again after the cache
    // duration rather than on every call.
    private DateTimeOffset? Unreachable(string method, DateTimeOffset now, Exception? exception)
    {
        if (Interlocked.Exchange(ref _unreachable, 1) == 0 && _logger is not null)
        {
            _logger.LogWarning(
                "The shared operating-time budget could not be reached in Redis (keys '{KeyPrefix}…'): {Error}. Calls go on with what this instance observed itself; the portal's refusals are retried.",
                KeyPrefix,
                exception?.GetType().Name ?? "not connected");
        }

        var known = _known.AddOrUpdate(
            method,
            static (_, freshUntil) => new Known(null, null, freshUntil),
            static (_, known, freshUntil) => known with { FreshUntil = freshUntil },
            now + _cacheDuration);
        return known.SpentUntil;
    }

    private static DateTimeOffset? Later(DateTimeOffset? one, DateTimeOffset? other) => one is null ? other : other is null || one > other ? one : other;

    private void Reachable()
    {
        if (Interlocked.Exchange(ref _unreachable, 0) == 1)
        {
            _logger?.LogInformation("The shared operating-time budget is reachable in Redis again (keys '{KeyPrefix}…').", KeyPrefix);
        }
    }

    // What this instance knows of a method: when its spent budget is released (null: not spent), the time its last
    // answer here reported used, and until when that is trusted without reading Redis.
    private sealed record Known(DateTimeOffset? SpentUntil, TimeSpan? Used, DateTimeOffset FreshUntil);
}
