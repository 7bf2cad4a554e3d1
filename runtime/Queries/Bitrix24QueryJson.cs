using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Bitrix24.Generated;

/// <summary>
/// The JSON text of a filter, a select or a condition, for <c>ToString</c>: as the docs write it, <c>&gt;</c> and
/// <c>&lt;</c> as themselves rather than the escapes a request body may carry (equal JSON either way).
/// </summary>
internal static class Bitrix24QueryJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer, value);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
