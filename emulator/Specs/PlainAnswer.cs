using System;
using System.Globalization;
using System.Text.Json.Nodes;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Emulator.Specs;

/// <summary>
/// The answer of a method that has neither a handler nor a documented answer: the plainest value of its result type
/// (<c>true</c>, <c>1</c>, <c>""</c>, an empty list or object, an enum's first value), so that every specified
/// method answers something its typed client reads.
/// </summary>
internal static class PlainAnswer
{
    public static JsonNode? Of(TypeRef type, SpecCatalog specs, DateTimeOffset now) => type.Kind switch
    {
        WireKind.String => JsonValue.Create(string.Empty),
        WireKind.Boolean => JsonValue.Create(true),
        WireKind.Flag => JsonValue.Create("Y"),
        WireKind.Integer => JsonValue.Create(1),
        WireKind.IntegerString => JsonValue.Create("1"),
        WireKind.Number => JsonValue.Create(0),
        WireKind.Date => JsonValue.Create(now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        WireKind.DateTime => JsonValue.Create(now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)),
        WireKind.UnixTime => JsonValue.Create(now.ToUnixTimeSeconds()),
        WireKind.UnixTimeString => JsonValue.Create(now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        WireKind.Array or WireKind.Set => new JsonArray(),
        WireKind.Map => new JsonObject(),
        WireKind.Named => Named(type, specs, now),
        _ => null,
    };

    private static JsonNode? Named(TypeRef type, SpecCatalog specs, DateTimeOffset now) => specs.Type(type.Name!) switch
    {
        { Kind: TypeKind.Enum, Values: [var first, ..] } => JsonValue.Create(first.Value),
        { Kind: TypeKind.Union, Variants: [var first, ..] } => Of(first.Type, specs, now),
        { Kind: TypeKind.Object } => new JsonObject(),
        _ => null,
    };
}
