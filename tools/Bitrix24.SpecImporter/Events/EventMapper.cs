using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;
using Bitrix24.SpecImporter.Examples;
using Bitrix24.SpecImporter.Mapping;
using Bitrix24.SpecImporter.Pages;
using Bitrix24.SpecImporter.Yfm;

namespace Bitrix24.SpecImporter.Events;

/// <summary>
/// Maps a documented event to its spec. The documented payload gives the shape of <c>data</c>: a portal posts it
/// form-encoded, so every value arrives as text, and an integer is <c>integer-string</c> whether the example writes
/// <c>"1414"</c> or <c>1414</c>; a nested object becomes a type of the event's own. The field tables give the
/// descriptions, and the fields of <c>data</c> the example leaves out (or all of them, on a page with no example),
/// typed by the table in their text form.
/// </summary>
internal static partial class EventMapper
{
    // The payload's own rows, and the auth block's: they describe no field of data.
    private static readonly HashSet<string> PayloadRows = new(StringComparer.Ordinal)
    {
        "event", "event_handler_id", "data", "ts", "auth", "access_token", "expires_in", "expires", "scope", "domain", "server_endpoint", "status",
        "client_endpoint", "member_id", "user_id", "refresh_token", "application_token",
    };

    /// <summary>The spec of an event.</summary>
    /// <param name="section">The event as documented.</param>
    /// <param name="filePath">The spec's path under the specs folder.</param>
    /// <param name="docs">The published address of its page (and section).</param>
    public static EventModel Map(EventSection section, string filePath, string docs)
    {
        var typeName = section.CSharpName ?? Names.EventTypeName(section.Name);
        var mapper = new Mapper(typeName, section.Scope, Descriptions(section));
        var data = section.Payload is { } payload && payload.TryGetProperty("data", out var sent) ? sent : section.Data;
        var fields = data is { ValueKind: JsonValueKind.Object } shown
            ? mapper.Properties(shown, Names.EventDataTypeName(typeName), typeName, string.Empty)
            : new List<PropertyModel>();
        mapper.AddUndocumented(fields, Names.EventDataTypeName(typeName), shownOnly: data is { ValueKind: JsonValueKind.Object });

        var examples = new List<EventExampleModel>();
        if (section.Payload is { } documented && JsonCompact.Write(documented.GetRawText()) is { } compact)
        {
            examples.Add(new EventExampleModel("The documented payload", compact));
        }
        else if (section.Data is { } alone && JsonCompact.Write(alone.GetRawText()) is { } dataOnly)
        {
            // The page shows the data alone: the payload it stands in.
            examples.Add(new EventExampleModel("The documented data", "{\"event\":" + JsonSerializer.Serialize(section.Name) + ",\"data\":" + dataOnly + "}"));
        }

        return new EventModel(
            filePath,
            section.Name,
            section.Scope,
            section.Access,
            section.Summary,
            null,
            docs,
            section.CSharpName,
            fields.ToEquatableArray(),
            mapper.Types.ToEquatableArray(),
            examples.ToEquatableArray());
    }

    // Descriptions by the field's dotted path below data (FIELDS.ID) and by its last name (ID), from every field table
    // but the auth block's.
    private static Dictionary<string, FieldRow> Descriptions(EventSection section)
    {
        var rows = new Dictionary<string, FieldRow>(StringComparer.Ordinal);
        foreach (var table in Tables(section.Blocks).Where(FieldRow.IsFieldTable))
        {
            var read = FieldRow.Read(table);
            if (read.Any(row => row.Name == "access_token"))
            {
                continue;
            }

            foreach (var row in read)
            {
                var name = Path(row.Name);
                if (name.Length == 0 || (PayloadRows.Contains(name) && !row.Name.StartsWith("data.", StringComparison.Ordinal) && !row.Name.StartsWith("data[", StringComparison.Ordinal)))
                {
                    continue;
                }

                rows.TryAdd(name, row);
                rows.TryAdd("." + name.Split('.')[^1], row);
            }
        }

        return rows;
    }

