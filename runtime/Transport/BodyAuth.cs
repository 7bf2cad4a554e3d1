using System;
using System.Text.Json;

namespace Bitrix24.Generated.Transport;

/// <summary>
/// Puts an OAuth access token into a JSON body's <c>auth</c> field, where REST 3.0 looks for it: it reads no
/// query string. Done per attempt, since a renewal replays the call with a new token.
/// </summary>
internal static class BodyAuth
{
    /// <summary>
    /// A copy of <paramref name="body"/>, a JSON object, with <c>"auth"</c> first. A JSON array (REST 3.0's batch) has
    /// no field for the token, so it becomes an object keyed by position, <c>{"auth", "0", "1", …}</c>: the form
    /// Bitrix24's own JavaScript SDK sends a batch in (PHP decodes such keys into the same list positions). The query
    /// string is no place for the token: REST 3.0 reads no parameters from there.
    /// </summary>
    public static RequestBody Add(RequestBody body, string token)
    {
        var json = body.Span.Trim(" \t\r\n"u8);
        if (!json.IsEmpty && json[0] == (byte)'[')
        {
            return AddToArray(json, token);
        }

        if (json.Length < 2 || json[0] != (byte)'{' || json[^1] != (byte)'}')
        {
            throw new InvalidOperationException("A REST 3.0 call made with an access token needs a JSON object body to carry the token.");
        }

        var members = json[1..^1].Trim(" \t\r\n"u8);
        var value = JsonEncodedText.Encode(token).EncodedUtf8Bytes;
        var prefix = "{\"auth\":\""u8;
        var bytes = new byte[prefix.Length + value.Length + 1 + (members.IsEmpty ? 0 : 1 + members.Length) + 1];
        var written = Append(bytes, 0, prefix);
        written = Append(bytes, written, value);
        written = Append(bytes, written, "\""u8);
        if (!members.IsEmpty)
        {
            written = Append(bytes, written, ","u8);
            written = Append(bytes, written, members);
        }

        Append(bytes, written, "}"u8);
        return RequestBody.FromBytes(bytes);
    }

    private static RequestBody AddToArray(ReadOnlySpan<byte> json, string token)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("auth", token);
            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                writer.WritePropertyName(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                item.WriteTo(writer);
                index++;
            }

            writer.WriteEndObject();
        }

        return RequestBody.FromBytes(stream.ToArray());
    }

    private static int Append(byte[] target, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(target.AsSpan(at));
        return at + bytes.Length;
    }
}
