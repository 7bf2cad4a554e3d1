using System.Text.Json;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// The documented answer against the declared result: where its <c>result</c> has a shape the declared type cannot
/// read (an object for a list or a scalar, a list for an object, a scalar for a structure), the answer shows what the
/// portal really sends, so the result takes the answer's shape.
/// </summary>
internal static class ResultShape
{
    /// <summary>The type the answer's result shows when it contradicts <paramref name="declared"/>, else null.</summary>
    public static TypeRef? Contradicted(TypeRef declared, JsonElement? answer)
    {
        if (answer is not { } json || !json.TryGetProperty("result", out var value) || Fits(declared, value))
        {
            return null;
        }

        return Shown(value);
    }

    /// <summary>The type an example value shows: a scalar's built-in type, a list of raw JSON, raw JSON.</summary>
    public static TypeRef Shown(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => TypeRef.Of(WireKind.Boolean),
        JsonValueKind.Number => TypeRef.Of(value.TryGetInt32(out _) ? WireKind.Integer : WireKind.Number),
        JsonValueKind.String => TypeRef.Of(WireKind.String),
        JsonValueKind.Array => new TypeRef(WireKind.Array, null, TypeRef.Of(WireKind.Json), null),
        _ => TypeRef.Of(WireKind.Json),
    };

    // Whether the declared type reads the value's shape. An empty array is PHP's empty anything.
    private static bool Fits(TypeRef declared, JsonElement value)
    {
        if (declared.Kind == WireKind.Json || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (declared.Kind is WireKind.File or WireKind.FileData)
        {
            return ExampleShapes.IsFile(value);
        }

        var structure = declared.Kind is WireKind.Named or WireKind.Map or WireKind.Set;
        return value.ValueKind switch
        {
            JsonValueKind.Object => structure,
            JsonValueKind.Array => declared.Kind == WireKind.Array || value.GetArrayLength() == 0,
            _ => !structure && declared.Kind != WireKind.Array,
        };
    }
}
