using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Handlers.Entities;

/// <summary>
/// The names and forms of an entity's fields as its family answers them: a caller may send <c>RESPONSIBLE_ID</c> where
/// the answer names it <c>responsibleId</c>, or <c>99</c> where the answer sends <c>"99"</c>; stored under the
/// answer's name and answered in the answer's form, as a portal does.
/// </summary>
internal sealed class EntityShape
{
    private static readonly string[] UserFieldPrefixes = ["UF_", "uf"];

    private readonly JsonObject _template;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public EntityShape(JsonObject template)
    {
        _template = template;
        foreach (var (name, _) in template)
        {
            _names.TryAdd(Folded(name), name);
        }
    }

    /// <summary>The fields an answer has, in its order, with no user fields (they differ per portal).</summary>
    public IEnumerable<string> Fields => _template.Select(pair => pair.Key).Where(name => !IsUserField(name));

    /// <summary>The answer's name of a field a caller sends, or the name as sent when the answer has none like it.</summary>
    public string NameOf(string sent) => _names.TryGetValue(Folded(sent), out var name) ? name : sent;

    /// <summary>Whether a name is a portal's custom field (<c>UF_CRM_5</c>, <c>ufCrm7_5</c>).</summary>
    public static bool IsUserField(string name) =>
        name.StartsWith(UserFieldPrefixes[0], StringComparison.OrdinalIgnoreCase)
        || (name.StartsWith(UserFieldPrefixes[1], StringComparison.Ordinal) && name.Length > 2 && char.IsUpper(name[2]));

    /// <summary>A value in the form the answer shows for the field: a number as text, text as a number, a flag as Y/N.</summary>
    public JsonNode? Shaped(string name, JsonNode? value)
    {
        if (value is not JsonValue scalar || _template[name] is not JsonValue shown)
        {
            return value?.DeepClone();
        }

        var text = scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : scalar.ToJsonString();
        switch (shown.GetValueKind())
        {
            case JsonValueKind.String when scalar.GetValueKind() is JsonValueKind.Number:
                return JsonValue.Create(text);
            case JsonValueKind.String when scalar.GetValueKind() is JsonValueKind.True or JsonValueKind.False && shown.GetValue<string>() is "Y" or "N":
                return JsonValue.Create(scalar.GetValueKind() == JsonValueKind.True ? "Y" : "N");
            case JsonValueKind.Number when scalar.GetValueKind() == JsonValueKind.String && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole):
                return JsonValue.Create(whole);
            case JsonValueKind.Number when scalar.GetValueKind() == JsonValueKind.String && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                return JsonValue.Create(number);
            case JsonValueKind.True or JsonValueKind.False when text is "Y" or "N" or "1" or "0" or "true" or "false":
                return JsonValue.Create(text is "Y" or "1" or "true");
            default:
                return value.DeepClone();
        }
    }

    // RESPONSIBLE_ID, responsibleId and ResponsibleId are one field.
    private static string Folded(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}
