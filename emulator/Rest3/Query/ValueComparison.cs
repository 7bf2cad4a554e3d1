using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Rest3.Query;

/// <summary>
/// Compares a stored value with one a query sends, by the field's kind: numbers as numbers, ISO dates as instants,
/// strings ordinally, booleans (<c>true</c> after <c>false</c>). An untyped field compares by what the values are.
/// </summary>
internal static class ValueComparison
{
    /// <summary>The order of two values, or null when they do not compare (one is empty, or of another form).</summary>
    public static int? Compare(FieldKind kind, JsonNode? left, JsonNode? right)
    {
        if (IsEmpty(left) || IsEmpty(right))
        {
            return null;
        }

        switch (kind)
        {
            case FieldKind.Number:
                return Number(left) is { } x && Number(right) is { } y ? x.CompareTo(y) : null;
            case FieldKind.DateTime:
                return FieldKinds.IsInstant(Text(left), out var a) && FieldKinds.IsInstant(Text(right), out var b) ? a.CompareTo(b) : null;
            case FieldKind.Boolean:
                return Boolean(left) is { } p && Boolean(right) is { } q ? p.CompareTo(q) : null;
            case FieldKind.String:
                return string.CompareOrdinal(Text(left), Text(right));
            default:
                if (right!.GetValueKind() == JsonValueKind.Number)
                {
                    return Compare(FieldKind.Number, left, right);
                }

                if (right.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                {
                    return Compare(FieldKind.Boolean, left, right);
                }

                return FieldKinds.IsInstant(Text(left), out _) && FieldKinds.IsInstant(Text(right), out _)
                    ? Compare(FieldKind.DateTime, left, right)
                    : string.CompareOrdinal(Text(left), Text(right));
        }
    }

    /// <summary>Whether a value is empty: absent, null or "".</summary>
    public static bool IsEmpty(JsonNode? value) =>
        value is null || (value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String && scalar.GetValue<string>().Length == 0);

    private static double? Number(JsonNode? value) =>
        double.TryParse(Text(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static bool? Boolean(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => Text(value) switch
        {
            "Y" or "1" or "true" => true,
            "N" or "0" or "false" => false,
            _ => null,
        },
        JsonValueKind.Number => Text(value) != "0",
        _ => null,
    };

    private static string Text(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => scalar.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}
