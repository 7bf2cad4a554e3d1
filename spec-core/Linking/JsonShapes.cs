using System;
using System.Collections.Generic;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Generated.Specs.Linking;

/// <summary>The JSON form a value arrives in first; a union tells its variants apart by it.</summary>
public enum JsonShape
{
    /// <summary>A string.</summary>
    String,

    /// <summary>A number.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>An object.</summary>
    Object,

    /// <summary>An array.</summary>
    Array,
}

/// <summary>The JSON shapes of types, for unions.</summary>
public static class JsonShapes
{
    /// <summary>The shape of a value of <paramref name="type"/>, or null for a type a union cannot hold.</summary>
    public static JsonShape? Of(TypeRef type, Func<string, TypeKind?> kindOf) => type.Kind switch
    {
        WireKind.String or WireKind.Flag or WireKind.IntegerString or WireKind.Date or WireKind.DateTime or WireKind.UnixTimeString => JsonShape.String,
        WireKind.Integer or WireKind.Number or WireKind.UnixTime => JsonShape.Number,
        WireKind.Boolean => JsonShape.Boolean,
        WireKind.Map or WireKind.Set => JsonShape.Object,
        WireKind.Array or WireKind.Filter or WireKind.Select => JsonShape.Array,

        // Any value comes in every shape, and a file in most, so they cannot be told apart from another variant.
        WireKind.Json or WireKind.File or WireKind.FileData => null,
        WireKind.Named => kindOf(type.Name!) switch
        {
            TypeKind.Enum => JsonShape.String,
            TypeKind.Object => JsonShape.Object,
            _ => null,
        },
        _ => null,
    };

    /// <summary>The shape of a linked reference, whose named target is resolved.</summary>
    public static JsonShape? Of(TypeRef type) => Of(type, _ => type.Target?.Kind);

    /// <summary>How a message names the shape.</summary>
    public static string Describe(JsonShape shape) => shape switch
    {
        JsonShape.String => "a string",
        JsonShape.Number => "a number",
        JsonShape.Boolean => "true or false",
        JsonShape.Object => "an object",
        _ => "an array",
    };

    /// <summary>
    /// The shapes each variant is read from: its own, plus the lenient forms no other variant claims
    /// (a number sent as a string, an empty object sent by PHP as <c>[]</c>).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<JsonShape>> Accepted(IReadOnlyList<JsonShape> primary)
    {
        var claimed = new HashSet<JsonShape>(primary);
        var accepted = new List<IReadOnlyList<JsonShape>>();
        foreach (var shape in primary)
        {
            var shapes = new List<JsonShape> { shape };
            var lenient = shape switch
            {
                JsonShape.Number => JsonShape.String,
                JsonShape.Object => JsonShape.Array,
                _ => (JsonShape?)null,
            };
            if (lenient is { } extra && claimed.Add(extra))
            {
                shapes.Add(extra);
            }

            accepted.Add(shapes);
        }

        return accepted;
    }
}
