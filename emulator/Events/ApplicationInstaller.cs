using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator.OAuth;
using Bitrix24.Generated.Forms;

namespace Bitrix24.Emulator.Events;

/// <summary>
/// Installing and removing the application, as a portal does for a local application that uses the API only: the
/// install form posted to the install URL (the portal's address in the query, the tokens in the body), then
/// <c>ONAPPINSTALL</c> with the same tokens; on removal <c>ONAPPUNINSTALL</c> without tokens, and then the
/// application's bindings, queue and tokens are gone.
/// </summary>
internal sealed class ApplicationInstaller
{
    private const string Language = "en";
    private readonly PortalEvents _events;
    private readonly OAuthServer _oauth;
    private readonly int _userId;

    public ApplicationInstaller(PortalEvents events, OAuthServer oauth, int userId)
    {
        _events = events;
        _oauth = oauth;
        _userId = userId;
    }

    public async Task<ApplicationInstallResult> InstallAsync(Uri installUrl, CancellationToken cancellationToken)
    {
        var tokens = _oauth.Issue(_userId);
        var payloads = _events.Payloads;
        var portal = payloads.Portal;
        var rest = new Uri(portal, "rest/").ToString();
        // DOMAIN, PROTOCOL, LANG and APP_SID come in the query string, the rest in the body (settings/oauth/simple-way).
        var query = "DOMAIN=" + Uri.EscapeDataString(portal.Authority) +
            "&PROTOCOL=" + (portal.Scheme == Uri.UriSchemeHttps ? "1" : "0") +
            "&LANG=" + Language +
            "&APP_SID=" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var formUrl = new UriBuilder(installUrl) { Query = string.IsNullOrEmpty(installUrl.Query) ? query : installUrl.Query.TrimStart('?') + "&" + query }.Uri;
        var form = new List<KeyValuePair<string, string>>
        {
            new("AUTH_ID", tokens.AccessToken),
            new("AUTH_EXPIRES", payloads.ExpiresIn(tokens).ToString(CultureInfo.InvariantCulture)),
            new("REFRESH_ID", tokens.RefreshToken),
            new("SERVER_ENDPOINT", rest),
            new("APPLICATION_TOKEN", payloads.ApplicationToken),
            new("APPLICATION_SCOPE", _events.ScopeOf("ONAPPINSTALL")),
            new("member_id", payloads.MemberId),
            new("status", "L"),
            new("PLACEMENT", "DEFAULT"),
            new("PLACEMENT_OPTIONS", "{}"),
        };
        var install = await _events.Delivery.PostAsync("INSTALL", formUrl, form, cancellationToken).ConfigureAwait(false);

        var data = new JsonObject { ["VERSION"] = "1", ["ACTIVE"] = "Y", ["INSTALLED"] = "Y", ["LANGUAGE_ID"] = Language };
        var payload = payloads.Event("ONAPPINSTALL", null, data, tokens, _events.ScopeOf("ONAPPINSTALL"));
        var installed = await _events.Delivery.PostAsync("ONAPPINSTALL", installUrl, PhpFormEncoder.Encode(payload), cancellationToken).ConfigureAwait(false);
        return new ApplicationInstallResult(tokens, install?.Status, install?.Body, installed?.Status);
    }

    public async Task UninstallAsync(CancellationToken cancellationToken)
    {
        const string EventName = "ONAPPUNINSTALL";
        var data = new JsonObject { ["LANGUAGE_ID"] = Language, ["CLEAN"] = 0 };
        foreach (var binding in _events.Bindings.Of(EventName))
        {
            if (!binding.Offline)
            {
                // The application is gone by the time its handler hears of it: no tokens, only the application token.
                _events.Delivery.Enqueue(EventName, new Uri(binding.Handler), _events.Payloads.Event(EventName, null, data, null, _events.ScopeOf(EventName)));
            }
        }

        _events.Bindings.Clear();
        _events.Offline.Clear();
        _oauth.RevokeAll();
        await _events.Delivery.WaitForIdleAsync(cancellationToken).ConfigureAwait(false);
    }
}
