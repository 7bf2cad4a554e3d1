using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Requests;

/// <summary>
/// Turns PHP-style form fields (<c>settings[defaultReminders][fullDay][0][type]=min</c>, <c>ids[]=1</c>) into
/// the JSON object a portal sees: nested objects, and arrays where the keys are 0, 1, 2, …
/// </summary>
public static class PhpFormDecoder
{
    /// <summary>Decodes fields in the order they were sent; a later field overwrites an earlier one.</summary>
    /// <param name="fields">Name and value of each field.</param>
    public static JsonObject Decode(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var root = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            var path = SplitPath(name);
            if (path.Count == 0)
            {
                continue;
            }

            var node = root;
            for (var i = 0; i < path.Count - 1; i++)
            {
                var key = path[i].Length == 0 ? NextIndex(node) : path[i];
                if (!node.TryGetValue(key, out var child) || child is not Dictionary<string, object> inner)
                {
                    inner = new Dictionary<string, object>(StringComparer.Ordinal);
                    node[key] = inner;
                }

                node = inner;
            }

            var last = path[^1].Length == 0 ? NextIndex(node) : path[^1];
            node[last] = value;
        }

        return (JsonObject)ToJson(root);
    }

    /// <summary><c>a[b][0][]</c> → <c>a</c>, <c>b</c>, <c>0</c>, an empty segment for "append".</summary>
    internal static IReadOnlyList<string> SplitPath(string name)
    {
        var open = name.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return new[] { name };
        }

        var path = new List<string> { name[..open] };
        var position = open;
        while (position < name.Length && name[position] == '[')
        {
            var close = name.IndexOf(']', position);
            if (close < 0)
            {
                // PHP keeps a malformed tail as part of the last name; so do we.
                path[^1] += name[position..];
                break;
            }

            path.Add(name[(position + 1)..close]);
            position = close + 1;
        }

        return path[0].Length == 0 ? Array.Empty<string>() : path;
    }

    private static string NextIndex(Dictionary<string, object> node)
    {
        var next = node.Keys.Select(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i + 1 : 0).DefaultIfEmpty(0).Max();
        return next.ToString(CultureInfo.InvariantCulture);
    }

    private static JsonNode ToJson(object value)
    {
        if (value is string text)
        {
            return JsonValue.Create(text);
        }

        var map = (Dictionary<string, object>)value;
        var isList = map.Count > 0 && map.Keys
            .Select((key, index) => key == index.ToString(CultureInfo.InvariantCulture))
            .All(matches => matches);
        if (isList)
        {
            return new JsonArray(map.Values.Select(ToJson).ToArray());
        }

        var result = new JsonObject();
        foreach (var (key, child) in map)
        {
            result[key] = ToJson(child);
        }

        return result;
    }
}
