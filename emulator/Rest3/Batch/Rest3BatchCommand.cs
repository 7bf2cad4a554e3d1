using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Rest3.Batch;

/// <summary>One command of a REST 3.0 batch as read: <c>{"method", "query"?, "as"?}</c>.</summary>
/// <param name="Method">The method, lower case.</param>
/// <param name="Query">Its parameters, references not yet resolved.</param>
/// <param name="Alias">The name later commands refer to its result by, or null.</param>
internal sealed record Rest3BatchCommand(string Method, JsonObject Query, string? Alias)
{
    /// <summary>
    /// Reads a batch body: a JSON array of commands. Null with the REST 3.0 error code and message when it is not one:
    /// the classic form (<c>{"cmd": …}</c>) is refused as the portal refuses it.
    /// </summary>
    public static (List<Rest3BatchCommand>? Commands, string? Code, string? Message) Read(JsonNode? body)
    {
        if (body is JsonObject classic && classic.ContainsKey("cmd"))
        {
            return (null, Rest3BatchErrors.InvalidSelect, "REST 3.0 batch takes a JSON array of {\"method\", \"query\"} objects, not the classic 'cmd' form");
        }

        if (Listed(body) is not { } array)
        {
            return (null, Rest3EnvelopeWriter.InvalidJson, "The batch body is not a JSON array of commands");
        }

        var commands = new List<Rest3BatchCommand>(array.Count);
        var aliases = new HashSet<string>(System.StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject command ||
                command["method"] is not JsonValue methodValue || !methodValue.TryGetValue<string>(out var method) || string.IsNullOrWhiteSpace(method))
            {
                return (null, Rest3EnvelopeWriter.InvalidJson, $"Batch command {i} is not an object with a 'method' string");
            }

            JsonObject query;
            switch (command["query"])
            {
                case null:
                    query = new JsonObject();
                    break;
                case JsonObject given:
                    query = (JsonObject)given.DeepClone();
                    break;
                default:
                    return (null, Rest3EnvelopeWriter.InvalidJson, $"The 'query' of batch command {i} ({method}) is not an object");
            }

            string? alias = null;
            if (command["as"] is { } asNode)
            {
                if (asNode is not JsonValue asValue || !asValue.TryGetValue(out alias) || string.IsNullOrEmpty(alias) || alias.Contains('.'))
                {
                    return (null, Rest3BatchErrors.InvalidSelect, $"The 'as' of batch command {i} ({method}) must be a name without dots");
                }

                if (!aliases.Add(alias))
                {
                    return (null, Rest3BatchErrors.InvalidSelect, $"The alias '{alias}' is used by more than one batch command");
                }
            }

            commands.Add(new Rest3BatchCommand(method.Trim().ToLowerInvariant(), query, alias));
        }

        return (commands, null, null);
    }

    // The commands: the array, or an object keyed by position (with an application's auth beside them), which PHP
    // decodes into the same list.
    private static List<JsonNode?>? Listed(JsonNode? body)
    {
        if (body is JsonArray array)
        {
            return array.ToList();
        }

        if (body is not JsonObject keyed)
        {
            return null;
        }

        var commands = new List<JsonNode?>();
        foreach (var (name, command) in keyed)
        {
            if (name == "auth")
            {
                continue;
            }

            if (!int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                return null;
            }

            commands.Add(command);
        }

        return commands;
    }
}

/// <summary>The error codes a REST 3.0 batch answers with beside those of its commands.</summary>
internal static class Rest3BatchErrors
{
    /// <summary>What the portal answers a batch in the classic form with, and a reference it cannot resolve.</summary>
    public const string InvalidSelect = "BITRIX_REST_V3_EXCEPTION_INVALIDSELECTEXCEPTION";
}
