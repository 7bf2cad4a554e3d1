using System.Collections.Generic;
using System.Linq;
using System;
using Bitrix24.Generated.Specs.Diagnostics;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Reading;

namespace Bitrix24.SpecImporter.Corrections;

/// <summary>
/// What applying a correction did: the changed spec (null when the correction leaves the method out), the change in
/// words for the report, and the declared type before and after when the correction changed one, so that the other
/// specs that declare the same type get the same change.
/// </summary>
internal sealed record AppliedCorrection(MethodModel? Method, string Change, TypeModel? OldType = null, TypeModel? NewType = null);

/// <summary>
/// Applies a correction to a mapped spec. A correction whose target is gone (no such parameter, type, property or
/// example) or that changes nothing (the docs or the importer now give the same) is stale: an error, so that a
/// fixed documentation page cannot leave a correction behind unnoticed.
/// </summary>
internal static class CorrectionApplier
{
    /// <summary>Applies the correction, or returns the error that says why it does not apply.</summary>
    /// <param name="correction">The correction.</param>
    /// <param name="method">The spec as mapped, refined and corrected by the corrections before this one.</param>
    /// <param name="isDeclared">Whether an imported spec declares a type of this name.</param>
    public static (AppliedCorrection? Applied, CorrectionError? Error) Apply(Correction correction, MethodModel method, Func<string, bool> isDeclared)
    {
        try
        {
            return (correction.Operation switch
            {
                SkipOperation => new AppliedCorrection(null, "left out"),
                MethodSetOperation set => MethodSet(method, set),
                PropertySetOperation set => OnProperties(method, set.Target, properties => PropertySet(method, properties, set, isDeclared)),
                PropertyRemoveOperation remove => OnProperties(method, remove.Target, properties => Remove(method, properties, remove.Target)),
                PropertyAddOperation add => OnProperties(method, add.Owner, properties => Add(method, properties, add, isDeclared)),
                ResultOperation result => Result(method, result, isDeclared),
                DropExampleOperation drop => Drop(method, drop),
                _ => throw new InvalidOperationException("unknown correction " + correction.Operation.GetType().Name),
            }, null);
        }
        catch (StaleException stale)
        {
            return (null, new CorrectionError(stale.Location, stale.Message));
        }
    }

    private static AppliedCorrection MethodSet(MethodModel method, MethodSetOperation set)
    {
        var changed = method;
        var changes = new List<string>();
        foreach (var setting in set.Settings)
        {
            var text = setting.Text!;
            (changed, var before, var after) = setting.Key switch
            {
                "idempotent" => (changed with { Idempotent = text == "true" }, Word(changed.Idempotent), text),
                "csharpName" => (changed with { CSharpName = text }, changed.CSharpName ?? "(none)", text),
                "paging" => (changed with { Paged = text == "start" }, changed.Paged ? "start" : "none", text),
                "summary" => (changed with { Summary = text }, "\"" + changed.Summary + "\"", "\"" + text + "\""),
                _ => (changed with { Deprecated = text switch { "true" => string.Empty, "false" => null, _ => text } }, Deprecation(changed.Deprecated), text),
            };
            if (before == after)
            {
                throw new StaleException(setting.Location, $"'{method.Name}' already has {setting.Key} {after}; the correction is no longer needed");
            }

            changes.Add($"{setting.Key} {before} → {after}");
        }

        return new AppliedCorrection(changed, string.Join(", ", changes));
    }

    private static string Deprecation(string? deprecated) => deprecated switch
    {
        null => "false",
        "" => "true",
        _ => deprecated,
    };

    // The parameters or a declared type's properties, changed by the edit; a type change is returned for propagation.
    private static AppliedCorrection OnProperties(MethodModel method, PropertyAddress target, Func<List<PropertyModel>, string> edit)
    {
        if (target.TypeName is null)
        {
            var parameters = method.Parameters.ToList();
            var change = edit(parameters);
            return new AppliedCorrection(method with { Parameters = new(parameters) }, change);
        }

        var index = method.Types.ToList().FindIndex(type => type.Name == target.TypeName);
        if (index < 0)
        {
            throw new StaleException(target.Location, $"the spec of '{method.Name}' declares no type '{target.TypeName}'");
        }

        var old = method.Types[index];
        var properties = old.Properties.ToList();
        var changeText = edit(properties);
        var updated = old with { Properties = new(properties) };
        var types = method.Types.ToList();
        types[index] = updated;
        return new AppliedCorrection(method with { Types = new(types) }, changeText, old, updated);
    }

