using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.SpecImporter.Examples;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// Gives a documented request's top-level keys the case of the parameter table. The docs' cURL examples often send
/// <c>FIELDS</c> where the table names <c>fields</c>; Bitrix24 takes both, so it is the same call, and with the
/// table's name the example reads into the typed request instead of its catch-all.
/// </summary>
internal static class ExampleKeys
{
    /// <summary>
    /// The request with each top-level key that equals a parameter's name ignoring case only renamed to it, and how
    /// many keys were renamed. A key that matches a parameter exactly, matches several, or whose table name the
    /// request also sends stays as it is.
    /// </summary>
    public static (string Json, int Renamed) Recase(string json, EquatableArray<PropertyModel> parameters)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var document = Parse(json))
        {
            if (document?.RootElement is not { ValueKind: JsonValueKind.Object } root)
            {
                return (json, 0);
            }

            var keys = root.EnumerateObject().Select(property => property.Name).ToHashSet(StringComparer.Ordinal);
            var names = parameters.Select(parameter => parameter.WireName).ToHashSet(StringComparer.Ordinal);
            foreach (var key in keys.Where(key => !names.Contains(key)))
            {
                var matches = names.Where(name => string.Equals(name, key, StringComparison.OrdinalIgnoreCase)).ToList();
                if (matches.Count == 1 && !keys.Contains(matches[0]) && !renames.ContainsValue(matches[0]))
                {
                    renames[key] = matches[0];
                }
            }
        }

        return renames.Count == 0 || JsonCompact.Write(json, renameTopLevel: renames) is not { } renamed ? (json, 0) : (renamed, renames.Count);
    }

    private static JsonDocument? Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
