using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Bitrix24.Generated;

/// <summary>
/// The names to listen on: an <see cref="ActivitySource"/> with an activity per call, and a <see cref="Meter"/>
/// counting calls and measuring their duration. Tags carry the method and outcome, never a URL or secret.
/// </summary>
public static class Bitrix24Telemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "Bitrix24.Generated";

    internal static readonly ActivitySource Activities = new(Name);

    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Calls = Meter.CreateCounter<long>("bitrix24.client.calls", description: "Calls made, by method and outcome.");

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("bitrix24.client.call.duration", unit: "s", description: "How long calls took, retries included.");
}
