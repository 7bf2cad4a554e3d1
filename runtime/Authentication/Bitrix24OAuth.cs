using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated.Transport;

namespace Bitrix24.Generated;

/// <summary>
/// An OAuth application's authentication: calls carry the access token; when the portal answers
/// <c>expired_token</c>, the token is renewed once per expiry, however many calls were waiting, and they are replayed.
/// A renewal is saved with <see cref="IBitrix24TokenStore.SwapAsync"/>: of several instances sharing a store and
/// renewing at once, one renewal is kept and the others go on with its tokens, also when the token endpoint refused
/// them the refresh token the winner had just used.
/// </summary>
public sealed class Bitrix24OAuth : Bitrix24Authentication
{
    private readonly Bitrix24OAuthOptions _options;
    private readonly IBitrix24TokenStore _store;
    private readonly HttpClient _httpClient;
    // One renewal at a time per token store, however many connections share it (DI makes them per call).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IBitrix24TokenStore, SemaphoreSlim> Renewals = new();
    private readonly SemaphoreSlim _renewal;
    private int _renewalCount;

    // The last tokens seen, so secrets can be redacted without asking the store.
    private volatile Bitrix24OAuthTokens? _known;

    // The tokens the last renewal replaced: a token endpoint or portal may still quote them, and the access token may
    // still be good for a while.
    private volatile Bitrix24OAuthTokens? _replaced;

