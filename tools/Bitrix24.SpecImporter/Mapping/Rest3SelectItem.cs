using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// The item of a REST 3.0 method whose page does not describe it, declared from its <c>select</c> parameter:
/// <list type="bullet">
/// <item>where the select lists the item's fields (its documented values: <c>id</c>, <c>name</c>, …), the item type
/// has those fields, each typed as the documented answers show it (the answers of every method of the entity this rule
/// types, so that a get and a list read one field alike), a field no answer shows a value of is <c>any</c>;</item>
/// <item>where the select is a list of an object a linked page of fields describes (its root object), the item is
/// that object and the select becomes <c>type: select</c> over it.</item>
/// </list>
/// The item type is named per method (<c>MailMessageGetItem</c>), as <see cref="Rest3Result"/> names it, and nested
/// under the result's <c>item</c> or <c>items</c>; <see cref="Rest3ItemSharing"/> then shares one entity's alike items
/// and <see cref="Rest3Query"/> types the select, and the filter where the page names the fields it filters by.
/// A select whose values are not all plain field names (a dotted path, a relation the page describes nowhere), or
/// whose documented answer shows a field the select does not list, leaves the method as it is, as do the
/// <c>*.field.get</c> and <c>*.field.list</c> methods, whose selects are over the descriptions of fields.
/// </summary>
internal static partial class Rest3SelectItem
{
    /// <summary>The methods with items declared from their selects, and which of them this rule typed (by index).</summary>
    public static (IReadOnlyList<MethodModel> Methods, IReadOnlySet<int> Typed) Apply(IReadOnlyList<MethodModel> methods)
    {
        var result = methods.ToList();
        var typed = new HashSet<int>();
        var candidates = new List<(int Index, Holder Holder, List<string>? Fields, TypeRef? Linked)>();
        for (var i = 0; i < methods.Count; i++)
        {
            var method = methods[i];
            if (method.Api != MethodApi.V3 || IsFieldsMethod(method) || Undescribed(method) is not { } holder
                || method.Parameters.FirstOrDefault(parameter => parameter.WireName == "select") is not { } select)
            {
                continue;
            }

            if (LinkedObject(method, select) is { } linked)
            {
                candidates.Add((i, holder, null, linked));
            }
            else if (Fields(select) is { Count: > 0 } fields)
            {
                candidates.Add((i, holder, fields, null));
            }
        }

        // What the answers show of each field, by entity: one entity's methods type a field alike.
        var shown = new Dictionary<(string Entity, string Field), List<JsonElement>>();
        foreach (var (index, holder, fields, _) in candidates.Where(candidate => candidate.Fields is not null))
        {
            foreach (var item in Items(methods[index], holder.Key))
            {
                foreach (var field in item.EnumerateObject().Where(field => fields!.Contains(field.Name)))
                {
                    var key = (Entity(methods[index]), field.Name);
                    (shown.TryGetValue(key, out var values) ? values : shown[key] = []).Add(field.Value);
                }
            }
        }

        foreach (var (index, holder, fields, linked) in candidates)
        {
            var method = methods[index];
            TypeRef itemRef;
            var types = method.Types.ToList();
            if (linked is not null)
            {
                itemRef = linked;
            }
            else
            {
                // The answers must not show the item's fields under other names than the select's.
                var keys = Items(method, holder.Key).SelectMany(item => item.EnumerateObject()).Select(field => field.Name).ToHashSet(StringComparer.Ordinal);
                if (!keys.IsSubsetOf(fields!))
                {
                    continue;
                }

                var name = holder.Prefix + Rest3Result.ItemSuffix;
                if (types.Any(type => type.Name == name))
                {
                    continue;
                }

                var select = method.Parameters.First(parameter => parameter.WireName == "select");
                var entity = Entity(method);
                types.Add(new TypeModel(name, TypeKind.Object, method.Scope, null, new(Properties(fields!, select.Values, name, field => shown.TryGetValue((entity, field), out var values) ? values : [])), default, default, default));
                itemRef = new TypeRef(WireKind.Named, name, null, null);
            }

            var holderType = holder.Type with
            {
                Properties = new(holder.Type.Properties.Select(property => property.WireName != holder.Key
                    ? property
                    : property with { Type = holder.Key == "items" ? new TypeRef(WireKind.Array, null, itemRef, null) : itemRef })),
            };
            types[types.FindIndex(type => type.Name == holderType.Name)] = holderType;
            var parameters = linked is null
                ? method.Parameters
                : new(method.Parameters.Select(parameter => parameter.WireName == "select" ? parameter with { Type = new TypeRef(WireKind.Select, null, linked, null), Values = EquatableArray<ValueModel>.Empty } : parameter));
            result[index] = method with { Types = new(types), Parameters = parameters };
            typed.Add(index);
        }

        return (result, typed);
    }

