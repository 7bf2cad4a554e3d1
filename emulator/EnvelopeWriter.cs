using System;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator;

/// <summary>Builds the JSON envelopes a portal answers with.</summary>
internal static class EnvelopeWriter
{
    public static JsonObject Success(JsonNode? result, DateTimeOffset started, DateTimeOffset finished, double processing, double operating)
    {
        var start = started.ToUnixTimeMilliseconds() / 1000.0;
        var finish = finished.ToUnixTimeMilliseconds() / 1000.0;
        return new JsonObject
        {
            ["result"] = result,
            ["time"] = new JsonObject
            {
                ["start"] = start,
                ["finish"] = finish,
                ["duration"] = Math.Max(0, finish - start),
                ["processing"] = processing,
                ["date_start"] = started.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                ["date_finish"] = finished.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                // A method's operating budget is counted in ten one-minute baskets.
                ["operating_reset_at"] = started.AddMinutes(10).ToUnixTimeSeconds(),
                ["operating"] = operating,
            },
        };
    }

    public static JsonObject Error(string code, string description) => new()
    {
        ["error"] = code,
        ["error_description"] = description,
    };
}