    /// <summary>Creates the authentication.</summary>
    /// <param name="options">The application's credentials and token endpoint.</param>
    /// <param name="store">Where the tokens are kept.</param>
    /// <param name="httpClient">The client for the token endpoint; it must not follow redirects (see <see cref="Bitrix24Connection.CreateHttpClient"/>).</param>
    public Bitrix24OAuth(Bitrix24OAuthOptions options, IBitrix24TokenStore store, HttpClient httpClient)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _renewal = Renewals.GetValue(store, static _ => new SemaphoreSlim(1, 1));
    }

    /// <summary>How many times the tokens were renewed by this instance.</summary>
    public int RenewalCount => Volatile.Read(ref _renewalCount);

    internal override async ValueTask<Bitrix24Authorization> AuthorizeAsync(string method, Bitrix24ApiVersion api, CancellationToken cancellationToken)
    {
        var tokens = await _store.GetAsync(cancellationToken).ConfigureAwait(false);
        Know(tokens);
        if (api == Bitrix24ApiVersion.Rest3)
        {
            // REST 3.0 reads nothing from the query string: the token goes into the body's auth field.
            return new Bitrix24Authorization(new Uri(tokens.ClientEndpoint, "api/" + method), tokens.AccessToken, tokens.AccessToken);
        }

        var address = new Uri(tokens.ClientEndpoint, method + "?auth=" + Uri.EscapeDataString(tokens.AccessToken));
        return new Bitrix24Authorization(address, tokens.AccessToken);
    }

    internal override async ValueTask<bool> RenewAsync(Bitrix24Authorization expired, string method, PortalHosts hosts, CancellationToken cancellationToken)
    {
        await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await _store.GetAsync(cancellationToken).ConfigureAwait(false);
            Know(current);
            if (current.AccessToken != expired.Credential)
            {
                // Another call renewed the tokens since this one was sent: this expiry is dealt with, just replay.
                return true;
            }

            if (_options.RenewalLock is not { } renewalLock)
            {
                return await RenewNowAsync(current, method, hosts, cancellationToken).ConfigureAwait(false);
            }

            var key = RenewalLockKey(current);
            var held = await renewalLock.TryAcquireAsync(key, _options.RenewalLockLease, cancellationToken).ConfigureAwait(false);
            if (held is null)
            {
                // Another instance is renewing: its tokens reach the store before its lease ends, unless it failed.
                var newer = await RenewedElsewhereAsync(current.RefreshToken, _options.RenewalLockLease, cancellationToken).ConfigureAwait(false);
                if (newer is not null)
                {
                    Know(newer);
                    return true;
                }

                // It failed or crashed without renewing: renew here, with the lock if it is free by now.
                held = await renewalLock.TryAcquireAsync(key, _options.RenewalLockLease, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                // The lock may have been released by a renewal that finished after the read above.
                var again = await _store.GetAsync(cancellationToken).ConfigureAwait(false);
                if (!string.Equals(again.RefreshToken, current.RefreshToken, StringComparison.Ordinal))
                {
                    Know(again);
                    return true;
                }

                return await RenewNowAsync(current, method, hosts, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (held is not null)
                {
                    await held.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _renewal.Release();
        }
    }

    // The portal (its REST host) and the application: the lock names no secret.
    private string RenewalLockKey(Bitrix24OAuthTokens tokens) => _options.ClientId + "@" + tokens.ClientEndpoint.Authority;

    /// <summary>
    /// Waits, up to <paramref name="limit"/>, for the store to hold tokens renewed from other than
    /// <paramref name="usedRefreshToken"/>; null when none come.
    /// </summary>
    private async Task<Bitrix24OAuthTokens?> RenewedElsewhereAsync(string usedRefreshToken, TimeSpan limit, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (true)
        {
            await Task.Delay(LockedRereadInterval, cancellationToken).ConfigureAwait(false);
            var stored = await _store.GetAsync(cancellationToken).ConfigureAwait(false);
            if (!string.Equals(stored.RefreshToken, usedRefreshToken, StringComparison.Ordinal))
            {
                return stored;
            }

            if (System.Diagnostics.Stopwatch.GetElapsedTime(started) >= limit)
            {
                return null;
            }
        }
    }

    private static readonly TimeSpan LockedRereadInterval = TimeSpan.FromMilliseconds(50);

    // Asks the token endpoint and saves its answer; the caller holds the in-process renewal semaphore.
    private async Task<bool> RenewNowAsync(Bitrix24OAuthTokens current, string method, PortalHosts hosts, CancellationToken cancellationToken)
    {
        Bitrix24OAuthTokens renewed;
        try
        {
            renewed = await RequestTokensAsync(current, method, hosts, cancellationToken).ConfigureAwait(false);
        }
        catch (Bitrix24AuthenticationException exception) when (exception.Error == "invalid_grant")
        {
            // The refresh token was used already: by another instance sharing the store, whose tokens are saved
            // there by now or in a moment. Only when none show up is the refusal final.
            var newer = await NewerTokensAsync(current.RefreshToken, cancellationToken).ConfigureAwait(false);
            if (newer is null)
            {
                throw;
            }

            Know(newer);
            return true;
        }

        // Saved only if no one else saved a renewal since the read above; otherwise the stored tokens are newer
        // than the ones read, and they are the ones to go on with.
        var swap = await _store.SwapAsync(current.RefreshToken, renewed, cancellationToken).ConfigureAwait(false);
        Know(swap.Tokens);
        if (swap.Swapped)
        {
            Interlocked.Increment(ref _renewalCount);
        }

        return true;
    }

    /// <summary>
    /// Waits a little for another instance's renewal of <paramref name="usedRefreshToken"/> to reach the store: its
    /// token request may have been answered an instant before this one's, its save not yet done. Null when the store
    /// still holds the used refresh token after that.
    /// </summary>
    private async Task<Bitrix24OAuthTokens?> NewerTokensAsync(string usedRefreshToken, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stored = await _store.GetAsync(cancellationToken).ConfigureAwait(false);
            if (!string.Equals(stored.RefreshToken, usedRefreshToken, StringComparison.Ordinal))
            {
                return stored;
            }

            // An in-memory store is no other process's: nothing newer will come.
            if (attempt == StoreRereads || _store is InMemoryBitrix24TokenStore)
            {
                return null;
            }

            await Task.Delay(StoreRereadInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    // How long a refused renewal looks for another instance's tokens in the store: 10 × 200 ms.
    private const int StoreRereads = 10;
    private static readonly TimeSpan StoreRereadInterval = TimeSpan.FromMilliseconds(200);

    internal override string Redact(string text)
    {
        var tokens = _known;
        var replaced = _replaced;
        return RedactAll(text, tokens?.AccessToken, tokens?.RefreshToken, replaced?.AccessToken, replaced?.RefreshToken, _options.ClientSecret);
    }

    // Remembers the tokens in use, and the ones they replace, for redaction.
    private void Know(Bitrix24OAuthTokens tokens)
    {
        if (_known is { } known && known.AccessToken != tokens.AccessToken)
        {
            _replaced = known;
        }

        _known = tokens;
    }

    /// <inheritdoc/>
    public override string ToString() => "Bitrix24OAuth { ClientId = " + _options.ClientId + " }";

    private async Task<Bitrix24OAuthTokens> RequestTokensAsync(Bitrix24OAuthTokens current, string method, PortalHosts hosts, CancellationToken cancellationToken)
    {
        var query = "?grant_type=refresh_token" +
            "&client_id=" + Uri.EscapeDataString(_options.ClientId) +
            "&client_secret=" + Uri.EscapeDataString(_options.ClientSecret) +
            "&refresh_token=" + Uri.EscapeDataString(current.RefreshToken);
        byte[] body;
        int status;
        try
        {
            using var response = await _httpClient.GetAsync(new Uri(_options.TokenEndpoint, query), cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The call's own timeout or the caller's cancellation: the connection tells which.
            throw;
        }
        catch (OperationCanceledException exception)
        {
            // The HttpClient's own timeout.
            throw new Bitrix24AuthenticationException(method, "timeout", $"The token endpoint did not answer in time to renew the access token for '{method}'.", Sanitize(exception));
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw new Bitrix24AuthenticationException(
                method,
                "unreachable",
                $"The token endpoint could not be reached to renew the access token for '{method}': {Redact(exception.Message)}",
                Sanitize(exception));
        }

        var answer = TokenResponse.Read(body);
        if (answer.Problem is { } problem)
        {
            throw new Bitrix24AuthenticationException(method, "invalid_response", $"The token endpoint answered HTTP {status} with something that is not a token response: {problem}");
        }

        if (answer.Error is not null || status is < 200 or > 299 || string.IsNullOrEmpty(answer.AccessToken) || string.IsNullOrEmpty(answer.RefreshToken))
        {
            // The answer's own tokens are hidden too, should an error quote them.
            var error = Shorten(RedactAll(Redact(answer.Error ?? "invalid_response"), answer.AccessToken, answer.RefreshToken));
            var description = Shorten(RedactAll(Redact(answer.Description ?? "no tokens in the answer"), answer.AccessToken, answer.RefreshToken));
            throw new Bitrix24AuthenticationException(method, error, $"Renewing the access token for '{method}' failed with HTTP {status}, '{error}': {description}");
        }

        return new Bitrix24OAuthTokens(answer.AccessToken, answer.RefreshToken, ClientEndpoint(answer.ClientEndpoint, current.ClientEndpoint, method, hosts), answer.ExpiresAt);
    }

    /// <summary>
    /// The portal's REST address from the token answer: the current one when it names none; refused when it is not
    /// a REST address on a host calls may go to, since every call would carry the access token there.
    /// </summary>
    private Uri ClientEndpoint(string? text, Uri current, string method, PortalHosts hosts)
    {
        if (string.IsNullOrEmpty(text))
        {
            return current;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            throw InvalidEndpoint(method, null, "it is not an absolute http(s) address");
        }

        var host = Redact(endpoint.IdnHost);
        if (!hosts.Allows(endpoint, current))
        {
            throw InvalidEndpoint(method, host, $"it is not on the portal's host over its scheme, HTTPS to a Bitrix24 cloud host, or a host in {nameof(Bitrix24ConnectionOptions)}.{nameof(Bitrix24ConnectionOptions.AllowedPortalHosts)}");
        }

        var path = endpoint.AbsolutePath;
        if (endpoint.Query.Length > 0 || endpoint.Fragment.Length > 0 ||
            !(path.EndsWith("/rest/", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/rest", StringComparison.OrdinalIgnoreCase)))
        {
            throw InvalidEndpoint(method, host, "it is not a REST address (…/rest/)");
        }

        // Methods are resolved against it: without the last slash "rest" itself would be replaced.
        return path.EndsWith('/') ? endpoint : new Uri(endpoint.GetLeftPart(UriPartial.Path) + "/");
    }

    private static Bitrix24AuthenticationException InvalidEndpoint(string method, string? host, string reason) =>
        new(method, "invalid_client_endpoint", $"The token endpoint answered with a client_endpoint{(host is null ? string.Empty : " on '" + host + "'")} that is refused: {reason}. The tokens were not saved and nothing was sent there.");

    private static string RedactAll(string text, params string?[] secrets)
    {
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal).Replace(Uri.EscapeDataString(secret), "***", StringComparison.Ordinal);
            }
        }

        return text;
    }

    // An answer's text in a message: enough to diagnose, never a whole page.
    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
