using System;
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

    /// <summary>The User-Agent sent with every call; Bitrix24 asks integrations to name themselves.</summary>
    public string UserAgent { get; set; } = "Bitrix24.Generated/" +
        (typeof(Bitrix24ConnectionOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0");
}
