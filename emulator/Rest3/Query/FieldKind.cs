using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Emulator.Rest3.Query;

/// <summary>What a field holds, as far as filtering and sorting care: how its values compare and which JSON fits it.</summary>
internal enum FieldKind
{
    /// <summary>Untyped: any JSON fits, and values compare by what they are.</summary>
    Any,

    Number,

    String,

    /// <summary>An ISO date or date-time, compared as an instant.</summary>
    DateTime,

    Boolean,
}

internal static class FieldKinds
{
    /// <summary>The kind of a spec's type; null for an object, which is a related entity rather than a value.</summary>
    public static FieldKind? Of(TypeRef type, Func<string, TypeModel?> types) => type.Kind switch
    {
        WireKind.Integer or WireKind.IntegerString or WireKind.Number or WireKind.UnixTime or WireKind.UnixTimeString => FieldKind.Number,
        WireKind.String => FieldKind.String,
        WireKind.Date or WireKind.DateTime => FieldKind.DateTime,
        WireKind.Boolean or WireKind.Flag => FieldKind.Boolean,
        WireKind.Named => types(type.Name!) is { Kind: TypeKind.Object } ? null : FieldKind.String,
        _ => FieldKind.Any,
    };

    /// <summary>The kind a documented value shows.</summary>
    public static FieldKind Of(JsonNode? shown) => shown is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.Number => FieldKind.Number,
            JsonValueKind.True or JsonValueKind.False => FieldKind.Boolean,
            JsonValueKind.String when IsInstant(value.GetValue<string>(), out _) => FieldKind.DateTime,
            JsonValueKind.String => FieldKind.String,
            _ => FieldKind.Any,
        }
        : FieldKind.Any;

    /// <summary>Whether a value sent in a filter fits a field of the kind.</summary>
    public static bool Fits(FieldKind kind, JsonNode? value)
    {
        var json = value?.GetValueKind() ?? JsonValueKind.Null;
        return kind switch
        {
            FieldKind.Number => json == JsonValueKind.Number,
            FieldKind.String => json == JsonValueKind.String,
            FieldKind.DateTime => json == JsonValueKind.String && IsInstant(value!.GetValue<string>(), out _),
            FieldKind.Boolean => json is JsonValueKind.True or JsonValueKind.False
                || (json == JsonValueKind.String && value!.GetValue<string>() is "Y" or "N"),
            _ => json is not (JsonValueKind.Object or JsonValueKind.Array),
        };
    }

    /// <summary>An ISO date (<c>2025-01-01</c>) or date-time, as an instant; a date without an offset is read as UTC.</summary>
    public static bool IsInstant(string text, out DateTimeOffset instant)
    {
        instant = default;
        return text.Length >= 10 && text[4] == '-' && text[7] == '-'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
    }

    public static string Name(FieldKind kind) => kind switch
    {
        FieldKind.Number => "a number",
        FieldKind.String => "a string",
        FieldKind.DateTime => "an ISO 8601 date",
        FieldKind.Boolean => "a boolean",
        _ => "a scalar value",
    };
}
