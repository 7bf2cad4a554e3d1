namespace Bitrix24.Emulator;

/// <summary>A leaky-bucket request limit: <paramref name="Burst"/> requests at once, refilled at <paramref name="DrainPerSecond"/> a second.</summary>
/// <param name="Burst">How many requests may come at once (50 on most plans, 250 on Enterprise).</param>
/// <param name="DrainPerSecond">How many requests a second the counter drains (2 on most plans, 5 on Enterprise).</param>
public sealed record Bitrix24RateLimit(int Burst, double DrainPerSecond)
{
    /// <summary>The limit of most plans: 50 at once, 2 a second.</summary>
    public static Bitrix24RateLimit Standard { get; } = new(50, 2);

    /// <summary>The Enterprise plan's limit: 250 at once, 5 a second.</summary>
    public static Bitrix24RateLimit Enterprise { get; } = new(250, 5);
}
