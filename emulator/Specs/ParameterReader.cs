using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Emulator.Specs;

/// <summary>
/// Reads a call's checked parameters into the types its spec gives, as a portal reads them whatever the wire form:
/// a form-encoded <c>1</c> for a boolean is <c>true</c>, <c>"3"</c> for an integer is <c>3</c>, <c>true</c> for a
/// Y/N flag is <c>"Y"</c>. Handlers then keep and answer the same values for a JSON call and a PHP client's form.
/// Values the spec does not type are left as they came.
/// </summary>
internal sealed class ParameterReader
{
    private readonly SpecCatalog _catalog;

    public ParameterReader(SpecCatalog catalog) => _catalog = catalog;

    /// <summary>The parameters, with every value the spec types in that type.</summary>
    public JsonObject Read(MethodModel method, JsonObject parameters)
    {
        var typed = (JsonObject)parameters.DeepClone();
        foreach (var parameter in method.Parameters)
        {
            if (typed[parameter.WireName] is { } value)
            {
                typed[parameter.WireName] = Typed(parameter.Type, value, 0);
            }
        }

        return typed;
    }

    /// <summary>
    /// Whether a value is an empty one a form sends for a typed field (<c>settings[count]=</c>): the portal reads it as
    /// no value, not as a wrong one.
    /// </summary>
    public static bool IsEmpty(TypeRef type, JsonNode value) =>
        type.Kind is not (WireKind.String or WireKind.Json or WireKind.Named) && value is JsonValue scalar
        && scalar.GetValueKind() == JsonValueKind.String && scalar.GetValue<string>().Length == 0;

    private JsonNode? Typed(TypeRef type, JsonNode? value, int depth)
    {
        // Types refer to themselves (a section of sections); a portal's values are never this deep.
        if (value is null || depth > 32)
        {
            return value;
        }

        if (IsEmpty(type, value))
        {
            return null;
        }

        switch (type.Kind)
        {
            case WireKind.String when value is JsonValue scalar && scalar.GetValueKind() is JsonValueKind.Number:
                return JsonValue.Create(scalar.ToJsonString());
            case WireKind.Boolean when Truth(value) is { } truth:
                return JsonValue.Create(truth);
            case WireKind.Flag when Truth(value) is { } truth:
                return JsonValue.Create(truth ? "Y" : "N");
            case WireKind.Integer or WireKind.UnixTime when Whole(value) is { } whole:
                return JsonValue.Create(whole);
            case WireKind.IntegerString or WireKind.UnixTimeString when Whole(value) is { } whole:
                return JsonValue.Create(whole.ToString(CultureInfo.InvariantCulture));
            case WireKind.Number when value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String
                && double.TryParse(scalar.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                return JsonValue.Create(number);
            case WireKind.Array or WireKind.Set when value is JsonArray items:
                return new JsonArray(items.Select(item => Typed(type.Items!, item, depth + 1)).ToArray());
            case WireKind.Map or WireKind.Set when value is JsonObject map:
                return Each(map, _ => type.Items, depth);
            case WireKind.Named when value is JsonObject fields && _catalog.Type(type.Name!) is { Kind: TypeKind.Object } declared:
                return Each(fields, key => declared.Properties.FirstOrDefault(property => property.WireName == key)?.Type, depth);
            default:
                return value.DeepClone();
        }
    }

    private JsonObject Each(JsonObject fields, System.Func<string, TypeRef?> typeOf, int depth)
    {
        var typed = new JsonObject();
        foreach (var (key, value) in fields)
        {
            typed[key] = typeOf(key) is { } type ? Typed(type, value, depth + 1) : value?.DeepClone();
        }

        return typed;
    }

    private static bool? Truth(JsonNode value) => value is JsonValue scalar ? scalar.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => scalar.ToJsonString() switch { "1" => true, "0" => false, _ => null },
        JsonValueKind.String => scalar.GetValue<string>() switch { "Y" or "1" or "true" => true, "N" or "0" or "false" => false, _ => null },
        _ => null,
    } : null;

    private static long? Whole(JsonNode value) =>
        value is JsonValue scalar && long.TryParse(scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : scalar.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
            ? whole
            : null;
}
