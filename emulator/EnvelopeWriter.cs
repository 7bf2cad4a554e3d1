using System;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator;

/// <summary>Builds the JSON envelopes a portal answers with.</summary>
internal static class EnvelopeWriter
{
    /// <summary>The <c>time</c> block of a call.</summary>
    public static JsonObject Time(DateTimeOffset started, DateTimeOffset finished, double processing, double operating, DateTimeOffset operatingResetAt)
    {
        // Full tick precision: fast calls take well under a millisecond.
        var start = (started - DateTimeOffset.UnixEpoch).TotalSeconds;
        var finish = (finished - DateTimeOffset.UnixEpoch).TotalSeconds;
        return new JsonObject
        {
            ["start"] = start,
            ["finish"] = finish,
            ["duration"] = Math.Max(0, finish - start),
            ["processing"] = processing,
            ["date_start"] = started.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["date_finish"] = finished.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["operating_reset_at"] = operatingResetAt.ToUnixTimeSeconds(),
            ["operating"] = operating,
        };
    }

    public static JsonObject Error(string code, string description) => new()
    {
        ["error"] = code,
        ["error_description"] = description,
    };
}
