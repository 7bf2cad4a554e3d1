namespace Bitrix24.Generated;

/// <summary>
/// The portal answered with a redirect the connection does not follow: one that is not a portal's move to a new
/// address (HTTPS, the same REST path, a host of the Bitrix24 cloud, the configured host or one in
/// <see cref="Bitrix24ConnectionOptions.AllowedPortalHosts"/>), or one too many. Nothing was sent to its target.
/// </summary>
public sealed class Bitrix24RedirectException : Bitrix24Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="method">The REST method that was called.</param>
    /// <param name="statusCode">The redirect's HTTP status.</param>
    /// <param name="host">The host the redirect pointed to, if it named one.</param>
    /// <param name="reason">Why it was not followed.</param>
    public Bitrix24RedirectException(string method, System.Net.HttpStatusCode statusCode, string? host, string reason)
        : base(method, $"The portal answered '{method}' with HTTP {(int)statusCode} to {(string.IsNullOrEmpty(host) ? "an address without a host" : "'" + host + "'")}, which was not followed: {reason}")
    {
        StatusCode = statusCode;
        Host = host;
    }

    /// <summary>The redirect's HTTP status.</summary>
    public System.Net.HttpStatusCode StatusCode { get; }

    /// <summary>The host the redirect pointed to, if it named one.</summary>
    public string? Host { get; }
}