    // data.FIELDS.ID, data[FIELDS][ID], FIELDS.ID -> FIELDS.ID.
    private static string Path(string name)
    {
        var path = name.Replace("][", ".", StringComparison.Ordinal).Replace("[", ".", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Trim();
        return path.StartsWith("data.", StringComparison.Ordinal) ? path[5..] : path;
    }

    private static IEnumerable<YfmTable> Tables(IEnumerable<YfmBlock> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case YfmTable table:
                    yield return table;
                    break;
                case YfmNote note:
                    foreach (var inner in Tables(note.Blocks))
                    {
                        yield return inner;
                    }

                    break;
                case YfmTabs tabs:
                    foreach (var inner in Tables(tabs.Tabs.SelectMany(tab => tab.Blocks)))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }

    private static string? Describe(FieldRow row)
    {
        var text = Inline.Plain(row.Description.Text.Split("\n\n")[0].Replace('\n', ' '));
        return text.Length == 0 ? null : text;
    }

    private sealed class Mapper
    {
        private readonly Dictionary<string, FieldRow> _rows;
        private readonly HashSet<string> _typeNames;

        private readonly string _scope;

        public Mapper(string eventType, string scope, Dictionary<string, FieldRow> rows)
        {
            _rows = rows;
            _scope = scope;
            _typeNames = new HashSet<string>(StringComparer.Ordinal) { eventType, Names.EventDataTypeName(eventType) };
            EventType = eventType;
        }

        public string EventType { get; }

        public List<TypeModel> Types { get; } = new();

        // The properties of a JSON object; owner: the C# class they go in, prefix: what its nested types' names start with,
        // path: the object's dotted path below data.
        public List<PropertyModel> Properties(JsonElement json, string owner, string prefix, string path)
        {
            var properties = new List<PropertyModel>();
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in json.EnumerateObject())
            {
                if (properties.Any(p => p.WireName == property.Name))
                {
                    continue;
                }

                var fieldPath = path.Length == 0 ? property.Name : path + "." + property.Name;
                var type = Infer(property.Value, prefix, property.Name, fieldPath);
                properties.Add(Property(property.Name, type, fieldPath, owner, used, Example(property.Value, type)));
            }

            return properties;
        }

        // The fields of data a table names that the example does not show, one level below data, typed by the table: with an
        // example (shownOnly), only those the table names data.X; a table's bare X may be a field of a nested object.
        public void AddUndocumented(List<PropertyModel> fields, string owner, bool shownOnly)
        {
            var used = new HashSet<string>(fields.Select(f => f.CSharpName), StringComparer.Ordinal);
            foreach (var (path, row) in _rows.Where(pair => !pair.Key.StartsWith('.') && !pair.Key.Contains('.', StringComparison.Ordinal)))
            {
                var underData = row.Name.StartsWith("data.", StringComparison.Ordinal) || row.Name.StartsWith("data[", StringComparison.Ordinal);
                if (fields.Any(f => f.WireName == path) || !WireName().IsMatch(path) || (shownOnly && !underData))
                {
                    continue;
                }

                fields.Add(Property(path, FromTable(row), path, owner, used, null));
            }
        }

        private PropertyModel Property(string wireName, TypeRef type, string path, string owner, HashSet<string> used, string? example)
        {
            var csharpName = Names.ToPascalCase(wireName);
            if (csharpName == owner || ReservedNames.IsReservedMemberName(csharpName, false) || !Names.IsValidIdentifier(csharpName))
            {
                csharpName += "Value";
            }

            var unique = csharpName;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = csharpName + n.ToString(CultureInfo.InvariantCulture);
            }

            var row = _rows.TryGetValue(path, out var exact) ? exact : _rows.TryGetValue("." + wireName, out var byName) ? byName : null;
            return new PropertyModel(wireName, unique, type, false, row is null ? null : Describe(row), null, example, EquatableArray<ValueModel>.Empty);
        }

        private TypeRef Infer(JsonElement value, string prefix, string wireName, string path)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    return int.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                        ? TypeRef.Of(WireKind.IntegerString)
                        : TypeRef.Of(WireKind.String);
                case JsonValueKind.Number:
                    return value.TryGetInt32(out _) ? TypeRef.Of(WireKind.IntegerString)
                        : value.TryGetInt64(out _) ? TypeRef.Of(WireKind.String)
                        : TypeRef.Of(WireKind.Number);
                case JsonValueKind.True or JsonValueKind.False:
                    return TypeRef.Of(WireKind.Boolean);
                case JsonValueKind.Object when value.EnumerateObject().Any() && value.EnumerateObject().All(p => WireName().IsMatch(p.Name)):
                    return TypeRef.Of(WireKind.Named) with { Name = Declare(value, prefix, wireName, path) };
                case JsonValueKind.Array when value.GetArrayLength() > 0:
                    // Text items of one kind, or a single object; anything else stays raw JSON.
                    if (value.EnumerateArray().All(item => item.ValueKind is JsonValueKind.String or JsonValueKind.Number))
                    {
                        var items = value.EnumerateArray().Select(item => Infer(item, prefix, wireName, path)).Distinct().ToList();
                        return items.Count == 1 && items[0].Kind is WireKind.String or WireKind.IntegerString
                            ? new TypeRef(WireKind.Array, null, items[0], null)
                            : TypeRef.Of(WireKind.Json);
                    }

                    return value.GetArrayLength() == 1 && Infer(value[0], prefix, wireName + "Item", path) is { Kind: WireKind.Named } item
                        ? new TypeRef(WireKind.Array, null, item, null)
                        : TypeRef.Of(WireKind.Json);
                default:
                    return TypeRef.Of(WireKind.Json);
            }
        }

        private string Declare(JsonElement value, string prefix, string wireName, string path)
        {
            var name = prefix + Names.ToPascalCase(wireName);
            var unique = name;
            for (var n = 2; !_typeNames.Add(unique); n++)
            {
                unique = name + n.ToString(CultureInfo.InvariantCulture);
            }

            var description = _rows.TryGetValue(path, out var row) ? Describe(row) : null;
            var properties = Properties(value, unique, unique, path);
            Types.Add(new TypeModel(unique, TypeKind.Object, _scope, description, properties.ToEquatableArray(), EquatableArray<EnumValueModel>.Empty, EquatableArray<KeyPatternModel>.Empty, EquatableArray<UnionVariantModel>.Empty));
            return unique;
        }

        // A documented type in its text form: a form-encoded body carries every value as text.
        private static TypeRef FromTable(FieldRow row)
        {
            var type = DocType.Parse(row.Type);
            if (type is null || type.IsList)
            {
                return TypeRef.Of(WireKind.Json);
            }

            return type.Builtin(hasYesNo: false) switch
            {
                WireKind.Integer => TypeRef.Of(WireKind.IntegerString),
                WireKind.UnixTime => TypeRef.Of(WireKind.UnixTimeString),
                WireKind.String or WireKind.Date or WireKind.DateTime or WireKind.Flag => TypeRef.Of(WireKind.String),
                WireKind.Boolean => TypeRef.Of(WireKind.Boolean),
                WireKind.Number => TypeRef.Of(WireKind.Number),
                _ => TypeRef.Of(WireKind.Json),
            };
        }

        private static string? Example(JsonElement value, TypeRef type) =>
            type.Kind is WireKind.String or WireKind.IntegerString && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()) is { Length: > 0 and <= 80 } text && !text.Contains('\n') ? text : null
                : null;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex WireName();
}
