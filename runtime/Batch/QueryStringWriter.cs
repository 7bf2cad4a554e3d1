using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Bitrix24.Generated.Batch;

/// <summary>
/// Turns a JSON request body into the query string of a batch command, the way PHP's http_build_query writes
/// nested values: <c>settings[defaultReminders][fullDay][0][type]=min</c>; true and false become 1 and 0.
/// </summary>
internal static class QueryStringWriter
{
    public static string Write(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var builder = new StringBuilder();
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in document.RootElement.EnumerateObject())
            {
                Append(builder, property.Name, property.Value);
            }
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string name, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    Append(builder, name + "[" + property.Name + "]", property.Value);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Append(builder, name + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", item);
                    index++;
                }

                break;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                break;
            default:
                if (builder.Length > 0)
                {
                    builder.Append('&');
                }

                var text = value.ValueKind switch
                {
                    JsonValueKind.True => "1",
                    JsonValueKind.False => "0",
                    JsonValueKind.String => value.GetString()!,
                    _ => value.GetRawText(),
                };
                builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(text));
                break;
        }
    }
}
