namespace Bitrix24.Generated;

/// <summary>An OAuth application installed on many portals: its credentials and the settings of each portal's connection.</summary>
public sealed class Bitrix24ApplicationOptions
{
    /// <summary>The application's client id, secret and token endpoint.</summary>
    public Bitrix24OAuthOptions OAuth { get; set; } = new();

    /// <summary>
    /// The settings every portal's connection is made with. A <see cref="Bitrix24RateLimiter"/> in
    /// <see cref="Bitrix24ConnectionOptions.RateLimiter"/> is a template: each portal gets a limiter of its own with the
    /// same numbers (the portal counts the calls of each application on it apart), or none when it is null. A limiter
    /// of another type is shared by all portals; give each its own with <see cref="PortalRateLimiter"/>. So is a
    /// <see cref="Bitrix24OperatingBudget"/> in <see cref="Bitrix24ConnectionOptions.OperatingBudget"/>: each portal
    /// gets one with the same limit; a budget of another type is shared, or made per portal by
    /// <see cref="PortalOperatingBudget"/>.
    /// </summary>
    public Bitrix24ConnectionOptions Connection { get; } = new();

    /// <summary>
    /// The token endpoint of each portal, when not every portal renews at <see cref="Bitrix24OAuthOptions.TokenEndpoint"/>:
    /// an on-premise portal's local application renews on the portal itself, e.g.
    /// <c>portal =&gt; new Uri(portal.ClientEndpoint, "/oauth/token/")</c>. The client secret is sent there, so
    /// return only addresses you trust. Null (the default): <see cref="OAuth"/>'s endpoint for all.
    /// </summary>
    public System.Func<Bitrix24Portal, System.Uri>? TokenEndpoint { get; set; }

    /// <summary>
    /// Makes the rate limiter of each portal's connection (null for none), in place of copies of
    /// <see cref="Bitrix24ConnectionOptions.RateLimiter"/>: any <see cref="System.Threading.RateLimiting.RateLimiter"/>,
    /// e.g. one whose state several instances of the application share. Called once per portal connection.
    /// </summary>
    public System.Func<Bitrix24Portal, System.Threading.RateLimiting.RateLimiter?>? PortalRateLimiter { get; set; }

    /// <summary>
    /// Makes the operating-time budget of each portal's connection (null for none), in place of copies of
    /// <see cref="Bitrix24ConnectionOptions.OperatingBudget"/>: e.g. one whose state several instances of the
    /// application share. Called once per portal connection.
    /// </summary>
    public System.Func<Bitrix24Portal, Bitrix24OperatingBudgetLimiter?>? PortalOperatingBudget { get; set; }

    /// <inheritdoc/>
    public override string ToString() => "Bitrix24ApplicationOptions { OAuth = " + OAuth + " }";
}
