using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// Parameters the documented request sends but the parameter table leaves out. The example is a call the docs made
/// against a portal, so the parameter exists; its type is the one its value shows, and it is optional.
/// </summary>
internal static class ExampleParameters
{
    /// <summary>The parameters for the requests' top-level keys that match none of <paramref name="parameters"/>, not even ignoring case.</summary>
    /// <param name="examples">The method's examples.</param>
    /// <param name="parameters">The parameters of the table.</param>
    /// <param name="owner">The request type's C# name, which no property may take.</param>
    public static List<PropertyModel> Missing(IEnumerable<ExampleModel> examples, EquatableArray<PropertyModel> parameters, string owner)
    {
        var added = new List<PropertyModel>();
        var csharpNames = parameters.Select(parameter => parameter.CSharpName).Append(owner).ToHashSet(StringComparer.Ordinal);
        foreach (var request in examples.Select(example => example.Request).OfType<string>())
        {
            using var document = JsonDocument.Parse(request);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var known = parameters.Concat(added).Any(parameter => string.Equals(parameter.WireName, property.Name, StringComparison.OrdinalIgnoreCase));
                var csharp = Names.ToPascalCase(property.Name);
                if (known || !Names.IsValidIdentifier(csharp))
                {
                    continue;
                }

                var name = ReservedNames.IsReservedMemberName(csharp) || csharp == owner ? csharp + "Value" : csharp;
                for (var n = 2; !csharpNames.Add(name); n++)
                {
                    name = csharp + n;
                }

                added.Add(new PropertyModel(property.Name, name, Type(property.Value), false, null, null, null, default));
            }
        }

        return added;
    }

    /// <summary>The type a value shows: its scalar type, a list of whole numbers or strings, else raw JSON.</summary>
    public static TypeRef Type(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => TypeRef.Of(value.TryGetInt32(out _) ? WireKind.Integer : WireKind.Number),
        JsonValueKind.String => TypeRef.Of(WireKind.String),
        JsonValueKind.True or JsonValueKind.False => TypeRef.Of(WireKind.Boolean),
        JsonValueKind.Array => new TypeRef(WireKind.Array, null, Items(value), null),
        _ => TypeRef.Of(WireKind.Json),
    };

    private static TypeRef Items(JsonElement array)
    {
        var items = array.EnumerateArray().ToList();
        if (items.Count > 0 && items.All(item => item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out _)))
        {
            return TypeRef.Of(WireKind.Integer);
        }

        return items.Count > 0 && items.All(item => item.ValueKind == JsonValueKind.String) ? TypeRef.Of(WireKind.String) : TypeRef.Of(WireKind.Json);
    }
}
