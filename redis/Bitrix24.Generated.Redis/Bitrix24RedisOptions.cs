namespace Bitrix24.Generated.Redis;

/// <summary>What <c>UseRedis</c> shares through Redis, and under which keys.</summary>
public sealed class Bitrix24RedisOptions
{
    /// <summary>
    /// Put before every key: <c>{prefix}rate:…</c> for the buckets, <c>{prefix}operating:…</c> for the operating-time
    /// budgets, <c>{prefix}renewal:…</c> for the locks; <c>bitrix24:</c> unless set.
    /// </summary>
    public string KeyPrefix { get; set; } = "bitrix24:";

    /// <summary>Whether the rate limit is shared (true unless set): the connection's <see cref="Bitrix24RateLimiter"/> gives its burst, drain and margin; a limiter of another kind is left alone.</summary>
    public bool ShareRateLimit { get; set; } = true;

    /// <summary>
    /// Whether the operating-time budget is shared (true unless set): a <see cref="Bitrix24OperatingBudget"/> in the
    /// connection's settings gives its limit to a <see cref="RedisBitrix24OperatingBudget"/> per portal and
    /// application; a budget of another kind, or none, is left alone.
    /// </summary>
    public bool ShareOperatingBudget { get; set; } = true;

    /// <summary>Whether token renewals take the lock in Redis (true unless set), so one instance renews and the others wait for its tokens.</summary>
    public bool ShareRenewal { get; set; } = true;

    /// <summary>
    /// The bucket's key after <c>{prefix}rate:</c> for a single-client registration, and the budget's after
    /// <c>{prefix}operating:</c>: the webhook's portal host, or <c>oauth:{client id}</c>, unless set. (An
    /// application's portals are keyed by client id and member id.)
    /// </summary>
    public string? RateLimitKey { get; set; }

    /// <inheritdoc/>
    public override string ToString() => "Bitrix24RedisOptions { KeyPrefix = " + KeyPrefix + ", ShareRateLimit = " + ShareRateLimit + ", ShareOperatingBudget = " + ShareOperatingBudget + ", ShareRenewal = " + ShareRenewal + " }";
}
