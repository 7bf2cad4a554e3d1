using System;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated;

/// <summary>How calls prove who they are: an incoming webhook (<see cref="Bitrix24Webhook"/>) or an OAuth application (<see cref="Bitrix24OAuth"/>).</summary>
public abstract class Bitrix24Authentication
{
    // Only the two kinds above exist; the connection relies on their behaviour.
    internal Bitrix24Authentication()
    {
    }

    /// <summary>The address of one call through <paramref name="api"/>, credentials included.</summary>
    internal abstract ValueTask<Bitrix24Authorization> AuthorizeAsync(string method, Bitrix24ApiVersion api, CancellationToken cancellationToken);

    /// <summary>
    /// Called once a call was refused with <c>expired_token</c>; returns whether new credentials are in place
    /// and the call may be replayed. <paramref name="hosts"/> says where a renewal may move the calls.
    /// </summary>
    internal abstract ValueTask<bool> RenewAsync(Bitrix24Authorization expired, string method, Transport.PortalHosts hosts, CancellationToken cancellationToken);

    /// <summary>Hides every secret this authentication knows from a text that may leave the library.</summary>
    internal abstract string Redact(string text);

    /// <summary>
    /// The exception, to keep as an inner exception, when its text (messages, inner exceptions) quotes no secret;
    /// otherwise null. HttpClient's exceptions may quote the request's URI.
    /// </summary>
    internal Exception? Sanitize(Exception exception)
    {
        var text = exception.ToString();
        return Redact(text) == text ? exception : null;
    }
}

/// <summary>The credentials one call went out with.</summary>
/// <param name="Address">The call's address.</param>
/// <param name="Credential">The secret in it (webhook code or access token), to tell later which one expired.</param>
/// <param name="BodyToken">
/// The access token to write into the body's <c>auth</c> field, for REST 3.0, which reads no query string; null
/// when the address carries the credentials.
/// </param>
internal sealed record Bitrix24Authorization(Uri Address, string Credential, string? BodyToken = null)
{
    public override string ToString() => "Bitrix24Authorization { ***}";
}
