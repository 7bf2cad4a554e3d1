using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bitrix24.Generated.AspNetCore;

/// <summary>
/// Whether the tokens of an install post were issued by the portal already stored under its <c>member_id</c>: one
/// call with the posted access token to the stored portal's REST address. Anyone may post an install, so a post for
/// a known portal proves itself this way before its tokens replace the ones the application calls that portal with.
/// </summary>
internal sealed class PostedTokensCheck
{
    private readonly IHttpClientFactory _httpClients;
    private readonly Bitrix24ApplicationOptions _application;

    public PostedTokensCheck(IHttpClientFactory httpClients, IOptions<Bitrix24ApplicationOptions> application)
    {
        _httpClients = httpClients;
        _application = application.Value;
    }

    /// <summary>True when the stored portal accepts the posted access token.</summary>
    public async Task<bool> IssuedByAsync(Bitrix24Portal stored, Bitrix24OAuthTokens posted, CancellationToken cancellationToken)
    {
        // The stored address, not the posted one: only the real portal accepts a token it issued.
        var tokens = new Bitrix24OAuthTokens(posted.AccessToken, posted.RefreshToken, stored.ClientEndpoint, posted.ExpiresAt);
        var options = new Bitrix24ConnectionOptions
        {
            RateLimiter = null,
            Retry = null,
            Timeout = _application.Connection.Timeout,
            AllowInsecureHttp = _application.Connection.AllowInsecureHttp,
        };
        foreach (var host in _application.Connection.AllowedPortalHosts)
        {
            options.AllowedPortalHosts.Add(host);
        }

        var httpClient = _httpClients.CreateClient(Bitrix24ServiceCollectionExtensions.ApplicationsHttpClientName);
        using var connection = new Bitrix24Connection(httpClient, new Bitrix24OAuth(_application.OAuth, new InMemoryBitrix24TokenStore(tokens), httpClient), options);
        try
        {
            await connection.CallAsync("app.info", InstallJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Bitrix24Exception)
        {
            return false;
        }
    }
}
