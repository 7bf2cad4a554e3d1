using System;
using System.Collections.Generic;
using System.Reflection;

namespace Bitrix24.Generated;

/// <summary>Settings of a <see cref="Bitrix24Connection"/>.</summary>
public sealed class Bitrix24ConnectionOptions
{
    /// <summary>
    /// How long one call may take. The cloud portal ends a request after 60 seconds, so the default
    /// stays below that and reports the timeout on our side first.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(50);

    /// <summary>
    /// Keeps calls under the portal's request-rate limit before they are sent; null to send at once. Share one
    /// limiter among the connections to the same portal. Refusals that still happen are retried. Any
    /// <see cref="System.Threading.RateLimiting.RateLimiter"/> will do: each call acquires one permit, and a refused
    /// lease is asked again after its <c>RetryAfter</c> (or fails the call when it gives none).
    /// </summary>
    public System.Threading.RateLimiting.RateLimiter? RateLimiter { get; set; } = Bitrix24RateLimiter.Standard();

    /// <summary>
    /// Holds back the calls of a method whose operating-time budget its last answer reported spent, until the
    /// announced reset, rather than sending them to be refused; null (the default) sends them, and a refusal is
    /// then retried after the reset when that is within <see cref="Bitrix24RetryOptions.MaxDelay"/>. Share one among
    /// the connections to the same portal: a <see cref="Bitrix24OperatingBudget"/> within this process, or a
    /// budget whose state several instances of the application share (the Bitrix24.Generated.Redis package has one).
    /// </summary>
    public Bitrix24OperatingBudgetLimiter? OperatingBudget { get; set; }

    /// <summary>
    /// When failed calls are retried; null to surface every failure at once. Read when the connection is created,
    /// into the pipeline <see cref="Bitrix24Resilience.AddBitrix24Retry"/> builds; ignored when
    /// <see cref="Resilience"/> is set.
    /// </summary>
    public Bitrix24RetryOptions? Retry { get; set; } = new();

    /// <summary>
    /// The Polly pipeline each call runs in, in place of the retries <see cref="Retry"/> describes: add
    /// <see cref="Bitrix24Resilience.AddBitrix24Retry"/> to it for Bitrix24's rules, and whatever else you want
    /// around them. Each attempt sends the call once; the call's <see cref="Bitrix24CallContext"/> is in the context
    /// (<see cref="Bitrix24Resilience.Call"/>). Whatever the pipeline does, a call that is not repeatable is not sent
    /// again after a failure that may have come after the portal ran it. Null (the default) builds the pipeline from
    /// <see cref="Retry"/>.
    /// </summary>
    public Polly.ResiliencePipeline? Resilience { get; set; }

    /// <summary>The clock retries wait on; tests can pass one they control.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Allows plain HTTP to hosts other than this machine. Off by default: Bitrix24 requires HTTPS, and plain HTTP
    /// would expose the credentials. Loopback addresses (a local emulator) are always allowed.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>How many times a call follows the portal's redirect to a new domain.</summary>
    public int MaxRedirects { get; set; } = 3;

    /// <summary>
    /// Hosts a portal may move to besides the Bitrix24 cloud's (<c>*.bitrix24.com</c>, <c>*.bitrix24.de</c>, ...) and
    /// the host the connection was made for: an on-premise portal's new address, e.g. <c>crm.example.com</c>, or
    /// <c>*.example.com</c> for any subdomain. A redirect elsewhere, over plain HTTP or to another path is not
    /// followed (<see cref="Bitrix24RedirectException"/>); an OAuth <c>client_endpoint</c> elsewhere is refused.
    /// Read when the connection is created.
    /// </summary>
    public ICollection<string> AllowedPortalHosts { get; } = new List<string>();

    /// <summary>The User-Agent sent with every call; Bitrix24 asks integrations to name themselves.</summary>
    public string UserAgent { get; set; } = "Bitrix24.Generated/" +
        (typeof(Bitrix24ConnectionOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0");
}
