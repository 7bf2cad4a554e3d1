using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bitrix24.Emulator.Requests;
using Bitrix24.Generated.Forms;

namespace Bitrix24.Emulator.Dispatch;

/// <summary>
/// The <c>batch</c> method: up to 50 commands written as <c>method?query</c>, run in order, each able to use
/// an earlier one's result through <c>$result[command][field]…</c>.
/// </summary>
internal sealed class BatchExecutor
{
    private const int MaxCommands = 50;
    private static readonly Regex Reference = new(@"\$result\[([^\]]+)\]((?:\[[^\]]*\])*)", RegexOptions.CultureInvariant);
    private readonly MethodDispatcher _dispatcher;

    public BatchExecutor(MethodDispatcher dispatcher) => _dispatcher = dispatcher;

    public CallOutcome Execute(Caller caller, JsonObject parameters, DateTimeOffset started)
    {
        var commands = ReadCommands(parameters["cmd"]);
        if (commands is null)
        {
            var missing = Bitrix24EmulatorError.MissingParameter("batch", "cmd");
            return CallOutcome.Failure(missing.Status, missing.Code, missing.Message);
        }

        if (commands.Count > MaxCommands)
        {
            return CallOutcome.Failure(400, "ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded");
        }

        var halt = IsTrue(parameters["halt"]);
        var results = new List<KeyValuePair<string, JsonNode?>>();
        var errors = new List<KeyValuePair<string, JsonNode?>>();
        var times = new List<KeyValuePair<string, JsonNode?>>();
        var totals = new List<KeyValuePair<string, JsonNode?>>();
        var nexts = new List<KeyValuePair<string, JsonNode?>>();
        var resultsByKey = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, line) in commands)
        {
            var question = line.IndexOf('?', StringComparison.Ordinal);
            var method = (question < 0 ? line : line[..question]).Trim().ToLowerInvariant();
            if (method.EndsWith(".json", StringComparison.Ordinal))
            {
                method = method[..^5];
            }

            var query = question < 0 ? string.Empty : line[(question + 1)..];
            var arguments = PhpFormDecoder.Decode(ParseQuery(query));
            var resolved = (JsonObject)Resolve(arguments, resultsByKey)!;

            var outcome = _dispatcher.Execute(method, caller, resolved);
            if (outcome.IsError)
            {
                errors.Add(new(key, new JsonObject { ["error"] = outcome.ErrorCode, ["error_description"] = outcome.ErrorDescription }));
                if (halt)
                {
                    break;
                }

                continue;
            }

            resultsByKey[key] = outcome.Result;
            results.Add(new(key, outcome.Result?.DeepClone()));
            times.Add(new(key, outcome.Time));
            if (outcome.Total is { } total)
            {
                totals.Add(new(key, total));
            }

            if (outcome.Next is { } next)
            {
                nexts.Add(new(key, next));
            }
        }

        var body = new JsonObject
        {
            ["result"] = PhpArray(results),
            ["result_error"] = PhpArray(errors),
            ["result_total"] = PhpArray(totals),
            ["result_next"] = PhpArray(nexts),
            ["result_time"] = PhpArray(times),
        };
        // The batch itself gets the timing of the whole request; its commands have their own in result_time.
        return CallOutcome.Success(body, null);
    }

    /// <summary>The commands in order, from an object (keys are the command names) or an array (keys are indexes).</summary>
    private static List<(string Key, string Line)>? ReadCommands(JsonNode? cmd) => cmd switch
    {
        JsonObject map => map.Select(pair => (pair.Key, pair.Value?.ToString() ?? string.Empty)).ToList(),
        JsonArray list => list.Select((item, index) => (index.ToString(CultureInfo.InvariantCulture), item?.ToString() ?? string.Empty)).ToList(),
        _ => null,
    };

    private static IEnumerable<KeyValuePair<string, string>> ParseQuery(string query)
    {
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            yield return new(WebUtility.UrlDecode(parts[0]), parts.Length > 1 ? WebUtility.UrlDecode(parts[1]) : string.Empty);
        }
    }

    /// <summary>
    /// Replaces <c>$result[…]</c> references in every string of the arguments with the text of the earlier result,
    /// as if it had been written into the query: a number comes in as its digits, so it passes for an integer as any
    /// query value does. A value that is just a reference to a list or an object takes it whole, its values as texts.
    /// A reference to nothing (an unknown command, a failed one, a missing field) stays as it was written.
    /// </summary>
    private static JsonNode? Resolve(JsonNode? node, Dictionary<string, JsonNode?> results)
    {
        switch (node)
        {
            case JsonObject map:
                var resolvedMap = new JsonObject();
                foreach (var (key, value) in map)
                {
                    resolvedMap[key] = Resolve(value, results);
                }

                return resolvedMap;
            case JsonArray list:
                return new JsonArray(list.Select(item => Resolve(item, results)).ToArray());
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains("$result[", StringComparison.Ordinal):
                var whole = Reference.Match(text);
                if (whole.Success && whole.Length == text.Length)
                {
                    return Lookup(whole, results) is { } found ? AsQueryValue(found) : JsonValue.Create(text);
                }

                return JsonValue.Create(Reference.Replace(text, match => Lookup(match, results) is { } found ? ScalarText(found) : match.Value));
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>A result as a query string would carry it: texts in the same shape.</summary>
    private static JsonNode AsQueryValue(JsonNode node) => node switch
    {
        JsonObject map => new JsonObject(map.Select(pair => KeyValuePair.Create(pair.Key, pair.Value is null ? null : AsQueryValue(pair.Value)))),
        JsonArray list => new JsonArray(list.Select(item => item is null ? null : AsQueryValue(item)).ToArray()),
        _ => JsonValue.Create(ScalarText(node)),
    };

    private static JsonNode? Lookup(Match reference, Dictionary<string, JsonNode?> results)
    {
        if (!results.TryGetValue(reference.Groups[1].Value, out var current))
        {
            return null;
        }

        foreach (Match step in Regex.Matches(reference.Groups[2].Value, @"\[([^\]]*)\]"))
        {
            var key = step.Groups[1].Value;
            current = current switch
            {
                JsonObject map => map[key],
                JsonArray list when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < list.Count => list[index],
                _ => null,
            };
        }

        return current;
    }

    /// <summary>A value as PHP writes it into text: a string as is, a number in digits, true as 1, false as nothing.</summary>
    private static string ScalarText(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => node.GetValue<string>(),
        JsonValueKind.True => "1",
        JsonValueKind.False => string.Empty,
        _ => node.ToJsonString(),
    };

    private static bool IsTrue(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value when value.TryGetValue<int>(out var number) => number != 0,
        JsonValue value when value.TryGetValue<string>(out var text) => text is "1" or "true" or "Y",
        _ => false,
    };

    /// <summary>A PHP array as PHP's JSON encoder writes it: a list when keyed 0, 1, 2, …, an object otherwise, <c>[]</c> when empty.</summary>
    private static JsonNode PhpArray(List<KeyValuePair<string, JsonNode?>> entries)
    {
        var isList = entries.Select((entry, index) => entry.Key == index.ToString(CultureInfo.InvariantCulture)).All(matches => matches);
        if (isList)
        {
            return new JsonArray(entries.Select(entry => entry.Value).ToArray());
        }

        var map = new JsonObject();
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map;
    }
}
