using System;

namespace Bitrix24.Generated;

/// <summary>
/// When failed calls are tried again. A call the portal refused without running it (rate limit, operating-time
/// limit, a connection that never opened) is always retried; one that may have run (a server error, a lost
/// answer) only when its method is idempotent.
/// </summary>
public sealed class Bitrix24RetryOptions
{
    /// <summary>How many times a call is tried in all, the first included.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The wait before the first retry; each further retry waits twice as long, give or take a fifth.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between two tries.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
