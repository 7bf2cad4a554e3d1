namespace Bitrix24.Emulator;

/// <summary>Settings of a <see cref="Bitrix24Emulator"/>.</summary>
public sealed class Bitrix24EmulatorOptions
{
    /// <summary>The TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Serve HTTPS with a self-signed certificate made at start (see <see cref="Bitrix24Emulator.Certificate"/>),
    /// for clients that insist on HTTPS as a portal does.
    /// </summary>
    public bool UseHttps { get; set; }

    /// <summary>The user the webhook belongs to.</summary>
    public int UserId { get; set; } = 1;

    /// <summary>The webhook secret; a random one when null.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// Spec files or folders of specs describing the methods to answer; empty for the specs shipped with the
    /// emulator. Calls are checked against them, and a method without a handler answers with its example.
    /// </summary>
    public System.Collections.Generic.IList<string> SpecPaths { get; } = new System.Collections.Generic.List<string>();

    /// <summary>
    /// Whether the shipped specs are served beside <see cref="SpecPaths"/>, as a project with the package generates
    /// them: a spec among the paths replaces a shipped one of the same method. Always so when there are no paths.
    /// </summary>
    public bool IncludeShippedSpecs { get; set; }

    /// <summary>
    /// Whether the portal keeps the entities of the families the specs describe (<c>crm.deal.add</c> stores a deal
    /// that <c>crm.deal.get</c>, <c>list</c>, <c>update</c> and <c>delete</c> then see); otherwise those methods
    /// answer their documented examples, as every method without a handler does.
    /// </summary>
    public bool KeepEntities { get; set; } = true;

    /// <summary>The request-rate limit of the whole portal; null for none.</summary>
    public Bitrix24RateLimit? RateLimit { get; set; } = Bitrix24RateLimit.Standard;

    /// <summary>How much working time a method may use in ten minutes before it is refused; null for no limit.</summary>
    public System.TimeSpan? OperatingLimit { get; set; } = System.TimeSpan.FromSeconds(480);

    /// <summary>The client id of the OAuth application the portal knows.</summary>
    public string OAuthClientId { get; set; } = "local.emulator";

    /// <summary>The OAuth application's client secret; a random one when null.</summary>
    public string? OAuthClientSecret { get; set; }

    /// <summary>
    /// The portal's <c>member_id</c>, which token answers, event payloads and the install form carry; a random
    /// 32-digit hex one when null, as a portal's.
    /// </summary>
    public string? MemberId { get; set; }

    /// <summary>
    /// The <c>application_token</c> the portal sends with every event to the OAuth application, for its handlers to
    /// check that a call comes from the portal; a random 32-digit hex one when null.
    /// </summary>
    public string? ApplicationToken { get; set; }

    /// <summary>How long an access token works; an hour, as on a portal.</summary>
    public System.TimeSpan AccessTokenLifetime { get; set; } = System.TimeSpan.FromHours(1);

    /// <summary>The regional format the portal answers dates in; day first (<c>02.12.2024 11:00:00</c>) by default.</summary>
    public PortalDateFormat DateFormat { get; set; } = PortalDateFormat.DayFirst;

    /// <summary>
    /// Where the emulator logs what it cannot answer as the portal would: a handler's unexpected exception, answered
    /// with a 500 <c>INTERNAL_SERVER_ERROR</c> envelope. Nowhere when null.
    /// </summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock the limits and timings use; tests pass one they control.</summary>
    public System.TimeProvider TimeProvider { get; set; } = System.TimeProvider.System;
}