    private static string PropertySet(MethodModel method, List<PropertyModel> properties, PropertySetOperation set, Func<string, bool> isDeclared)
    {
        var index = Find(method, properties, set.Target);
        var property = properties[index];
        var changes = new List<string>();
        foreach (var setting in set.Settings)
        {
            var before = property;
            property = setting.Key switch
            {
                "type" => property with { Type = Declared(setting.Type!, setting.Location, isDeclared) },
                "items" => property with { Type = Collection(property.Type, setting, WireKind.Array, WireKind.Set) with { Items = Declared(setting.Type!, setting.Location, isDeclared) } },
                "values" when setting.Type is not null => property with { Type = Collection(property.Type, setting, WireKind.Map) with { Items = Declared(setting.Type, setting.Location, isDeclared) } },
                "values" => property with { Values = setting.Values!.Value },
                "key" => property with { Type = Collection(property.Type, setting, WireKind.Map) with { KeyType = setting.Text == "string" ? null : setting.Text } },
                "required" => property with { Required = setting.Text == "true" },
                "csharpName" => property with { CSharpName = setting.Text! },
                "default" => property with { Default = setting.Text },
                "description" => property with { Description = setting.Text },
                _ => property with { Example = setting.Text },
            };
            if (property == before)
            {
                throw new StaleException(setting.Location, $"{set.Target} of '{method.Name}' already has this {setting.Key}; the correction is no longer needed");
            }

            changes.Add($"{setting.Key} {Describe(before, setting.Key)} → {Describe(property, setting.Key)}");
        }

        properties[index] = property;
        return $"{set.Target}: {string.Join(", ", changes)}";
    }

    private static string Remove(MethodModel method, List<PropertyModel> properties, PropertyAddress target)
    {
        properties.RemoveAt(Find(method, properties, target));
        return $"{target}: removed";
    }

    private static string Add(MethodModel method, List<PropertyModel> properties, PropertyAddOperation add, Func<string, bool> isDeclared)
    {
        if (properties.Any(property => property.WireName == add.Property.WireName))
        {
            throw new StaleException(add.Owner.Location, $"{add.Owner} of '{method.Name}' already has '{add.Property.WireName}'; correct it with 'property' and 'set'");
        }

        properties.Add(add.Property with { Type = Declared(add.Property.Type, add.Owner.Location, isDeclared) });
        return $"{add.Owner}.{add.Property.WireName}: added as {TypeText.Of(add.Property.Type)}";
    }

    private static AppliedCorrection Result(MethodModel method, ResultOperation result, Func<string, bool> isDeclared)
    {
        var type = Declared(result.Type, result.Location, isDeclared);
        if (type == method.Result.Type with { Target = null })
        {
            throw new StaleException(result.Location, $"the result of '{method.Name}' is already {TypeText.Of(type)}; the correction is no longer needed");
        }

        return new AppliedCorrection(method with { Result = method.Result with { Type = type } }, $"result: {TypeText.Of(method.Result.Type)} → {TypeText.Of(type)}");
    }

    private static AppliedCorrection Drop(MethodModel method, DropExampleOperation drop)
    {
        var examples = method.Examples.Where(example => example.Name != drop.Name).ToList();
        if (examples.Count == method.Examples.Count)
        {
            var names = method.Examples.IsEmpty ? "none" : string.Join(", ", method.Examples.Select(example => "'" + example.Name + "'"));
            throw new StaleException(drop.Location, $"'{method.Name}' has no example '{drop.Name}' (its examples: {names})");
        }

        return new AppliedCorrection(method with { Examples = new(examples) }, $"example '{drop.Name}' dropped");
    }

    private static int Find(MethodModel method, List<PropertyModel> properties, PropertyAddress target)
    {
        var index = properties.FindIndex(property => property.WireName == target.WireName);
        if (index < 0)
        {
            var owner = target.TypeName is null ? "no parameter" : $"type '{target.TypeName}' has no property";
            throw new StaleException(target.Location, $"'{method.Name}': {owner} '{target.WireName}'");
        }

        return index;
    }

    // A collection's companion (items, values, key) can only change on a collection of that kind.
    private static TypeRef Collection(TypeRef type, Setting setting, params WireKind[] kinds) =>
        kinds.Contains(type.Kind)
            ? type
            : throw new StaleException(setting.Location, $"'{setting.Key}' changes a {string.Join(" or ", kinds.Select(BuiltInTypes.Name))}, and the property is {TypeText.Of(type)}; set 'type' instead");

    // Every declared type a correction names must be declared by an imported spec, or the analyzer would drop the spec.
    private static TypeRef Declared(TypeRef type, SourceLocation location, Func<string, bool> isDeclared)
    {
        if (type.Kind == WireKind.Named && !isDeclared(type.Name!))
        {
            throw new StaleException(location, $"no imported spec declares the type '{type.Name}'");
        }

        if (type.Items is not null)
        {
            Declared(type.Items, location, isDeclared);
        }

        return type;
    }

    private static string Describe(PropertyModel property, string key) => key switch
    {
        "type" or "items" or "key" => TypeText.Of(property.Type),
        "values" when property.Type.Kind == WireKind.Map => TypeText.Of(property.Type),
        "values" => property.Values.IsEmpty ? "(none)" : string.Join("/", property.Values.Select(value => value.Value)),
        "required" => Word(property.Required),
        "csharpName" => property.CSharpName,
        "default" => Quoted(property.Default),
        "description" => Quoted(property.Description),
        _ => Quoted(property.Example),
    };

    private static string Quoted(string? text) => text is null ? "(none)" : "\"" + text + "\"";

    private static string Word(bool value) => value ? "true" : "false";

    private sealed class StaleException(SourceLocation location, string message) : Exception(message)
    {
        public SourceLocation Location { get; } = location;
    }
}
