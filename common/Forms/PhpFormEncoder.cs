using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Generated.Forms;

/// <summary>
/// Writes a JSON object as the PHP-style form fields a portal posts (<c>data[FIELDS][ID]=5</c>,
/// <c>auth[member_id]=…</c>), as PHP's <c>http_build_query</c> does: nested objects and arrays become bracketed names,
/// <c>true</c>/<c>false</c> become <c>1</c>/<c>0</c>, and nulls and empty objects or arrays are left out.
/// </summary>
/// <remarks>The inverse of <see cref="PhpFormDecoder"/>, compiled into each assembly that needs it.</remarks>
internal static class PhpFormEncoder
{
    /// <summary>The fields of an object, in its order.</summary>
    /// <param name="value">The object.</param>
    public static List<KeyValuePair<string, string>> Encode(JsonObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var (key, child) in value)
        {
            Add(fields, key, child);
        }

        return fields;
    }

    private static void Add(List<KeyValuePair<string, string>> fields, string name, JsonNode? node)
    {
        switch (node)
        {
            case null:
                return;
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    Add(fields, name + "[" + key + "]", child);
                }

                return;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Add(fields, name + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", array[i]);
                }

                return;
            default:
                // By kind rather than as a JsonElement: values built in code (JsonValue.Create("x")) hold no element.
                var text = node.GetValueKind() switch
                {
                    JsonValueKind.String => node.GetValue<string>(),
                    JsonValueKind.True => "1",
                    JsonValueKind.False => "0",
                    JsonValueKind.Null => null,
                    _ => node.ToJsonString(),
                };
                if (text is not null)
                {
                    fields.Add(new(name, text));
                }

                return;
        }
    }
}
