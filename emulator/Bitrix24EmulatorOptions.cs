namespace Bitrix24.Emulator;

/// <summary>Settings of a <see cref="Bitrix24Emulator"/>.</summary>
public sealed class Bitrix24EmulatorOptions
{
    /// <summary>The TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The user the webhook belongs to.</summary>
    public int UserId { get; set; } = 1;

    /// <summary>The webhook secret; a random one when null.</summary>
    public string? WebhookSecret { get; set; }
}
