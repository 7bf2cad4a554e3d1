using System.Globalization;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Handlers;

/// <summary>Reads a call's parameters, which arrive as JSON values or, from forms, as strings.</summary>
internal static class CallValues
{
    public static string? Text(JsonNode? node) => node is JsonValue value ? value.ToString() : null;

    public static long? Number(JsonNode? node) =>
        long.TryParse(Text(node), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static bool IsTrue(JsonNode? node) => Text(node) is "true" or "1" or "Y";
}
