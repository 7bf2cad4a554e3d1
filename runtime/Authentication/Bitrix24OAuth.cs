using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated;

/// <summary>
/// An OAuth application's authentication: calls carry the access token; when the portal answers
/// <c>expired_token</c>, the token is renewed once, however many calls were waiting, and they are replayed.
/// </summary>
public sealed class Bitrix24OAuth : Bitrix24Authentication
{
    private readonly Bitrix24OAuthOptions _options;
    private readonly IBitrix24TokenStore _store;
    private readonly HttpClient _httpClient;
    // One renewal at a time per token store, however many connections share it (DI makes them per call).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IBitrix24TokenStore, SemaphoreSlim> Renewals = new();
    private readonly SemaphoreSlim _renewal;

    // The last tokens seen, so secrets can be redacted without asking the store.
    private volatile Bitrix24OAuthTokens? _known;

    /// <summary>Creates the authentication.</summary>
    /// <param name="options">The application's credentials and token endpoint.</param>
    /// <param name="store">Where the tokens are kept.</param>
    /// <param name="httpClient">The client for the token endpoint.</param>
    public Bitrix24OAuth(Bitrix24OAuthOptions options, IBitrix24TokenStore store, HttpClient httpClient)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _renewal = Renewals.GetValue(store, static _ => new SemaphoreSlim(1, 1));
    }

    /// <summary>How many times the tokens were renewed by this instance.</summary>
    public int RenewalCount { get; private set; }

    internal override async ValueTask<Bitrix24Authorization> AuthorizeAsync(string method, CancellationToken cancellationToken)
    {
        var tokens = await _store.GetAsync(cancellationToken).ConfigureAwait(false);
        _known = tokens;
        var address = new Uri(tokens.ClientEndpoint, method + "?auth=" + Uri.EscapeDataString(tokens.AccessToken));
        return new Bitrix24Authorization(address, tokens.AccessToken);
    }

    internal override async ValueTask<bool> RenewAsync(Bitrix24Authorization expired, string method, CancellationToken cancellationToken)
    {
        await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await _store.GetAsync(cancellationToken).ConfigureAwait(false);
            if (current.AccessToken != expired.Credential)
            {
                // Another call renewed the tokens while this one waited: just replay.
                _known = current;
                return true;
            }

            var renewed = await RequestTokensAsync(current, method, cancellationToken).ConfigureAwait(false);
            await _store.SaveAsync(renewed, cancellationToken).ConfigureAwait(false);
            _known = renewed;
            RenewalCount++;
            return true;
        }
        finally
        {
            _renewal.Release();
        }
    }

    internal override string Redact(string text)
    {
        var tokens = _known;
        foreach (var secret in new[] { tokens?.AccessToken, tokens?.RefreshToken, _options.ClientSecret })
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal).Replace(Uri.EscapeDataString(secret), "***", StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <inheritdoc/>
    public override string ToString() => "Bitrix24OAuth { ClientId = " + _options.ClientId + " }";

    private async Task<Bitrix24OAuthTokens> RequestTokensAsync(Bitrix24OAuthTokens current, string method, CancellationToken cancellationToken)
    {
        var query = "?grant_type=refresh_token" +
            "&client_id=" + Uri.EscapeDataString(_options.ClientId) +
            "&client_secret=" + Uri.EscapeDataString(_options.ClientSecret) +
            "&refresh_token=" + Uri.EscapeDataString(current.RefreshToken);
        byte[] body;
        System.Net.HttpStatusCode status;
        try
        {
            using var response = await _httpClient.GetAsync(new Uri(_options.TokenEndpoint, query), cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new Bitrix24AuthenticationException(method, "unreachable", "The token endpoint could not be reached to renew the access token: " + Redact(exception.Message));
        }

        TokenAnswer answer;
        try
        {
            answer = ReadTokens(body, current);
        }
        catch (JsonException exception)
        {
            throw new Bitrix24AuthenticationException(method, "invalid_response", $"The token endpoint answered HTTP {(int)status} with something that is not a token response: {Redact(exception.Message)}");
        }

        return answer.Tokens ?? throw new Bitrix24AuthenticationException(
            method,
            answer.Error,
            $"Renewing the access token failed with HTTP {(int)status}, '{answer.Error}': {Redact(answer.Description)}");
    }

    private readonly record struct TokenAnswer(Bitrix24OAuthTokens? Tokens, string Error, string Description);

    private static TokenAnswer ReadTokens(byte[] body, Bitrix24OAuthTokens current)
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected a JSON object.");
        }

        string? access = null, refresh = null, endpoint = null, error = null, description = null;
        long? expires = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "access_token":
                    access = Bitrix24Wire.ReadString(ref reader);
                    break;
                case "refresh_token":
                    refresh = Bitrix24Wire.ReadString(ref reader);
                    break;
                case "client_endpoint":
                    endpoint = Bitrix24Wire.ReadString(ref reader);
                    break;
                case "expires":
                    // Unix seconds: past 2038 they no longer fit an int.
                    expires = (long?)Bitrix24Wire.ReadDouble(ref reader);
                    break;
                case "error":
                    error = Bitrix24Wire.ReadString(ref reader);
                    break;
                case "error_description":
                    description = Bitrix24Wire.ReadString(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (error is not null || access is null || refresh is null)
        {
            return new TokenAnswer(null, error ?? "invalid_response", description ?? "no tokens in the answer");
        }

        var tokens = new Bitrix24OAuthTokens(
            access,
            refresh,
            endpoint is null ? current.ClientEndpoint : new Uri(endpoint),
            expires is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null);
        return new TokenAnswer(tokens, string.Empty, string.Empty);
    }
}
