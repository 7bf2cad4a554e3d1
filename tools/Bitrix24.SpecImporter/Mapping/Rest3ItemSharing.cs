using System.Collections.Generic;
using System.Linq;
using System;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// One entity's REST 3.0 item under one name: the per-method item types <see cref="Rest3Result"/> declares for the
/// methods of one entity (<c>note.document.get</c>, <c>.add</c>, <c>.update</c>, <c>.list</c>) that have the same
/// fields (names, types, whether required, in any order) become one type named after the entity (<c>NoteDocument</c>), declared
/// alike in each spec (the first method's descriptions, <c>get</c> first). The largest group of alike items takes the
/// name when two or more share it and no other type is so named; the others keep their per-method names.
/// </summary>
internal static class Rest3ItemSharing
{
    /// <summary>The methods with shared item types; how many item types were merged into shared ones.</summary>
    public static (IReadOnlyList<MethodModel> Methods, int Shared) Apply(IReadOnlyList<MethodModel> methods)
    {
        var result = methods.ToList();
        var declared = methods.SelectMany(method => method.Types).Select(type => type.Name).ToHashSet(StringComparer.Ordinal);
        var candidates = new List<(int Index, string Entity, TypeModel Item)>();
        for (var i = 0; i < methods.Count; i++)
        {
            if (methods[i].Api == MethodApi.V3 && PerMethodItem(methods[i]) is { } item)
            {
                candidates.Add((i, Entity(methods[i]), item));
            }
        }

        var shared = 0;
        foreach (var entity in candidates.GroupBy(candidate => candidate.Entity, StringComparer.Ordinal))
        {
            if (declared.Contains(entity.Key))
            {
                continue;
            }

            var alike = entity.GroupBy(candidate => Shape(candidate.Item), StringComparer.Ordinal)
                .OrderByDescending(group => group.Count())
                .First()
                .OrderBy(candidate => Verb(methods[candidate.Index]) == "get" ? 0 : 1)
                .ThenBy(candidate => methods[candidate.Index].Name, StringComparer.Ordinal)
                .ToList();
            if (alike.Count < 2)
            {
                continue;
            }

            var canonical = alike[0].Item with { Name = entity.Key };
            foreach (var (index, _, item) in alike)
            {
                result[index] = Renamed(result[index], item.Name, canonical);
                shared++;
            }
        }

        return (result, shared);
    }

    /// <summary>The item type a REST 3.0 result object holds in <c>item</c> or <c>items</c>, by name, else null.</summary>
    public static string? ItemTypeName(MethodModel method)
    {
        if (method.Result.Type.Kind != WireKind.Named
            || method.Types.FirstOrDefault(type => type.Name == method.Result.Type.Name && type.Kind == TypeKind.Object) is not { } holder)
        {
            return null;
        }

        foreach (var property in holder.Properties)
        {
            var type = property.WireName switch
            {
                "item" => property.Type,
                "items" when property.Type.Kind == WireKind.Array => property.Type.Items!,
                _ => null,
            };
            if (type is { Kind: WireKind.Named } && method.Types.Any(declared => declared.Name == type.Name && declared.Kind == TypeKind.Object))
            {
                return type.Name;
            }
        }

        return null;
    }

    // The item type Rest3Result declared for this method, named after it.
    private static TypeModel? PerMethodItem(MethodModel method) =>
        ItemTypeName(method) is { } name && name == Names.MethodTypePrefix(method.Name, null) + Rest3Result.ItemSuffix
            ? method.Types.First(type => type.Name == name)
            : null;

    // The entity a method works on: its name without the verb (note.document.add -> NoteDocument).
    private static string Entity(MethodModel method) =>
        string.Concat(method.Name.Split('.').SkipLast(1).Select(Names.ToPascalCase));

    private static string Verb(MethodModel method) => method.Name[(method.Name.LastIndexOf('.') + 1)..];

    private static string Shape(TypeModel type) =>
        string.Join("\n", type.Properties.Select(property => $"{property.WireName}:{Text(property.Type)}:{property.Required}").Order(StringComparer.Ordinal)) + "|" + type.UserFields;

    private static string Text(TypeRef type) => type.Kind switch
    {
        WireKind.Named => type.Name!,
        _ => $"{type.Kind}({(type.Items is null ? string.Empty : Text(type.Items))},{type.KeyType})",
    };

    // The method with the item type replaced by the shared one, and every reference to it renamed.
    private static MethodModel Renamed(MethodModel method, string old, TypeModel shared)
    {
        var types = method.Types.Select(type => type.Name == old
            ? shared with { Scope = type.Scope }
            : type with { Properties = new(type.Properties.Select(property => property with { Type = Rename(property.Type, old, shared.Name) })) });
        return method with
        {
            Types = new(types),
            Result = method.Result with { Type = Rename(method.Result.Type, old, shared.Name) },
        };
    }

    /// <summary>A type reference with every mention of <paramref name="old"/> named <paramref name="name"/>.</summary>
    public static TypeRef Rename(TypeRef type, string old, string name) => type.Kind switch
    {
        WireKind.Named when type.Name == old => type with { Name = name },
        _ when type.Items is not null => type with { Items = Rename(type.Items, old, name) },
        _ => type,
    };
}
