using System.Linq;
using System.Text.Json.Nodes;
using Xunit.Sdk;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>Compares JSON as JSON: key order aside, values and types exact; a failure names the first differing path.</summary>
internal static class JsonAssert
{
    /// <param name="expected">The JSON expected.</param>
    /// <param name="actual">The JSON written.</param>
    /// <param name="emptyArrayIsEmptyObject">
    /// Whether an empty array and an empty object count as equal: PHP writes an empty object as <c>[]</c>, and the
    /// documentation's examples do so too.
    /// </param>
    public static void Equal(string expected, string actual, bool emptyArrayIsEmptyObject = false)
    {
        var difference = FindDifference(JsonNode.Parse(expected), JsonNode.Parse(actual), "$", emptyArrayIsEmptyObject);
        if (difference is not null)
        {
            throw new XunitException("JSON differs at " + difference + "\nExpected: " + expected + "\nActual:   " + actual);
        }
    }

    private static string? FindDifference(JsonNode? expected, JsonNode? actual, string path, bool emptyArrayIsEmptyObject)
    {
        if (emptyArrayIsEmptyObject && IsEmptyContainer(expected) && IsEmptyContainer(actual))
        {
            return null;
        }

        switch (expected)
        {
            case null:
                return actual is null ? null : path + ": expected null, got " + actual.ToJsonString();
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject)
                {
                    return path + ": expected an object, got " + Show(actual);
                }

                foreach (var (key, value) in expectedObject)
                {
                    if (!actualObject.ContainsKey(key))
                    {
                        return path + "." + key + ": missing";
                    }

                    var inner = FindDifference(value, actualObject[key], path + "." + key, emptyArrayIsEmptyObject);
                    if (inner is not null)
                    {
                        return inner;
                    }
                }

                var extra = actualObject.Select(p => p.Key).FirstOrDefault(key => !expectedObject.ContainsKey(key));
                return extra is null ? null : path + "." + extra + ": not expected";
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray)
                {
                    return path + ": expected an array, got " + Show(actual);
                }

                if (expectedArray.Count != actualArray.Count)
                {
                    return path + ": expected " + expectedArray.Count + " items, got " + actualArray.Count;
                }

                for (var i = 0; i < expectedArray.Count; i++)
                {
                    var inner = FindDifference(expectedArray[i], actualArray[i], path + "[" + i + "]", emptyArrayIsEmptyObject);
                    if (inner is not null)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                // Scalars compare by their JSON text, so "3" and 3, or true and "Y", differ; numbers by value, so 0.10
                // and 0.1 do not.
                return actual is JsonValue && (expected.ToJsonString() == actual.ToJsonString() || SameNumber(expected, actual))
                    ? null
                    : path + ": expected " + expected.ToJsonString() + ", got " + Show(actual);
        }
    }

    private static bool SameNumber(JsonNode expected, JsonNode actual) =>
        expected.GetValueKind() == System.Text.Json.JsonValueKind.Number && actual.GetValueKind() == System.Text.Json.JsonValueKind.Number
        && decimal.TryParse(expected.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var left)
        && decimal.TryParse(actual.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var right)
        && left == right;

    private static bool IsEmptyContainer(JsonNode? node) => node is JsonObject { Count: 0 } or JsonArray { Count: 0 };

    private static string Show(JsonNode? node) => node is null ? "null" : node.ToJsonString();
}
