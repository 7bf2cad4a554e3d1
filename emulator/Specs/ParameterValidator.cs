using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Emulator.Specs;

/// <summary>
/// Checks a call's parameters against its spec the way a portal does: a missing required parameter and a value
/// of the wrong kind or outside the allowed ones are refused with HTTP 400 and the empty error code.
/// </summary>
internal sealed class ParameterValidator
{
    private readonly SpecCatalog _catalog;
    private readonly PortalDateFormat _dates;

    public ParameterValidator(SpecCatalog catalog, PortalDateFormat dates)
    {
        _catalog = catalog;
        _dates = dates;
    }

    /// <summary>The error to answer with, or null when the parameters are acceptable.</summary>
    public Bitrix24EmulatorError? Validate(MethodModel method, JsonObject parameters)
    {
        foreach (var parameter in method.Parameters)
        {
            var value = parameters[parameter.WireName];
            if (value is null)
            {
                if (parameter.Required)
                {
                    return WithProblem(Missing(method, parameter), parameter, "Required field `" + parameter.WireName + "` is not specified");
                }

                continue;
            }

            var problem = Check(parameter.Type, value, parameter.WireName);
            if (problem is not null)
            {
                return WithProblem(
                    Documented(method, parameter, "IsNotDefinedOrInvalid") ?? new Bitrix24EmulatorError(400, string.Empty, problem + " in the method \"" + method.Name + "\""),
                    parameter,
                    problem);
            }
        }

        return null;
    }

    private static Bitrix24EmulatorError WithProblem(Bitrix24EmulatorError error, PropertyModel parameter, string message) =>
        new(error.Status, error.Code, error.Message) { Problem = new FieldProblem(parameter.WireName, message) };

    /// <summary>
    /// The portal's answer to a missing parameter: the spec's own error for it (by convention named after the
    /// parameter, e.g. <c>IdNotSet</c>, since some methods word it their own way; or <c>IdIsNotDefinedOrInvalid</c>,
    /// which the CRM methods answer for an id missing or not a number), or the common wording.
    /// </summary>
    private static Bitrix24EmulatorError Missing(MethodModel method, PropertyModel parameter) =>
        Documented(method, parameter, "NotSet")
        ?? Documented(method, parameter, "IsNotDefinedOrInvalid")
        ?? Bitrix24EmulatorError.MissingParameter(method.Name, parameter.WireName);

    /// <summary>The spec's error named after the parameter and <paramref name="suffix"/>, or null.</summary>
    private static Bitrix24EmulatorError? Documented(MethodModel method, PropertyModel parameter, string suffix)
    {
        var name = parameter.CSharpName + suffix;
        return method.Errors.FirstOrDefault(e => e.Name == name && e.Message is not null) is { } documented
            ? new Bitrix24EmulatorError(documented.Status, documented.Code, documented.Message!)
            : null;
    }

