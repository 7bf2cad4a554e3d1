namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>
/// Emits <c>portal.CreateClient()</c> for a project that references the emulator (the Bitrix24.Generated.Emulator
/// package): the emulator cannot name the client generated into the project, so the project gets the bridge.
/// </summary>
internal static class EmulatorClientEmitter
{
    /// <summary>The emulator's assembly.</summary>
    public const string EmulatorAssembly = "Bitrix24.Emulator";

    /// <summary>The emulator's portal type, by metadata name.</summary>
    public const string EmulatorType = "Bitrix24.Emulator.Bitrix24Emulator";

    public static GeneratedSource Emit(string rootNamespace)
    {
        var writer = new SourceWriter();
        writer.Lines($$"""
            /// <summary>
            /// Clients for a local Bitrix24 emulator (<see cref="global::{{EmulatorType}}"/>),
            /// generated because this project references it.
            /// </summary>
            {{Attributes.GeneratedCode}}
            public static partial class Bitrix24EmulatorExtensions
            {
                /// <summary>
                /// Creates a client over the portal's webhook, as <see cref="Bitrix24Client.FromWebhook"/> does and with its
                /// defaults: the client-side rate limiter of the standard plan (50 calls at once, then 2 a second), which the
                /// emulator's default limit matches, so calls wait rather than being refused; retries of failed calls; a
                /// timeout of 50 seconds. Dispose the client before the portal.
                /// </summary>
                /// <param name="portal">A started portal serving plain HTTP.</param>
                /// <returns>A client that owns its connection.</returns>
                /// <exception cref="InvalidOperationException">
                /// The portal serves HTTPS with a certificate of its own, which this client would not trust: pass
                /// <see cref="Bitrix24Client.FromWebhook"/> an HttpClient that trusts the portal's certificate instead.
                /// </exception>
                public static Bitrix24Client CreateClient(this global::{{EmulatorType}} portal)
                {
                    if (portal is null)
                    {
                        throw new ArgumentNullException(nameof(portal));
                    }

                    if (portal.Certificate is not null)
                    {
                        throw new InvalidOperationException(
                            "The portal serves HTTPS with a self-signed certificate; create the client with " +
                            "Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString(), httpClient) over an HttpClient that trusts " +
                            "portal.Certificate.");
                    }

                    return Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());
                }
            }
            """);

        // Named apart from the specs' files (a scope and a name) and the client tree's (Bitrix24Client and its groups).
        return new GeneratedSource(rootNamespace + ".Bitrix24EmulatorExtensions.g.cs", SpecEmitter.Compose(rootNamespace, new[] { (rootNamespace, writer.ToString()) }));
    }
}
