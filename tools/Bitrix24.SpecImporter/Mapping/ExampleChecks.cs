using System.Collections.Generic;
using System.Text.Json;
using System;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// Documented examples that cannot be a call: a request that is not a JSON object (a top-level array passes
/// parameters by position, which no typed request can hold) and JSON with a key twice in one object (no portal
/// sends it, and no reader keeps both).
/// </summary>
internal static class ExampleChecks
{
    /// <summary>Whether a documented request is an object of named parameters with no key twice.</summary>
    public static bool IsCall(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && !Duplicates(document.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Whether some object of the JSON has a key twice; text that is no JSON has none.</summary>
    public static bool HasDuplicateKeys(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Duplicates(document.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // JsonDocument keeps every key as written, so it sees what a dictionary-based reader would throw on.
    private static bool Duplicates(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var keys = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in value.EnumerateObject())
                {
                    if (!keys.Add(property.Name) || Duplicates(property.Value))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    if (Duplicates(item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
