using System;
using System.Collections.Generic;
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
public sealed class RedisBitrix24RateLimiter : ReplenishingRateLimiter
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

    private static readonly TimeSpan DefaultSafetyMargin = TimeSpan.FromMilliseconds(100);

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisKey _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly double _intervalMicroseconds;
    private readonly object _gate = new();
    private readonly TimeSpan _safetyMargin = DefaultSafetyMargin;

    // What the last script run said, in this process's clock: when the bucket empties.
    private DateTimeOffset _emptyAt;
    private long _successful;
    private long _failed;
    private int _waiting;
    private bool _disposed;

    /// <summary>Creates a limiter over one Redis key.</summary>
    /// <param name="redis">The connection to Redis; shared, not disposed by the limiter.</param>
    /// <param name="key">The Redis key of the bucket: one per portal and application, e.g. <c>bitrix24:rate:{client id}:{member id}</c>.</param>
    /// <param name="burst">How many calls may go at once: 50 on most plans, 250 on Enterprise.</param>
    /// <param name="drainPerSecond">How many calls a second may follow: 2 on most plans, 5 on Enterprise.</param>
    /// <param name="timeProvider">The clock waits are measured on; the schedule itself is on the Redis server's clock.</param>
    public RedisBitrix24RateLimiter(IConnectionMultiplexer redis, string key, int burst, double drainPerSecond, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(drainPerSecond);
        _redis = redis;
        Key = key;
        _key = key;
        Burst = burst;
        DrainPerSecond = drainPerSecond;
        _time = timeProvider ?? TimeProvider.System;
        _interval = TimeSpan.FromSeconds(1 / drainPerSecond);
        _intervalMicroseconds = 1_000_000 / drainPerSecond;
        _emptyAt = _time.GetUtcNow();
    }

    /// <summary>The Redis key the bucket is kept in.</summary>
    public string Key { get; }

    /// <summary>How many calls may go at once.</summary>
    public int Burst { get; }

    /// <summary>How many calls a second may follow.</summary>
    public double DrainPerSecond { get; }

    /// <summary>
    /// How long a call waits beyond the moment the bucket's arithmetic would let it go, when it fits only because
    /// earlier calls have drained away; 100 ms unless set. As <see cref="Bitrix24RateLimiter.SafetyMargin"/>: paid
    /// once per burst, not per call, and not by the burst of an idle bucket. All instances sharing a key should set
    /// the same margin.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The margin is negative or longer than a minute.</exception>
    public TimeSpan SafetyMargin
    {
        get => _safetyMargin;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TimeSpan.FromMinutes(1));
            _safetyMargin = value;
        }
    }

    /// <inheritdoc/>
    public override bool IsAutoReplenishing => true;

    /// <summary>How often the bucket drains by one call: the inverse of <see cref="DrainPerSecond"/>.</summary>
    public override TimeSpan ReplenishmentPeriod => _interval;

    /// <summary>How long the bucket has been empty as far as this instance last saw; null while calls wait or it is not empty.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                return _waiting == 0 && _emptyAt <= now ? now - _emptyAt : null;
            }
        }
    }

    /// <summary>The bucket drains by the clock; there is nothing to replenish by hand.</summary>
    public override bool TryReplenish() => false;

    /// <summary>
    /// This instance's leases and waiting calls; the available permits as of this instance's last call, since the
    /// calls of other instances are seen only in Redis (and a statistic does not ask it).
    /// </summary>
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = Available(_emptyAt - _time.GetUtcNow()),
                CurrentQueuedCount = _waiting,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

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
        lock (_gate)
        {
            var acquired = reserved || (permitCount == 0 && wait == TimeSpan.Zero);
            if (acquired)
            {
                _successful++;
                return RedisLease.Acquired;
            }

            _failed++;
            return new RedisLease(wait);
        }
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
        lock (_gate)
        {
            _successful++;
            if (wait == TimeSpan.Zero)
            {
                return RedisLease.Acquired;
            }

            _waiting++;
        }

        try
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _waiting--;
            }
        }

        return RedisLease.Acquired;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"RedisBitrix24RateLimiter {{ Key = {Key}, Burst = {Burst}, DrainPerSecond = {DrainPerSecond}, SafetyMargin = {SafetyMargin.TotalMilliseconds} ms }}";

    private RedisValue[] Arguments(int permitCount, bool reserve) =>
    [
        _intervalMicroseconds.ToString("R", CultureInfo.InvariantCulture),
        (_intervalMicroseconds * (Burst - 1)).ToString("R", CultureInfo.InvariantCulture),
        permitCount,
        (long)(_safetyMargin.Ticks / 10),
        reserve ? 1 : 0,
    ];

    private (bool Reserved, TimeSpan Wait) Read(RedisResult result)
    {
        var values = (RedisResult[])result!;
        var reserved = (long)values[0] == 1;
        var wait = TimeSpan.FromTicks((long)values[1] * 10);
        var backlog = TimeSpan.FromTicks((long)values[2] * 10);
        lock (_gate)
        {
            _emptyAt = _time.GetUtcNow() + backlog;
        }

        return (reserved, wait);
    }

    // How many calls would go at once with this much scheduled ahead.
    private long Available(TimeSpan backlog)
    {
        if (backlog <= TimeSpan.Zero)
        {
            return Burst;
        }

        var queued = (long)Math.Ceiling(backlog.Ticks / (double)_interval.Ticks);
        return Math.Max(0, Burst - queued);
    }

    private Bitrix24RedisException Unreachable(Exception exception) =>
        new($"The shared rate limit could not be read from Redis (key '{Key}'): {exception.GetType().Name}. The call was not sent.", exception);

    private void CheckPermits(int permitCount)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (permitCount > Burst)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "At most " + Burst + " calls fit in the bucket at once.");
        }
    }
}

/// <summary>A place in the shared bucket, or a refusal that says when there will be one.</summary>
internal sealed class RedisLease : RateLimitLease
{
    private readonly TimeSpan? _retryAfter;

    public RedisLease(TimeSpan retryAfter) => _retryAfter = retryAfter;

    private RedisLease() => IsAcquiredValue = true;

    /// <summary>An acquired place: it holds nothing, since the bucket drains by the clock.</summary>
    public static RedisLease Acquired { get; } = new();

    public override bool IsAcquired => IsAcquiredValue;

    public override IEnumerable<string> MetadataNames => _retryAfter is null ? Array.Empty<string>() : new[] { MetadataName.RetryAfter.Name };

    private bool IsAcquiredValue { get; }

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (_retryAfter is { } retryAfter && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = retryAfter;
            return true;
        }

        metadata = null;
        return false;
    }
}
