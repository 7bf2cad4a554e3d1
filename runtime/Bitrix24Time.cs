using System;

namespace Bitrix24.Generated;

/// <summary>The <c>time</c> block of a response: when and how long the portal worked on the call.</summary>
public sealed class Bitrix24Time
{
    /// <summary>When the portal started the request, in Unix seconds with fractions.</summary>
    public double Start { get; init; }

    /// <summary>When the portal finished the request, in Unix seconds with fractions.</summary>
    public double Finish { get; init; }

    /// <summary>Seconds from start to finish.</summary>
    public double Duration { get; init; }

    /// <summary>Seconds the portal spent processing the request.</summary>
    public double Processing { get; init; }

    /// <summary>Start of the request as a date.</summary>
    public DateTimeOffset? DateStart { get; init; }

    /// <summary>End of the request as a date.</summary>
    public DateTimeOffset? DateFinish { get; init; }

    /// <summary>Seconds this method has used of its operating-time budget in the current window.</summary>
    public double? Operating { get; init; }

    /// <summary>When part of the method's operating-time budget is released again.</summary>
    public DateTimeOffset? OperatingResetAt { get; init; }
}
