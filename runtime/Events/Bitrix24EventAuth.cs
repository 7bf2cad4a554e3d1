using System.Globalization;

namespace Bitrix24.Generated.Events;

/// <summary>
/// The <c>auth</c> block of an event: which portal the event happened on and the application's tokens there. The same
/// for every event. <see cref="ToString"/> leaves the tokens out, so that logging it leaks none.
/// </summary>
public sealed class Bitrix24EventAuth
{
    /// <summary>An OAuth 2.0 access token for calls to the portal (<c>access_token</c>), or null.</summary>
    public string? AccessToken { get; set; }

    /// <summary>Seconds until <see cref="AccessToken"/> expires (<c>expires_in</c>), or null.</summary>
    public int? ExpiresIn { get; set; }

    /// <summary>The scope the event occurred under (<c>scope</c>).</summary>
    public string? Scope { get; set; }

    /// <summary>The portal's address, e.g. <c>some-domain.bitrix24.com</c> (<c>domain</c>).</summary>
    public string? Domain { get; set; }

    /// <summary>The OAuth server that refreshes the tokens (<c>server_endpoint</c>).</summary>
    public string? ServerEndpoint { get; set; }

    /// <summary>
    /// The application's status on the portal (<c>status</c>): <c>L</c> local, <c>F</c> free, <c>D</c> demo, <c>T</c>
    /// trial, <c>P</c> paid.
    /// </summary>
    public string? Status { get; set; }

    /// <summary>The address REST calls to the portal go to, e.g. <c>https://some-domain.bitrix24.com/rest/</c> (<c>client_endpoint</c>).</summary>
    public string? ClientEndpoint { get; set; }

    /// <summary>The portal's identifier, which tells the portals of an application apart (<c>member_id</c>).</summary>
    public string? MemberId { get; set; }

    /// <summary>An OAuth 2.0 refresh token (<c>refresh_token</c>), or null.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>
    /// The token the portal gave the application at install (<c>application_token</c>); a handler checks it to know the
    /// event comes from the portal.
    /// </summary>
    public string? ApplicationToken { get; set; }

    /// <summary>The portal and the application's status, without any token.</summary>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "Bitrix24EventAuth {{ Domain = {0}, MemberId = {1}, ClientEndpoint = {2}, ServerEndpoint = {3}, Scope = {4}, Status = {5}, ExpiresIn = {6} }}",
        Domain, MemberId, ClientEndpoint, ServerEndpoint, Scope, Status, ExpiresIn);
}
