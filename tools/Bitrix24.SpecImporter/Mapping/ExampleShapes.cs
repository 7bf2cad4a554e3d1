using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// Reads a spec's documented examples along its declared types: each request's parameters along the parameter
/// types, each successful answer's <c>result</c> along the result type, into declared object types, arrays and
/// maps, and the custom fields (<c>UF_…</c>, <c>ufCrm…</c>) each object shows beside its declared properties. What it
/// gathers is evidence only; <see cref="TypeRefiner"/> changes the types once the evidence of every method that shares
/// them is in, so that a type declared by several specs stays declared alike.
/// </summary>
internal static class ExampleShapes
{
    // Declared types may refer to themselves (a tree of sections); examples are never this deep.
    private const int MaxDepth = 32;

    /// <summary>The forms the examples of a method show at each slot of its types.</summary>
    public static ShapeEvidence Observe(MethodModel method)
    {
        var evidence = new ShapeEvidence();
        var types = method.Types.GroupBy(type => type.Name, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var walker = new Walker(types, evidence);
        foreach (var example in method.Examples)
        {
            if (Parse(example.Request) is { ValueKind: JsonValueKind.Object } request)
            {
                foreach (var value in request.EnumerateObject())
                {
                    if (method.Parameters.FirstOrDefault(parameter => parameter.WireName == value.Name) is { } parameter)
                    {
                        walker.Walk(value.Value, parameter.Type, Slots.Parameter(method.Name, parameter.WireName), 0, request: true);
                    }
                }
            }

            if (example.Status < 300 && Parse(example.Response) is { ValueKind: JsonValueKind.Object } response && response.TryGetProperty("result", out var result))
            {
                walker.Walk(result, method.Result.Type, Slots.Result(method.Name), 0, request: false);
            }
        }

        return evidence;
    }

    /// <summary>The form of one example value, or <see cref="ShapeForm.None"/> for a value that shows nothing.</summary>
    public static ShapeForm Form(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => ShapeForm.None,
        JsonValueKind.True or JsonValueKind.False => ShapeForm.TrueFalse,
        JsonValueKind.Number => value.TryGetInt64(out _) ? ShapeForm.IntegerNumber : value.TryGetDouble(out var number) && !double.IsInteger(number) ? ShapeForm.Fraction : ShapeForm.Other,
        JsonValueKind.String => StringForm(value.GetString()!),
        JsonValueKind.Object => ShapeForm.JsonObject,
        JsonValueKind.Array => value.GetArrayLength() == 0 ? ShapeForm.None : ShapeForm.JsonArray,
        _ => ShapeForm.Other,
    };

    /// <summary>
    /// Whether a file reads the value: a stored file's id, any string (base64 content), a <c>[name, content]</c> pair,
    /// any object, or no value (<c>[]</c>, <c>false</c>, <c>null</c>).
    /// </summary>
    public static bool IsFile(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetInt32(out _),
        JsonValueKind.String or JsonValueKind.Object or JsonValueKind.False or JsonValueKind.Null => true,
        JsonValueKind.Array => value.GetArrayLength() == 0
            || (value.GetArrayLength() == 2 && value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String)),
        _ => false,
    };

    // {"fileData": ["me.png", "..."]}: how CRM entities and catalog products take a new file.
    private static bool IsFileData(JsonElement value) => value.ValueKind == JsonValueKind.Object && value.TryGetProperty("fileData", out _);

    // An empty string reads as no value whatever the type, and a placeholder stands for one, so they show nothing. A numeric string counts only when
    // it writes back as the same text: no sign, no leading zeros.
    private static ShapeForm StringForm(string text) => text switch
    {
        "" => ShapeForm.None,
        // "**put_attach_id**": the docs' placeholder for a value, which says nothing of its form.
        _ when text.Length > 4 && text.StartsWith("**", StringComparison.Ordinal) && text.EndsWith("**", StringComparison.Ordinal) => ShapeForm.None,
        "Y" or "N" => ShapeForm.YesNo,
        _ when IsCanonicalInteger(text) => ShapeForm.NumericString,
        _ when IsDecimal(text) => ShapeForm.DecimalString,
        _ => ShapeForm.Other,
    };

    private static bool IsCanonicalInteger(string text) =>
        text.All(char.IsAsciiDigit) && (text == "0" || text[0] != '0')
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    // "54.71411", "-3", "0.10": a number a portal stores as text.
    private static bool IsDecimal(string text) =>
        text.Any(char.IsAsciiDigit) && text.All(character => char.IsAsciiDigit(character) || character is '.' or '-')
        && decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed class Walker(IReadOnlyDictionary<string, TypeModel> types, ShapeEvidence evidence)
    {
        public void Walk(JsonElement value, TypeRef type, ShapeSlot slot, int depth, bool request)
        {
            if (depth > MaxDepth || value.ValueKind is JsonValueKind.Null)
            {
                return;
            }

            switch (type.Kind)
            {
                case WireKind.Named:
                    if (value.ValueKind == JsonValueKind.Object && types.TryGetValue(type.Name!, out var declared) && declared.Kind == TypeKind.Object)
                    {
                        foreach (var field in value.EnumerateObject())
                        {
                            if (declared.Properties.FirstOrDefault(property => property.WireName == field.Name) is { } property)
                            {
                                Walk(field.Value, property.Type, Slots.Property(declared.Name, property.WireName), depth + 1, request);
                            }
                            else if (UserFieldNames.Key(field.Name) is { } prefix)
                            {
                                // A custom field the table does not name: the type keeps such fields by name.
                                evidence.AddUserField(declared.Name, prefix);
                            }
                        }
                    }
                    else if (value.ValueKind != JsonValueKind.Object && types.TryGetValue(type.Name!, out var other) && other.Kind == TypeKind.Object)
                    {
                        // An array or a scalar where an object is declared: the slot's own contradiction.
                        evidence.Add(slot, Form(value), request);
                    }

                    break;
                case WireKind.Array when value.ValueKind == JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        Walk(item, type.Items!, slot.Into("[]"), depth + 1, request);
                    }

                    break;
                case WireKind.Map when value.ValueKind == JsonValueKind.Object:
                    foreach (var entry in value.EnumerateObject())
                    {
                        Walk(entry.Value, type.Items!, slot.Into("{}"), depth + 1, request);
                    }

                    break;
                case WireKind.Array or WireKind.Map:
                    // Another shape than declared: the slot's own contradiction (ShapeConflicts).
                    evidence.Add(slot, Form(value), request);
                    break;
                case WireKind.Set or WireKind.Json:
                    // A set (its members are its keys) or raw JSON: nothing to refine.
                    break;
                case WireKind.File or WireKind.FileData:
                    // A file reads most forms: only a value it cannot read shows, and a new file sent in fileData.
                    evidence.Add(slot, !IsFile(value) ? Form(value) : IsFileData(value) ? ShapeForm.FileData : ShapeForm.None, request);
                    break;
                default:
                    evidence.Add(slot, Form(value), request);
                    break;
            }
        }
    }
}

/// <summary>The slots of a method's parameters and result and of declared types' properties.</summary>
internal static class Slots
{
    /// <summary>A parameter of a method.</summary>
    public static ShapeSlot Parameter(string method, string wireName) => new("params " + method, wireName, string.Empty);

    /// <summary>A method's result itself.</summary>
    public static ShapeSlot Result(string method) => new("result " + method, string.Empty, string.Empty);

    /// <summary>A property of a declared type.</summary>
    public static ShapeSlot Property(string type, string wireName) => new("type " + type, wireName, string.Empty);
}