    private string? Check(TypeRef type, JsonNode? value, string path)
    {
        if (value is null || ParameterReader.IsEmpty(type, value))
        {
            return null;
        }

        switch (type.Kind)
        {
            case WireKind.String:
                return value is JsonValue ? null : Invalid(path, value, "a string");
            case WireKind.Boolean:
            case WireKind.Flag:
                return IsBoolean(value) ? null : Invalid(path, value, type.Kind == WireKind.Flag ? "Y or N" : "true or false");
            case WireKind.Integer:
            case WireKind.IntegerString:
                return IsInteger(value) ? null : Invalid(path, value, "an integer");
            case WireKind.Number:
                return IsNumber(value) ? null : Invalid(path, value, "a number");
            case WireKind.Date:
                return IsDate(value) ? null : Invalid(path, value, "a date (YYYY-MM-DD)");
            case WireKind.DateTime:
                return IsDate(value) ? null : Invalid(path, value, "a date and time (ISO 8601)");
            case WireKind.UnixTime:
            case WireKind.UnixTimeString:
                return IsInteger(value) ? null : Invalid(path, value, "a Unix time in seconds");
            case WireKind.Json:
                // Untyped in the docs: any value will do.
                return null;
            case WireKind.File:
            case WireKind.FileData:
                // Either form of a new upload is taken: the portal reads a file in every form.
                return IsFile(value) ? null : Invalid(path, value, "a file (an id, base64 content, a [name, content] pair or an object)");
            case WireKind.Set when value is JsonObject members:
                return members.Select(member => Check(type.Items!, member.Value, path + "[" + member.Key + "]")).FirstOrDefault(p => p is not null);
            case WireKind.Array:
            case WireKind.Set:
                return value is JsonArray items
                    ? items.Select((item, index) => Check(type.Items!, item, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]")).FirstOrDefault(p => p is not null)
                    : Invalid(path, value, "a list");
            case WireKind.Map:
                return CheckMap(type, value, path);
            case WireKind.Filter:
                // Its conditions are read, and refused one by one, where the list runs.
                return value is JsonArray ? null : Invalid(path, value, "a list of conditions");
            case WireKind.Select:
                return value is JsonArray fields && fields.All(field => field is JsonValue text && text.GetValueKind() == System.Text.Json.JsonValueKind.String)
                    ? null
                    : Invalid(path, value, "a list of field names");
            case WireKind.Named:
                return CheckNamed(_catalog.Type(type.Name!), value, path);
            default:
                throw new InvalidOperationException("No check is known for the wire kind " + type.Kind + ".");
        }
    }

    private string? CheckMap(TypeRef type, JsonNode value, string path)
    {
        if (value is JsonArray { Count: 0 })
        {
            return null;
        }

        if (value is not JsonObject map)
        {
            return Invalid(path, value, "an object");
        }

        var keyType = type.KeyType is null or TypeRef.IntegerKey ? null : _catalog.Type(type.KeyType);
        foreach (var (key, item) in map)
        {
            if (type.KeyType == TypeRef.IntegerKey && !int.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                return "Invalid key \"" + key + "\" in the parameter \"" + path + "\": expected an integer";
            }

            if (keyType is not null && !keyType.Patterns.Any(p => IsKey(key, p.Prefix)))
            {
                return "Invalid key \"" + key + "\" in the parameter \"" + path + "\": expected " + string.Join(" or ", keyType.Patterns.Select(p => p.Prefix + "{id}"));
            }

            var problem = Check(type.Items!, item, path + "[" + key + "]");
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private string? CheckNamed(TypeModel? type, JsonNode value, string path)
    {
        switch (type?.Kind)
        {
            case TypeKind.Enum:
                var text = value is JsonValue scalar ? scalar.ToString() : null;
                return type.Values.Any(v => v.Value == text)
                    ? null
                    : Invalid(path, value, "one of " + string.Join(", ", type.Values.Select(v => v.Value)));
            case TypeKind.Object:
                if (value is JsonArray { Count: 0 })
                {
                    return null;
                }

                if (value is not JsonObject fields)
                {
                    return Invalid(path, value, "an object");
                }

                // Only the declared properties are checked; other fields pass as they are, the custom fields of a type
                // with userFields among them (their types are each portal's own).
                foreach (var property in type.Properties)
                {
                    var field = fields[property.WireName];
                    if (field is null && property.Required)
                    {
                        return "The required parameter \"" + path + "[" + property.WireName + "]\" is not set";
                    }

                    var problem = Check(property.Type, field, path + "[" + property.WireName + "]");
                    if (problem is not null)
                    {
                        return problem;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool IsKey(string key, string prefix) =>
        key.StartsWith(prefix, StringComparison.Ordinal) &&
        int.TryParse(key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out _);

    // A number as its JSON text, whatever holds it: one read from a request, or an int or long a handler stored
    // (TryGetValue<long> does not widen a value built from an int).
    private static string? NumberText(JsonValue scalar) =>
        scalar.GetValueKind() == JsonValueKind.Number ? scalar.ToJsonString() : null;

    private static bool IsBoolean(JsonNode value) => value is JsonValue scalar && (
        scalar.TryGetValue<bool>(out _) ||
        NumberText(scalar) is "0" or "1" ||
        (scalar.TryGetValue<string>(out var text) && text is "Y" or "N" or "true" or "false" or "1" or "0"));

    private static bool IsInteger(JsonNode value) => value is JsonValue scalar &&
        (NumberText(scalar) ?? (scalar.TryGetValue<string>(out var text) ? text : null)) is { } digits &&
        long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    // Portals take ISO input: a date, or a date and time with an optional offset; an all-day value may be a bare date.
    // A portal reads a date or a date and time in either field: in ISO 8601 (with or without the time and offset) or
    // in its own regional format.
    private bool IsDate(JsonNode value) =>
        value is JsonValue scalar && scalar.TryGetValue<string>(out var text) && (
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ||
            (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _) && text.Length >= 16 && text[4] == '-') ||
            _dates.IsDate(text));

    // A stored file's id, base64 content (any string), a [name, content] pair, or an object ({"fileData": [...]}, {"id": 12}).
    private static bool IsFile(JsonNode value) => value switch
    {
        JsonObject => true,
        JsonArray pair => pair.Count == 0 || (pair.Count == 2 && pair.All(item => item is JsonValue text && text.TryGetValue<string>(out _))),
        JsonValue scalar => scalar.TryGetValue<string>(out _) || IsInteger(scalar),
        _ => false,
    };

    private static bool IsNumber(JsonNode value) => value is JsonValue scalar && (
        NumberText(scalar) is not null ||
        (scalar.TryGetValue<string>(out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)));

    private static string Invalid(string path, JsonNode value, string expected) =>
        "Invalid value " + value.ToJsonString() + " for the parameter \"" + path + "\": expected " + expected;
}