    /// <summary>The type the answers show for a field: the one type of all its values, else <c>any</c>.</summary>
    public static TypeRef Shown(IEnumerable<JsonElement> values)
    {
        // A value that shows nothing (null, an empty string or array) says nothing of the type.
        var types = values.Where(value => ExampleShapes.Form(value) != ShapeForm.None).Select(ExampleParameters.Type).Distinct().ToList();
        return types switch
        {
            [var one] => one,
            [_, _] when types.All(type => type.Kind is WireKind.Integer or WireKind.Number) => TypeRef.Of(WireKind.Number),
            _ => TypeRef.Of(WireKind.Json),
        };
    }

    // The result object and the key (item or items) of an item the page does not describe: raw JSON.
    private sealed record Holder(TypeModel Type, string Key, string Prefix);

    private static Holder? Undescribed(MethodModel method)
    {
        if (method.Result.Type is not { Kind: WireKind.Named, Name: { } name } || !name.EndsWith("Result", StringComparison.Ordinal)
            || method.Types.FirstOrDefault(type => type.Name == name && type.Kind == TypeKind.Object) is not { } holder)
        {
            return null;
        }

        var key = holder.Properties.FirstOrDefault(property =>
            property.WireName == "item" && property.Type.Kind == WireKind.Json
            || property.WireName == "items" && property.Type is { Kind: WireKind.Array, Items.Kind: WireKind.Json })?.WireName;
        return key is null ? null : new Holder(holder, key, name[..^"Result".Length]);
    }

    // A select of the objects a linked page of fields describes: the item is that object.
    private static TypeRef? LinkedObject(MethodModel method, PropertyModel select) =>
        select.Type is { Kind: WireKind.Array, Items: { Kind: WireKind.Named, Name: { } name } items }
        && select.Values.IsEmpty
        && method.Types.Any(type => type.Name == name && type.Kind == TypeKind.Object)
            ? items
            : null;

    // The fields a select's documented values name, or null when one of them names none.
    private static List<string>? Fields(PropertyModel select)
    {
        if (select.Type is not { Kind: WireKind.Array, Items.Kind: WireKind.Json or WireKind.String } || select.Values.IsEmpty
            || !select.Values.All(value => FieldName().IsMatch(value.Value)))
        {
            return null;
        }

        return select.Values.Select(value => value.Value).Distinct(StringComparer.Ordinal).ToList();
    }

    // The item type's properties, in the select's order, described as the select describes them.
    private static List<PropertyModel> Properties(List<string> fields, EquatableArray<ValueModel> values, string owner, Func<string, IEnumerable<JsonElement>> shown)
    {
        var csharpNames = new HashSet<string>(StringComparer.Ordinal) { owner };
        var properties = new List<PropertyModel>();
        foreach (var field in fields)
        {
            var csharp = Names.ToPascalCase(field);
            var name = ReservedNames.IsReservedMemberName(csharp, userFields: true) || csharp == owner || !Names.IsValidIdentifier(csharp) ? csharp + "Value" : csharp;
            for (var n = 2; !csharpNames.Add(name); n++)
            {
                name = csharp + n;
            }

            var description = values.FirstOrDefault(value => value.Value == field)?.Description;
            properties.Add(new PropertyModel(field, name, Shown(shown(field)), false, description, null, null, default));
        }

        return properties;
    }

    // The objects the successful documented answers hold under result.item or result.items.
    private static IEnumerable<JsonElement> Items(MethodModel method, string key)
    {
        foreach (var example in method.Examples.Where(example => example.Status < 300 && example.Response is not null))
        {
            JsonElement held;
            try
            {
                using var document = JsonDocument.Parse(example.Response!);
                if (!document.RootElement.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object
                    || !result.TryGetProperty(key, out var value))
                {
                    continue;
                }

                held = value.Clone();
            }
            catch (JsonException)
            {
                continue;
            }

            var items = held.ValueKind == JsonValueKind.Array ? held.EnumerateArray().ToList() : [held];
            foreach (var item in items.Where(item => item.ValueKind == JsonValueKind.Object))
            {
                yield return item;
            }
        }
    }

    // A *.field.get or *.field.list method: its select is over the descriptions of the entity's fields, not the entity.
    private static bool IsFieldsMethod(MethodModel method) => method.Name.Split('.') is [.., "field", _];

    // The entity a method works on: its name without the verb (mail.message.get -> mail.message).
    private static string Entity(MethodModel method) => method.Name[..Math.Max(0, method.Name.LastIndexOf('.'))];

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex FieldName();
}
