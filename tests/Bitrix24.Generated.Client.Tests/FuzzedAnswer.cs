using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>One change to an answer: what kind, where (taken modulo what there is) and with what.</summary>
internal readonly record struct Mutation(MutationKind Kind, int Where, int What);

internal enum MutationKind
{
    /// <summary>A value anywhere in the JSON becomes a hostile one.</summary>
    ReplaceValue,

    /// <summary>An envelope key is sent twice, first with a hostile value.</summary>
    DuplicateKey,

    /// <summary>The body is cut off.</summary>
    Truncate,

    /// <summary>A byte is overwritten.</summary>
    FlipByte,

    /// <summary>Bytes that are not UTF-8 are slipped in.</summary>
    InsertInvalidUtf8,
}

/// <summary>
/// A generated answer: one of the calls' starting answers, changed by a few mutations, sent over a webhook or OAuth
/// connection with a random HTTP status and content type. Prints as the arguments of a regression case.
/// </summary>
internal sealed record FuzzedAnswer(int Call, int Answer, bool OAuth, Mutation[] Mutations, int Status, int ContentType)
{
    private static readonly int[] Statuses = [200, 201, 204, 301, 302, 400, 401, 403, 404, 405, 429, 500, 502, 503, 504, 999];
    private static readonly string?[] ContentTypes = ["application/json", "application/json; charset=utf-8", "text/html; charset=utf-8", "text/plain", null, "application/octet-stream", "application/json; charset=windows-1251"];
    private static readonly string[] EnvelopeKeys = ["result", "error", "error_description", "time", "total", "next"];
    private static readonly byte[][] InvalidUtf8 = [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xC0, 0xAF], [0xFE, 0xFE]];

    private static readonly Gen<Mutation> MutationGen = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 100_000], Gen.Int[0, 255], (kind, where, what) => new Mutation(
        kind switch
        {
            < 5 => MutationKind.ReplaceValue,
            5 => MutationKind.DuplicateKey,
            6 => MutationKind.Truncate,
            7 => MutationKind.FlipByte,
            _ => MutationKind.InsertInvalidUtf8,
        },
        where,
        what));

    /// <summary>Answers with up to three mutations; a status or content type past the lists keeps the answer's own.</summary>
    public static readonly Gen<FuzzedAnswer> Generator = Gen.Select(
        Gen.Int[0, FuzzedCall.All.Count - 1], Gen.Int[0, 1000], Gen.Bool, MutationGen.Array[0, 3], Gen.Int[0, 24], Gen.Int[0, 9],
        (call, answer, oauth, mutations, status, contentType) => new FuzzedAnswer(call, answer, oauth, mutations, status, contentType));

    public FuzzedCall Target => FuzzedCall.All[Call];

    public FuzzCredentials Credentials => OAuth ? FuzzCredentials.OAuth : FuzzCredentials.Webhook;

    public int HttpStatus => Status < Statuses.Length ? Statuses[Status] : Start.Status;

    public string? MediaType => ContentType < ContentTypes.Length ? ContentTypes[ContentType] : "application/json";

    private (int Status, string Body) Start => Target.Answers[Answer % Target.Answers.Count];

    /// <summary>The answer's bytes: the JSON mutations first, on the parsed answer, then the byte mutations.</summary>
    public byte[] Body()
    {
        var text = Start.Body;
        var hostile = new List<string>();
        foreach (var mutation in Mutations.Where(m => m.Kind == MutationKind.ReplaceValue))
        {
            text = ReplaceValue(text, mutation, hostile);
        }

        for (var i = 0; i < hostile.Count; i++)
        {
            text = text.Replace("\"" + Marker(i) + "\"", hostile[i], StringComparison.Ordinal);
        }

        foreach (var mutation in Mutations.Where(m => m.Kind == MutationKind.DuplicateKey))
        {
            var brace = text.IndexOf('{', StringComparison.Ordinal);
            if (brace >= 0)
            {
                text = text.Insert(brace + 1, "\"" + EnvelopeKeys[mutation.Where % EnvelopeKeys.Length] + "\":" + Hostile(mutation.What) + ",");
            }
        }

        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        foreach (var mutation in Mutations)
        {
            switch (mutation.Kind)
            {
                case MutationKind.Truncate:
                    bytes.RemoveRange(mutation.Where % (bytes.Count + 1), bytes.Count - (mutation.Where % (bytes.Count + 1)));
                    break;
                case MutationKind.FlipByte when bytes.Count > 0:
                    bytes[mutation.Where % bytes.Count] = (byte)mutation.What;
                    break;
                case MutationKind.InsertInvalidUtf8:
                    bytes.InsertRange(mutation.Where % (bytes.Count + 1), InvalidUtf8[mutation.What % InvalidUtf8.Length]);
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>The case as the arguments of <see cref="AnswerRegressionTests"/>.</summary>
    public override string ToString() =>
        "\"" + Target.Name + "\", " + (OAuth ? "true" : "false") + ", " + HttpStatus + ", " + (MediaType is null ? "null" : "\"" + MediaType + "\"") + ", @\"" + AnswerBytes.Print(Body()).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Hostile(int index) => HostileValues.All[index % HostileValues.All.Length];

    private static string Marker(int index) => "@@hostile" + index + "@@";

    // A value anywhere below the top becomes a marker, swapped for the hostile text once the JSON is written.
    private static string ReplaceValue(string text, Mutation mutation, List<string> hostile)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return text;
        }

        var slots = new List<(JsonNode Parent, string? Name, int Index)>();
        Collect(root, slots);
        if (slots.Count == 0)
        {
            return text;
        }

        var (parent, name, index) = slots[mutation.Where % slots.Count];
        var marker = JsonValue.Create(Marker(hostile.Count));
        hostile.Add(Hostile(mutation.What));
        if (name is not null)
        {
            parent.AsObject()[name] = marker;
        }
        else
        {
            parent.AsArray()[index] = marker;
        }

        return root!.ToJsonString();
    }

    private static void Collect(JsonNode? node, List<(JsonNode Parent, string? Name, int Index)> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    slots.Add((obj, name, -1));
                    Collect(value, slots);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, null, i));
                    Collect(array[i], slots);
                }

                break;
        }
    }
}
