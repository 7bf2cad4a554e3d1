using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Specs.Diagnostics;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;

namespace Bitrix24.Generated.Specs.Linking;

/// <summary>
/// Links one spec against the index of all: the checks that need other specs (duplicate methods, types declared
/// twice, references, names taken), reported at paths of this spec, and the resolved model to emit. One spec at a
/// time, so that an incremental generator re-does only the specs an edit touches.
/// </summary>
public static class SpecLinker
{
    /// <summary>Links a spec that read without errors of its own.</summary>
    /// <param name="spec">The spec's model.</param>
    /// <param name="index">The index of every spec that read without errors.</param>
    /// <param name="report">Where problems go, or null to only leave out what cannot be generated.</param>
    public static LinkedSpec Link(MethodModel spec, SpecIndex index, LinkReport? report = null)
    {
        var root = SpecPath.Root;
        var owner = index.Method(spec.Name, spec.Api);
        var replaced = spec.Shipped && owner is { ReplacesShipped: true } && owner.Owner != spec.FilePath;
        if (owner is null || (owner.Owner != spec.FilePath && !replaced))
        {
            report?.Invoke(SpecRules.DuplicateMethod, root.Key("method"), spec.Name, owner?.Owner ?? string.Empty);
            return new LinkedSpec(spec.FilePath, spec.Name, spec.Scope, Names.MethodTypePrefix(spec), null, EquatableArray<TypeModel>.Empty);
        }

        if (owner.ReplacesShipped && !replaced)
        {
            report?.Invoke(SpecRules.ShippedSpecReplaced, root.Key("method"), spec.Name);
        }

        TypeModel? Lookup(string name) => index.Type(name)?.Definition;
        var methodValid = true;
        var owned = new List<TypeModel>();
        var fields = new List<TypeFields>();
        foreach (var type in spec.Types)
        {
            var indexed = index.Type(type.Name)!;
            if (indexed.Owner != spec.FilePath)
            {
                if (!indexed.Definition.Equals(type))
                {
                    report?.Invoke(SpecRules.ConflictingType, root.Key("types").KeyOf(type.Name), type.Name, indexed.Owner);
                    methodValid = false;
                }

                continue;
            }

            new ReferenceCheck(Lookup, report).Type(type, root);
            if (index.MethodGenerating(type.Name) is { } generating)
            {
                report?.Invoke(SpecRules.GeneratedNameTaken, root.Key("types").KeyOf(type.Name), type.Name, "method '" + generating.Name + "'");
            }
            else if (index.NameGeneratedFor(type.Name) is { } generated)
            {
                report?.Invoke(SpecRules.GeneratedNameTaken, root.Key("types").KeyOf(type.Name), type.Name, generated);
            }

            if (indexed.IsValid)
            {
                owned.Add(Resolve(type, index));
                if (indexed.Fields != QueryFields.None)
                {
                    fields.Add(new TypeFields(type.Name, indexed.Fields));
                }
            }
        }

        if (replaced)
        {
            // A project's spec replaces the method; the types this one declares stay, for the specs that use them.
            return new LinkedSpec(spec.FilePath, spec.Name, spec.Scope, owner.TypePrefix, null, owned.ToEquatableArray(), Fields: fields.ToEquatableArray());
        }

        var prefix = owner.TypePrefix;
        var outputName = index.OutputName(owner.Key, prefix);

        var check = new ReferenceCheck(Lookup, report);
        var what = "'" + spec.Name + "'";
        for (var i = 0; i < spec.Parameters.Count; i++)
        {
            var parameter = spec.Parameters[i];
            check.Property(parameter, root.Key("params").Index(i), "Parameter '" + parameter.WireName + "' of " + what);
        }

        check.Reference(spec.Result.Type, root.Key("result"), "The result of " + what);
        if (Unsupported(spec.Result.Type) is { } unsupported)
        {
            check.Fail(SpecRules.UnsupportedResultType, root.Key("result").Key("type"), spec.Name, unsupported);
        }

        if (index.ClientClash(owner.Key) is { } clash)
        {
            check.Fail(SpecRules.ClientNameClash, root.Key("method"), spec.Name, clash.What, clash.TakenBy);
        }

        foreach (var generated in new[] { Names.RequestTypeName(prefix), Names.ErrorTypeName(prefix) })
        {
            if (index.Type(generated) is { } taken)
            {
                // Reported at the type; here too when the type stands in another file.
                var path = root.Key("method");
                if (taken.Owner == spec.FilePath)
                {
                    check.MarkInvalid();
                }
                else
                {
                    check.Fail(SpecRules.GeneratedNameTaken, path, taken.Name, "method '" + spec.Name + "'");
                }
            }
        }

        var pageItems = spec.PageItems;
        if (pageItems is not null)
        {
            var wrapper = spec.Result.Type.Kind == WireKind.Named ? Lookup(spec.Result.Type.Name!) : null;
            var list = wrapper?.Kind == TypeKind.Object
                ? wrapper.Properties.FirstOrDefault(p => p.WireName == pageItems.WireName && p.Type.Kind == WireKind.Array)
                : null;
            if (list is null)
            {
                check.Fail(SpecRules.PageItemsNotAList, root.Key("pageItems"), pageItems.WireName, spec.Name);
            }
            else
            {
                pageItems = pageItems with { CSharpName = list.CSharpName, Items = list.Type.Items };
            }
        }

        var fastPaging = spec.FastPaging;
        if (fastPaging is not null)
        {
            var item = spec.Result.Type.Items is { Kind: WireKind.Named } named ? Lookup(named.Name!) : null;
            var id = item?.Kind == TypeKind.Object
                ? item.Properties.FirstOrDefault(p => p.WireName == fastPaging.IdProperty && p.Type.Kind is WireKind.Integer or WireKind.IntegerString)
                : null;
            if (id is null)
            {
                check.Fail(SpecRules.FastPagingId, root.Key("fastPaging").Key("id"), fastPaging.IdProperty, spec.Name);
            }
            else
            {
                fastPaging = fastPaging with { IdCSharpName = id.CSharpName };
            }
        }

        var pagination = spec.Paged && spec.Paging == MethodPaging.Page ? Pagination(spec, Lookup) : null;
        if (spec.Paged && spec.Paging == MethodPaging.Page && pagination is null)
        {
            check.Fail(SpecRules.PagePagingNotRest3List, root.Key("paging"), spec.Name, "a parameter pagination of type any or of an object type with integer properties page and limit");
        }

        methodValid &= check.IsValid && check.Reached.All(name => index.Type(name)!.IsValid);
        var method = methodValid
            ? spec with
            {
                Parameters = spec.Parameters.Select(p => Resolve(p, index)).ToEquatableArray(),
                Result = spec.Result with { Type = Resolve(spec.Result.Type, index) },
                Types = EquatableArray<TypeModel>.Empty,
                FastPaging = fastPaging,
                Pagination = pagination,
                PageItems = pageItems is { Items: { } items } ? pageItems with { Items = Resolve(items, index) } : null,
            }
            : null;
        return new LinkedSpec(spec.FilePath, spec.Name, spec.Scope, prefix, method, owned.ToEquatableArray(), outputName, owner.ClientName, fields.ToEquatableArray());
    }

