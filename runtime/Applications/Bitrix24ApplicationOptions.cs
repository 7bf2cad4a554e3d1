namespace Bitrix24.Generated;

/// <summary>An OAuth application installed on many portals: its credentials and the settings of each portal's connection.</summary>
public sealed class Bitrix24ApplicationOptions
{
    /// <summary>The application's client id, secret and token endpoint.</summary>
    public Bitrix24OAuthOptions OAuth { get; set; } = new();

    /// <summary>
    /// The settings every portal's connection is made with. <see cref="Bitrix24ConnectionOptions.RateLimiter"/> is a
    /// template: each portal gets a limiter of its own with the same numbers (the portal counts the calls of each
    /// application on it apart), or none when it is null.
    /// </summary>
    public Bitrix24ConnectionOptions Connection { get; } = new();

    /// <inheritdoc/>
    public override string ToString() => "Bitrix24ApplicationOptions { OAuth = " + OAuth + " }";
}
