using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Emulator;

/// <summary>Builds and sends the JSON envelopes a portal answers with.</summary>
internal static class EnvelopeWriter
{
    // Quotes inside strings come out as \" , byte for byte as a portal writes them.
    private static readonly JsonSerializerOptions WireJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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

    /// <summary>An envelope as the portal writes it.</summary>
    public static string ToWire(JsonObject envelope) => envelope.ToJsonString(WireJson);

    /// <summary>Answers a request with an envelope.</summary>
    public static Task WriteAsync(HttpContext context, int status, JsonObject envelope) => WriteAsync(context, status, ToWire(envelope));

    /// <summary>Answers a request with an envelope already written out.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