    /// <summary>Links an event spec that read without errors of its own.</summary>
    /// <param name="spec">The spec's model.</param>
    /// <param name="index">The index of every spec that read without errors.</param>
    /// <param name="report">Where problems go, or null to only leave out what cannot be generated.</param>
    public static LinkedSpec LinkEvent(EventModel spec, SpecIndex index, LinkReport? report = null)
    {
        var root = SpecPath.Root;
        var owner = index.Event(spec.Name);
        if (owner is null || owner.Owner != spec.FilePath)
        {
            report?.Invoke(SpecRules.DuplicateEvent, root.Key("event"), spec.Name, owner?.Owner ?? string.Empty);
            return new LinkedSpec(spec.FilePath, spec.Name, spec.Scope, spec.TypeName, null, EquatableArray<TypeModel>.Empty);
        }

        TypeModel? Lookup(string name) => index.Type(name)?.Definition;
        var check = new ReferenceCheck(Lookup, report);
        var valid = true;
        var taken = index.Events.FirstOrDefault(e => e.TypeName == spec.TypeName && e.Owner != spec.FilePath) is { } other ? "event '" + other.Name + "'"
            : index.Type(spec.TypeName) is { } type ? "type '" + type.Name + "'"
            : index.MethodGenerating(spec.TypeName) is { } method ? "method '" + method.Name + "'"
            : null;
        if (taken is not null)
        {
            report?.Invoke(SpecRules.EventNameTaken, root.Key(spec.CSharpName is null ? "event" : "csharpName"), spec.Name, spec.TypeName, taken);
            valid = false;
        }

        // The data class first: its fields stand under data, not under types.
        var owned = new List<TypeModel>();
        var data = index.Type(spec.DataTypeName)!;
        if (data.Owner != spec.FilePath)
        {
            report?.Invoke(SpecRules.EventNameTaken, root.Key("event"), spec.Name, spec.DataTypeName, "the type declared in '" + data.Owner + "'");
            valid = false;
        }
        else
        {
            for (var i = 0; i < spec.Data.Count; i++)
            {
                var field = spec.Data[i];
                check.Property(field, root.Key("data").Index(i), "Field '" + field.WireName + "' of event '" + spec.Name + "'");
            }

            if (index.NameGeneratedFor(spec.DataTypeName) is { } generated)
            {
                report?.Invoke(SpecRules.GeneratedNameTaken, root.Key("event"), spec.DataTypeName, generated);
            }

            if (data.IsValid)
            {
                owned.Add(Resolve(spec.DataType, index));
            }
        }

        foreach (var declared in spec.Types)
        {
            var indexed = index.Type(declared.Name)!;
            if (indexed.Owner != spec.FilePath)
            {
                if (!indexed.Definition.Equals(declared))
                {
                    report?.Invoke(SpecRules.ConflictingType, root.Key("types").KeyOf(declared.Name), declared.Name, indexed.Owner);
                    valid = false;
                }

                continue;
            }

            new ReferenceCheck(Lookup, report).Type(declared, root);
            if (index.MethodGenerating(declared.Name) is { } generating)
            {
                report?.Invoke(SpecRules.GeneratedNameTaken, root.Key("types").KeyOf(declared.Name), declared.Name, "method '" + generating.Name + "'");
            }
            else if (index.NameGeneratedFor(declared.Name) is { } generated)
            {
                report?.Invoke(SpecRules.GeneratedNameTaken, root.Key("types").KeyOf(declared.Name), declared.Name, generated);
            }

            if (indexed.IsValid)
            {
                owned.Add(Resolve(declared, index));
            }
        }

        valid &= check.IsValid && data.Owner == spec.FilePath && data.IsValid;
        var linked = valid
            ? spec with { Data = spec.Data.Select(p => Resolve(p, index)).ToEquatableArray(), Types = EquatableArray<TypeModel>.Empty, Examples = EquatableArray<EventExampleModel>.Empty }
            : null;
        return new LinkedSpec(spec.FilePath, spec.Name, spec.Scope, spec.TypeName, null, owned.ToEquatableArray(), Event: linked);
    }

