using System;
using System.Globalization;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace Bitrix24.Generated.Redis;

/// <summary>
/// The leaky bucket of <see cref="Bitrix24RateLimiter"/> (<c>burst</c> calls at once, then <c>drainPerSecond</c> a
/// second), kept in one Redis key so that every instance of an application using the same key shares it, as the
/// portal counts their calls together. Each acquisition is one atomic script run on the Redis server, which reads the
/// time from Redis itself (<c>TIME</c>): all instances schedule on one clock, however far their own clocks drift.
/// </summary>
/// <remarks>
/// <para>
/// The key holds the bucket's theoretical arrival time (virtual scheduling, as in GCRA) and the moment its current
/// burst started, in microseconds of the Redis clock; it expires once the bucket has drained, so an idle portal
/// leaves nothing behind.
/// </para>
/// <para>
/// When Redis cannot be reached, acquiring fails with <see cref="Bitrix24RedisException"/> rather than letting the
/// call through unpaced: a call sent past the shared limit costs every instance a refused call and a retry, while a
/// failed acquire names its cause. The message names the key, never the connection string.
/// </para>
/// </remarks>
public sealed class RedisBitrix24RateLimiter : Bitrix24LeakyBucketLimiter
{
    // ARGV: interval (µs), tolerance (µs), permits, safety margin (µs), 1 to reserve even when the permits have to
    // wait (acquire) or 0 to reserve only when they go now (attempt). Returns {reserved 0/1, wait µs, backlog µs}:
    // the backlog is how far the theoretical arrival lies ahead of now afterwards.
    internal const string Script = """
        if redis.replicate_commands then pcall(redis.replicate_commands) end
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local interval = tonumber(ARGV[1])
        local tolerance = tonumber(ARGV[2])
        local permits = tonumber(ARGV[3])
        local margin = tonumber(ARGV[4])
        local reserve = ARGV[5] == '1'
        local state = redis.call('HMGET', KEYS[1], 'tat', 'bs')
        local tat = tonumber(state[1]) or 0
        local bs = tonumber(state[2]) or 0
        if tat <= now - margin then bs = now end
        local arrival = tat
        if arrival < now then arrival = now end
        local n = permits
        if n < 1 then n = 1 end
        local fits = arrival + interval * (n - 1) - tolerance
        local admitted = fits
        if fits > bs then admitted = fits + margin end
        local wait = admitted - now
        if wait < 0 then wait = 0 end
        if permits == 0 or (wait > 0 and not reserve) then
          local backlog = tat - now
          if backlog < 0 then backlog = 0 end
          return {0, math.ceil(wait), math.floor(backlog)}
        end
        local newtat = arrival + interval * permits
        redis.call('HSET', KEYS[1], 'tat', string.format('%.0f', newtat), 'bs', string.format('%.0f', bs))
        redis.call('PEXPIRE', KEYS[1], string.format('%.0f', math.ceil((newtat - now + margin) / 1000) + 1000))
        return {1, math.ceil(wait), math.floor(newtat - now)}
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisKey _key;
    private readonly double _intervalMicroseconds;

    // What the last script run said, in this process's clock: when the bucket empties.
    private DateTimeOffset _emptyAt;

    /// <summary>Creates a limiter over one Redis key.</summary>
    /// <param name="redis">The connection to Redis; shared, not disposed by the limiter.</param>
    /// <param name="key">The Redis key of the bucket: one per portal and application, e.g. <c>bitrix24:rate:{client id}:{member id}</c>.</param>
    /// <param name="burst">How many calls may go at once: 50 on most plans, 250 on Enterprise.</param>
    /// <param name="drainPerSecond">How many calls a second may follow: 2 on most plans, 5 on Enterprise.</param>
    /// <param name="timeProvider">The clock waits are measured on; the schedule itself is on the Redis server's clock.</param>
    public RedisBitrix24RateLimiter(IConnectionMultiplexer redis, string key, int burst, double drainPerSecond, TimeProvider? timeProvider = null)
        : base(burst, drainPerSecond, timeProvider)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentException.ThrowIfNullOrEmpty(key);
        _redis = redis;
        Key = key;
        _key = key;
        _intervalMicroseconds = 1_000_000 / drainPerSecond;
        _emptyAt = Time.GetUtcNow();
    }

    /// <summary>The Redis key the bucket is kept in.</summary>
    public string Key { get; }

    /// <summary>When the bucket empties as far as this instance last saw: other instances' calls are seen only in Redis.</summary>
    protected override DateTimeOffset EmptyAt => _emptyAt;

    /// <summary>
    /// Takes <paramref name="permitCount"/> places if they are free now; otherwise a lease whose
    /// <see cref="MetadataName.RetryAfter"/> says when they will be. Blocks on one Redis round trip.
    /// </summary>
    /// <exception cref="Bitrix24RedisException">Redis could not be reached.</exception>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckPermits(permitCount);
        RedisResult result;
        try
        {
            result = _redis.GetDatabase().ScriptEvaluate(Script, [_key], Arguments(permitCount, reserve: false));
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            throw Unreachable(exception);
        }

        var (reserved, wait) = Read(result);
        return reserved || (permitCount == 0 && wait == TimeSpan.Zero) ? Grant() : Refuse(wait);
    }

    /// <summary>
    /// Reserves <paramref name="permitCount"/> places at the earliest moment the shared bucket admits them, and waits
    /// for it; a cancelled wait leaves the place used.
    /// </summary>
    /// <exception cref="Bitrix24RedisException">Redis could not be reached.</exception>
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckPermits(permitCount);
        cancellationToken.ThrowIfCancellationRequested();
        RedisResult result;
        try
        {
            result = await _redis.GetDatabase().ScriptEvaluateAsync(Script, [_key], Arguments(permitCount, reserve: true)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            throw Unreachable(exception);
        }

        // A probe (no permits) reserves nothing and waits for the moment one call would fit.
        var (_, wait) = Read(result);
        return await GrantAfter(wait, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"RedisBitrix24RateLimiter {{ Key = {Key}, Burst = {Burst}, DrainPerSecond = {DrainPerSecond}, SafetyMargin = {SafetyMargin.TotalMilliseconds} ms }}";

    private RedisValue[] Arguments(int permitCount, bool reserve) =>
    [
        _intervalMicroseconds.ToString("R", CultureInfo.InvariantCulture),
        (_intervalMicroseconds * (Burst - 1)).ToString("R", CultureInfo.InvariantCulture),
        permitCount,
        (long)(SafetyMargin.Ticks / 10),
        reserve ? 1 : 0,
    ];

    private (bool Reserved, TimeSpan Wait) Read(RedisResult result)
    {
        var values = (RedisResult[])result!;
        var reserved = (long)values[0] == 1;
        var wait = TimeSpan.FromTicks((long)values[1] * 10);
        var backlog = TimeSpan.FromTicks((long)values[2] * 10);
        lock (Gate)
        {
            _emptyAt = Time.GetUtcNow() + backlog;
        }

        return (reserved, wait);
    }

    private Bitrix24RedisException Unreachable(Exception exception) =>
        new($"The shared rate limit could not be read from Redis (key '{Key}'): {exception.GetType().Name}. The call was not sent.", exception);
}
