using System;
using System.Collections.Generic;
using Bitrix24.Generated.Specs.Diagnostics;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Reading;

namespace Bitrix24.Generated.Specs.Linking;

/// <summary>Reports a problem linking found, at a path of the spec being linked.</summary>
public delegate void LinkReport(SpecRule rule, SpecPath path, params string[] arguments);

/// <summary>
/// Checks that the type references of one part of a spec resolve to types that can stand there, and collects the
/// types they reach. The index runs it silently to learn which types are valid; linking runs it on a spec's own
/// parts to report where they go wrong.
/// </summary>
internal sealed class ReferenceCheck
{
    private readonly Func<string, TypeModel?> _lookup;
    private readonly LinkReport? _report;

    public ReferenceCheck(Func<string, TypeModel?> lookup, LinkReport? report)
    {
        _lookup = lookup;
        _report = report;
    }

    public bool IsValid { get; private set; } = true;

    /// <summary>The declared types reached directly.</summary>
    public HashSet<string> Reached { get; } = new(StringComparer.Ordinal);

    /// <summary>Checks a declared type's own references; its parts are placed under <c>types/Name</c> of <paramref name="specRoot"/>.</summary>
    public void Type(TypeModel type, SpecPath specRoot)
    {
        var path = specRoot.Key("types").Key(type.Name);
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            Property(property, path.Key("properties").Index(i), "Property '" + property.WireName + "' of type '" + type.Name + "'");
        }

        if (type.Kind == TypeKind.Union)
        {
            Variants(type, path);
        }
    }

    /// <summary>Checks a parameter or property whose mapping stands at <paramref name="owner"/>.</summary>
    public void Property(PropertyModel property, SpecPath owner, string what)
    {
        Reference(property.Type, owner, what);
        if (property.Example is { } example && property.Type.Kind == WireKind.Named &&
            _lookup(property.Type.Name!) is { Kind: TypeKind.Enum } enumType && !HasValue(enumType, example))
        {
            // A wrong example is a warning: it does not make anything invalid.
            _report?.Invoke(SpecRules.ValueNotAllowed, owner.Key("example"), "example", example, what, string.Join(", ", Values(enumType)));
        }
    }

    /// <summary>Checks a type reference written in the mapping at <paramref name="owner"/> (its type, items, key, values).</summary>
    public void Reference(TypeRef reference, SpecPath owner, string what)
    {
        switch (reference.Kind)
        {
            case WireKind.Named:
                var type = _lookup(reference.Name!);
                if (type is null)
                {
                    Fail(SpecRules.UnknownType, owner.Key("type"), what, reference.Name!, BuiltInTypes.List);
                }
                else if (type.Kind == TypeKind.Key)
                {
                    Fail(SpecRules.KeyTypeAsValue, owner.Key("type"), what, type.Name);
                }
                else
                {
                    Reached.Add(type.Name);
                }

                break;
            case WireKind.Array:
                Reference(reference.Items!, owner.Element(), what);
                break;
            case WireKind.Filter or WireKind.Select:
                Reference(reference.Items!, owner.Element(), what);
                if (reference.Items!.Kind == WireKind.Named && _lookup(reference.Items.Name!) is { Kind: not TypeKind.Object } entity)
                {
                    Fail(SpecRules.QueryOfNonObject, owner.Key("items"), what, BuiltInTypes.Name(reference.Kind), entity.Name);
                }

                break;
            case WireKind.Set:
                Reference(reference.Items!, owner.Element(), what);
                if (reference.Items!.Kind == WireKind.Named && _lookup(reference.Items.Name!) is { Kind: not (TypeKind.Enum or TypeKind.Key) } member)
                {
                    Fail(SpecRules.SetMemberType, owner.Key("items"), what, member.Name);
                }

                break;
            case WireKind.Map:
                Reference(reference.Items!, owner.Element(), what);
                if (reference.KeyType is { } key && key != TypeRef.IntegerKey)
                {
                    if (_lookup(key) is { Kind: TypeKind.Key } keyType)
                    {
                        Reached.Add(keyType.Name);
                    }
                    else
                    {
                        Fail(SpecRules.InvalidMapKey, owner.Key("key"), what, key);
                    }
                }

                break;
        }
    }

    /// <summary>Marks the part invalid for a problem reported elsewhere.</summary>
    public void MarkInvalid() => IsValid = false;

    /// <summary>Marks the part invalid and reports the problem.</summary>
    public void Fail(SpecRule rule, SpecPath path, params string[] arguments)
    {
        IsValid = false;
        _report?.Invoke(rule, path, arguments);
    }

    // A union is read by the JSON shape of its value, so no two variants may share one.
    private void Variants(TypeModel union, SpecPath path)
    {
        var seen = new Dictionary<JsonShape, UnionVariantModel>();
        for (var i = 0; i < union.Variants.Count; i++)
        {
            var variant = union.Variants[i];
            var owner = path.Key("variants").Index(i);
            Reference(variant.Type, owner, "Variant '" + variant.Name + "' of type '" + union.Name + "'");
            var shape = JsonShapes.Of(variant.Type, name => _lookup(name)?.Kind);
            if (shape is null)
            {
                if (variant.Type.Kind == WireKind.Named && _lookup(variant.Type.Name!) is { Kind: TypeKind.Union })
                {
                    Fail(SpecRules.NestedUnion, owner.Key("type"), variant.Name, union.Name);
                }
                else if (variant.Type.Kind is WireKind.Json or WireKind.File or WireKind.FileData)
                {
                    Fail(SpecRules.AnyVariant, owner.Key("type"), variant.Name, union.Name, BuiltInTypes.Name(variant.Type.Kind));
                }

                continue;
            }

            if (seen.TryGetValue(shape.Value, out var first))
            {
                Fail(SpecRules.OverlappingVariants, owner.Key("type"), first.Name, variant.Name, union.Name, JsonShapes.Describe(shape.Value));
            }
            else
            {
                seen.Add(shape.Value, variant);
            }
        }
    }

    private static bool HasValue(TypeModel enumType, string value)
    {
        foreach (var member in enumType.Values)
        {
            if (member.Value == value)
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> Values(TypeModel enumType)
    {
        foreach (var member in enumType.Values)
        {
            yield return member.Value;
        }
    }
}
