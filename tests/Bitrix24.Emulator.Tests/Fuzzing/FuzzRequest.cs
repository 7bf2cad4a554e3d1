using System;
using System.Net.Http;
using System.Text;

namespace Bitrix24.Emulator.Tests.Fuzzing;

/// <summary>
/// One request the fuzzer sends: a verb, a path with its query (relative to the portal), and maybe a body with the
/// content type it claims, which need not match it.
/// </summary>
/// <param name="Verb">The HTTP method.</param>
/// <param name="Path">The path and query, relative to the portal's address.</param>
/// <param name="ContentType">The Content-Type header as sent, unchecked; null for none.</param>
/// <param name="Body">The body's bytes; null for no body.</param>
internal sealed record FuzzRequest(string Verb, string Path, string? ContentType, byte[]? Body)
{
    /// <summary>The request to send to a portal at <paramref name="baseAddress"/>.</summary>
    public HttpRequestMessage ToMessage(Uri baseAddress)
    {
        // Appended to the authority, not resolved against it: a path starting with // must stay a path.
        var message = new HttpRequestMessage(new HttpMethod(Verb), new Uri(baseAddress.GetLeftPart(UriPartial.Authority) + "/" + Path));
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }

    /// <summary>How a failure report shows the request: its body as C# would write it, cut at 4,000 characters.</summary>
    public override string ToString()
    {
        var body = Body is null ? "(none)" : Escape(Encoding.UTF8.GetString(Body));
        return Verb + " " + Path + "\nContent-Type: " + (ContentType ?? "(none)") + "\nBody (" + (Body?.Length ?? 0) + " bytes): " + body;
    }

    private static string Escape(string text)
    {
        var shown = text.Length > 4000 ? text[..4000] + "…" : text;
        var builder = new StringBuilder("\"");
        foreach (var c in shown)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\r' => "\\r",
                '\n' => "\\n",
                _ when char.IsControl(c) || char.IsSurrogate(c) => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
