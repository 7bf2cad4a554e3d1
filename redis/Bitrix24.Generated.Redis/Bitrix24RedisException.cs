using System;

namespace Bitrix24.Generated.Redis;

/// <summary>
/// Redis could not be reached, or answered with an error, when the shared rate limit needed it (the shared
/// operating-time budget and renewal lock go on without Redis instead). The message names the Redis key involved,
/// never the connection string (which may hold a password).
/// </summary>
public sealed class Bitrix24RedisException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What could not be done.</param>
    /// <param name="innerException">The Redis client's exception.</param>
    public Bitrix24RedisException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