    // The pagination object of a REST 3.0 list: the walk over every page sets its page and limit.
    private static PaginationModel? Pagination(MethodModel spec, Func<string, TypeModel?> lookup)
    {
        var parameter = spec.Parameters.FirstOrDefault(p => p.WireName == "pagination");
        if (parameter?.Type.Kind == WireKind.Json)
        {
            return new PaginationModel(null, null);
        }

        var type = parameter?.Type.Kind == WireKind.Named ? lookup(parameter.Type.Name!) : null;
        PropertyModel? Integer(string name) => type?.Properties.FirstOrDefault(p => p.WireName == name && p.Type.Kind == WireKind.Integer);
        return type?.Kind == TypeKind.Object && Integer("page") is { } page && Integer("limit") is { } limit
            ? new PaginationModel(page.CSharpName, limit.CSharpName)
            : null;
    }

    // The JSON context holds one wire form per .NET type: a set is an IList like an array but written as an object,
    // and both Unix forms are a DateTimeOffset, so these stay inside objects.
    private static string? Unsupported(TypeRef type) => type.Kind switch
    {
        WireKind.Set => "a set",
        WireKind.UnixTime or WireKind.UnixTimeString => "a Unix time",
        WireKind.Array or WireKind.Map => Unsupported(type.Items!),
        _ => null,
    };

    private static TypeModel Resolve(TypeModel type, SpecIndex index) => type with
    {
        Properties = type.Properties.Select(p => Resolve(p, index)).ToEquatableArray(),
        Variants = type.Variants.Select(v => v with { Type = Resolve(v.Type, index) }).ToEquatableArray(),
    };

    private static PropertyModel Resolve(PropertyModel property, SpecIndex index) => property with { Type = Resolve(property.Type, index) };

    private static TypeRef Resolve(TypeRef type, SpecIndex index)
    {
        var target = type.Kind == WireKind.Named && index.Type(type.Name!) is { } named ? new TypeTarget(named.Definition.Scope, named.Definition.Kind) : null;
        var keyScope = type.KeyType is { } key && key != TypeRef.IntegerKey ? index.Type(key)?.Definition.Scope : null;
        return type with { Items = type.Items is null ? null : Resolve(type.Items, index), Target = target, KeyScope = keyScope };
    }
}
