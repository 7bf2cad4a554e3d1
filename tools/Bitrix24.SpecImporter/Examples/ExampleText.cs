using System;

namespace Bitrix24.SpecImporter.Examples;

/// <summary>
/// Turns the documentation's examples into JSON payloads: the body of a cURL request, the params of a
/// JavaScript call, a documented response. Every method returns null rather than throw when the text does not
/// hold a literal payload.
/// </summary>
public static class ExampleText
{
    /// <summary>The JSON body of the first <c>curl</c> command in <paramref name="bashText"/>, compact; or null.</summary>
    /// <param name="bashText">The text of a cURL example.</param>
    /// <returns>The body as compact JSON without a top-level <c>auth</c> key, or null.</returns>
    public static string? FromCurl(string bashText) => ParseCurl(bashText).Json;

    /// <summary>
    /// The method a cURL example calls (the URL's last segment, without <c>.json</c>) and its JSON body, compact,
    /// without the top-level <c>auth</c> key the OAuth variant adds. Command substitutions inside the body become
    /// fixed values (<c>$(date --iso-8601=seconds)</c> is <c>2025-01-01T10:00:00+03:00</c>, others <c>value</c>).
    /// </summary>
    /// <param name="bashText">The text of a cURL example.</param>
    /// <returns>The method and body; each null when the command has none or the body is not JSON.</returns>
    public static (string? Method, string? Json) ParseCurl(string bashText)
    {
        ArgumentNullException.ThrowIfNull(bashText);
        try
        {
            var (data, url) = CurlCommand.Parse(ShellWords.Split(bashText));
            var method = CurlCommand.MethodOf(url);
            if (data is null)
            {
                return (method, null);
            }

            var json = CurlJson(data) ?? CurlRawBody.Find(bashText, CurlJson);
            return (method, json);
        }
        catch (Exception exception) when (exception is ArgumentException or IndexOutOfRangeException or InvalidOperationException)
        {
            return (null, null);
        }
    }

    /// <summary>
    /// Normalizes a documented JSON value or a JavaScript object literal to compact JSON: comments, trailing
    /// commas, unquoted keys and single-quoted strings are accepted; property order, number text and non-ASCII
    /// characters are kept as written. Placeholders such as <c>...</c> and expressions make it null.
    /// </summary>
    /// <param name="text">JSON or a JavaScript literal.</param>
    /// <returns>Compact JSON, or null.</returns>
    public static string? ToJson(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var json = JsLiteral.ToJsonText(text);
        return json is null ? null : JsonCompact.Write(json);
    }

    /// <summary>
    /// The method and params of the first REST call in a JavaScript example: <c>BX24.callMethod('m', {…})</c>,
    /// <c>$b24.callMethod</c>, or <c>$b24.actions.v2.call.make({ method: 'm', params: {…} })</c>. A call
    /// without params gives <c>{}</c>; params that use variables or calls give a null Json.
    /// </summary>
    /// <param name="jsText">The text of a JavaScript example.</param>
    /// <returns>The method (null when no call is found) and the params as compact JSON (or null).</returns>
    public static (string? Method, string? Json) FromJs(string jsText)
    {
        ArgumentNullException.ThrowIfNull(jsText);
        try
        {
            var (method, parameters) = JsCall.Find(jsText);
            return (method, parameters is null ? null : ToJson(parameters));
        }
        catch (Exception exception) when (exception is ArgumentException or IndexOutOfRangeException or InvalidOperationException)
        {
            return (null, null);
        }
    }

    private static string? CurlJson(string data) => JsLiteral.ToJsonText(data) is { } json ? JsonCompact.Write(json, dropTopLevel: "auth") : null;
}
