using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Bitrix24.Generated;

/// <summary>The JSON text of a filter, a select or a condition, for <c>ToString</c>.</summary>
internal static class Bitrix24QueryJson
{
    public static string Text<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer, value);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
