using System;
using System.Collections.Generic;

namespace Bitrix24.Generated;

/// <summary>A portal the application is installed on, as an <see cref="IBitrix24PortalStore"/> keeps it.</summary>
/// <param name="MemberId">The portal's <c>member_id</c>: its key, the same for every application installed there.</param>
/// <param name="Domain">The portal's domain, e.g. <c>example.bitrix24.com</c>.</param>
/// <param name="ApplicationToken">
/// The <c>application_token</c> the portal signs its events with; null until the portal sent it (with <c>ONAPPINSTALL</c>).
/// </param>
/// <param name="Tokens">The OAuth tokens of the application on this portal, with its REST address.</param>
public sealed record Bitrix24Portal(string MemberId, string Domain, string? ApplicationToken, Bitrix24OAuthTokens Tokens)
{
    /// <summary>The portal's REST address, e.g. <c>https://example.bitrix24.com/rest/</c>; a renewal may move it.</summary>
    public Uri ClientEndpoint => Tokens.ClientEndpoint;

    /// <summary>The portal with its application token and OAuth tokens hidden.</summary>
    public override string ToString() =>
        "Bitrix24Portal { MemberId = " + MemberId + ", Domain = " + Domain + ", ClientEndpoint = " + ClientEndpoint +
        ", ApplicationToken = " + (ApplicationToken is null ? "(none)" : "***") + ", Tokens = " + Tokens + " }";
}

/// <summary>The outcome of saving renewed tokens only if the refresh token they replace is still the stored one.</summary>
/// <param name="Swapped">True when the renewed tokens were saved; false when another renewal had saved first.</param>
/// <param name="Tokens">The stored tokens now: the renewed ones when saved, otherwise the newer ones found in the store.</param>
public readonly record struct Bitrix24TokenSwap(bool Swapped, Bitrix24OAuthTokens Tokens)
{
    /// <summary>The outcome with the tokens hidden.</summary>
    public override string ToString() => "Bitrix24TokenSwap { Swapped = " + (Swapped ? "true" : "false") + ", Tokens = " + Tokens + " }";
}

/// <summary>No portal with this <c>member_id</c> is installed: it never was, or it was removed (uninstalled).</summary>
public sealed class Bitrix24PortalNotFoundException : KeyNotFoundException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="memberId">The member id that was asked for.</param>
    public Bitrix24PortalNotFoundException(string memberId)
        : base("No portal with member_id '" + memberId + "' is in the portal store: the application is not installed there, or it was uninstalled.")
    {
        MemberId = memberId;
    }

    /// <summary>The member id that was asked for.</summary>
    public string MemberId { get; }
}
