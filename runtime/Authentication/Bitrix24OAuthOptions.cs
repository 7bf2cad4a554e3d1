using System;

namespace Bitrix24.Generated;

/// <summary>The OAuth application: its credentials and the server that renews its tokens.</summary>
public sealed class Bitrix24OAuthOptions
{
    /// <summary>The application's client id.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The application's client secret; sent only to <see cref="TokenEndpoint"/>.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>The token endpoint; Bitrix24's OAuth server by default.</summary>
    public Uri TokenEndpoint { get; set; } = new("https://oauth.bitrix.info/oauth/token/");

    /// <summary>
    /// Taken before a renewal so that, of several instances sharing the token store, one asks the token endpoint and
    /// the others wait for its tokens in the store; null (the default) leaves it to the store's compare-and-swap alone.
    /// </summary>
    public IBitrix24RenewalLock? RenewalLock { get; set; }

    /// <summary>
    /// How long a renewal holds <see cref="RenewalLock"/> at most, and how long the others wait for its tokens before
    /// renewing themselves: 30 seconds unless set.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The lease is not positive.</exception>
    public TimeSpan RenewalLockLease
    {
        get => _renewalLockLease;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            _renewalLockLease = value;
        }
    }

    private TimeSpan _renewalLockLease = TimeSpan.FromSeconds(30);

    /// <inheritdoc/>
    public override string ToString() => "Bitrix24OAuthOptions { ClientId = " + ClientId + ", TokenEndpoint = " + TokenEndpoint + ", ClientSecret = *** }";
}
