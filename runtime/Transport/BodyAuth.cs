using System;
using System.Text.Json;

namespace Bitrix24.Generated.Transport;

/// <summary>
/// Puts an OAuth access token into a JSON body's <c>auth</c> field, where REST 3.0 looks for it: it reads no
/// query string. Done per attempt, since a renewal replays the call with a new token.
/// </summary>
internal static class BodyAuth
{
    /// <summary>A copy of <paramref name="body"/>, a JSON object, with <c>"auth"</c> first.</summary>
    public static RequestBody Add(RequestBody body, string token)
    {
        var json = body.Span.Trim(" \t\r\n"u8);
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

    /// <summary>Whether the body is a JSON array (REST 3.0's batch), which has no field for the token.</summary>
    public static bool IsArray(RequestBody body)
    {
        var json = body.Span.TrimStart(" \t\r\n"u8);
        return !json.IsEmpty && json[0] == (byte)'[';
    }

    /// <summary>
    /// The address with the token as its <c>auth</c> query parameter. REST 3.0 documents the token only in the body's
    /// <c>auth</c> field, which a JSON array (the batch's body) does not have; the query is where classic calls carry
    /// it, and the one place left.
    /// </summary>
    public static Uri AddToQuery(Uri address, string token)
    {
        var separator = string.IsNullOrEmpty(address.Query) ? "?" : "&";
        return new Uri(address.AbsoluteUri + separator + "auth=" + Uri.EscapeDataString(token));
    }

    private static int Append(byte[] target, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(target.AsSpan(at));
        return at + bytes.Length;
    }
}
