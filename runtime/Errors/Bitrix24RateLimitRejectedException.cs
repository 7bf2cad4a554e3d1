namespace Bitrix24.Generated;

/// <summary>
/// The connection's own rate limiter refused a call without saying when to try again (e.g. its queue was full): the
/// call was not sent.
/// </summary>
public sealed class Bitrix24RateLimitRejectedException : Bitrix24Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="method">The method that was not sent.</param>
    /// <param name="limiter">The limiter's type, for the message.</param>
    public Bitrix24RateLimitRejectedException(string method, string limiter)
        : base(method, $"'{method}' was not sent: the connection's rate limiter ({limiter}) refused it and gave no time to try again.")
    {
    }
}
