using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Bitrix24.Generated.Generator.Diagnostics;
using Bitrix24.Generated.Generator.Model;

namespace Bitrix24.Generated.Generator.Validation;

/// <summary>The checks that need every spec at once, and the model the emitters get.</summary>
internal sealed record GenerationResult(GenerationModel Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// Joins the valid specs of a compilation: one declaration per type, one spec per method, every type
/// reference resolved. A method that fails here is left out; the rest still generate.
/// </summary>
internal static class GenerationModelBuilder
{
    public static GenerationResult Build(ImmutableArray<MethodModel> methods, string rootNamespace)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var ordered = methods.OrderBy(m => m.FilePath, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();

        var accepted = new List<MethodModel>();
        var byName = new Dictionary<string, MethodModel>(StringComparer.OrdinalIgnoreCase);
        foreach (var method in ordered)
        {
            if (byName.TryGetValue(method.Name, out var first))
            {
                diagnostics.Add(DiagnosticInfoExtensions.Create(DiagnosticDescriptors.DuplicateMethod, method.Location, method.Name, first.FilePath));
                continue;
            }

            byName.Add(method.Name, method);
            accepted.Add(method);
        }

        var types = new Dictionary<string, TypeModel>(StringComparer.Ordinal);
        var rejected = new HashSet<MethodModel>();
        foreach (var method in accepted)
        {
            foreach (var type in method.Types)
            {
                if (!types.TryGetValue(type.Name, out var existing))
                {
                    types.Add(type.Name, type);
                }
                else if (!SameDefinition(existing, type))
                {
                    diagnostics.Add(DiagnosticInfoExtensions.Create(DiagnosticDescriptors.ConflictingType, type.Location, type.Name, existing.Location.FilePath));
                    rejected.Add(method);
                }
            }
        }

        var reported = new HashSet<SourceLocation>();
        var referencedTypes = new HashSet<string>(StringComparer.Ordinal);
        var valid = new List<MethodModel>();
        foreach (var method in accepted)
        {
            var checker = new ReferenceChecker(types, diagnostics, reported);
            var what = "'" + method.Name + "'";
            foreach (var parameter in method.Parameters)
            {
                checker.Property(parameter, "Parameter '" + parameter.WireName + "' of " + what);
            }

            checker.Reference(method.Result.Type, "The result of " + what);
            if (!IsSupportedResult(method.Result.Type))
            {
                checker.Fail(DiagnosticDescriptors.IncompleteType, method.Result.Type.Location, "The result of " + what,
                    "sets and Unix times are supported inside objects, not as the whole result; wrap the value in a named object type");
            }

            // Types reached through other types need their own references resolved too.
            while (checker.Pending.Count > 0)
            {
                var type = types[checker.Pending.Dequeue()];
                foreach (var property in type.Properties)
                {
                    checker.Property(property, "Property '" + property.WireName + "' of type '" + type.Name + "'");
                }

                if (type.Kind == TypeKind.Union)
                {
                    CheckVariants(type, types, checker);
                }
            }

            if (method.FastPaging is { } fast && method.Result.Type.Items is { Kind: WireKind.Named } item &&
                (!types.TryGetValue(item.Name!, out var itemType) ||
                 !itemType.Properties.Any(p => p.WireName == fast.IdProperty && p.Type.Kind is WireKind.Integer or WireKind.IntegerString)))
            {
                checker.Fail(DiagnosticDescriptors.IncompleteType, fast.Location, "fastPaging of " + what, "its id must name an integer property of the listed items");
            }
            else if (method.FastPaging is { } fastOverScalars && method.Result.Type.Items is not { Kind: WireKind.Named })
            {
                checker.Fail(DiagnosticDescriptors.IncompleteType, fastOverScalars.Location, "fastPaging of " + what, "the listed items must be objects with an id");
            }

            var clashes = CheckNameClashes(method, types, diagnostics);
            if (checker.IsValid && !clashes && !rejected.Contains(method))
            {
                valid.Add(method);
                referencedTypes.UnionWith(checker.Reached);
            }
        }

        // Types declared by valid specs are emitted even when no method uses them: users may want them.
        foreach (var method in valid)
        {
            referencedTypes.UnionWith(method.Types.Select(t => t.Name));
        }

        var emittedTypes = types.Values
            .Where(t => referencedTypes.Contains(t.Name))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToEquatableArray();
        var model = new GenerationModel(rootNamespace, valid.OrderBy(m => m.Name, StringComparer.Ordinal).ToEquatableArray(), emittedTypes);
        return new GenerationResult(model, diagnostics.ToEquatableArray());
    }

    // The JSON context holds one wire form per .NET type: a set is an IList like an array but written as an
    // object, and both Unix forms are a DateTimeOffset, so these stay inside objects.
    private static bool IsSupportedResult(TypeRef type) => type.Kind switch
    {
        WireKind.Set or WireKind.UnixTime or WireKind.UnixTimeString => false,
        WireKind.Array or WireKind.Map => IsSupportedResult(type.Items!),
        _ => true,
    };

    // A union is read by the JSON shape of its value, so no two variants may share one.
    private static void CheckVariants(TypeModel union, Dictionary<string, TypeModel> types, ReferenceChecker checker)
    {
        var seen = new Dictionary<JsonShape, UnionVariantModel>();
        foreach (var variant in union.Variants)
        {
            var what = "Variant '" + variant.Name + "' of type '" + union.Name + "'";
            checker.Reference(variant.Type, what);
            var shape = JsonShapes.Of(variant.Type, name => types.TryGetValue(name, out var type) ? type.Kind : null);
            if (shape is null)
            {
                if (variant.Type.Kind == WireKind.Named && types.TryGetValue(variant.Type.Name!, out var named) && named.Kind == TypeKind.Union)
                {
                    checker.Fail(DiagnosticDescriptors.WrongValueType, variant.Type.Location, what, "a value other than a union; list the inner union's variants here instead");
                }

                continue;
            }

            if (seen.TryGetValue(shape.Value, out var first))
            {
                checker.Fail(DiagnosticDescriptors.OverlappingVariants, variant.Type.Location, first.Name, variant.Name, union.Name, JsonShapes.Describe(shape.Value));
            }
            else
            {
                seen.Add(shape.Value, variant);
            }
        }
    }

    // The request DTO and error enum get names from the method; a declared type must not take them.
    private static bool CheckNameClashes(MethodModel method, Dictionary<string, TypeModel> types, List<DiagnosticInfo> diagnostics)
    {
        var prefix = Naming.MethodTypePrefix(method);
        var clash = false;
        foreach (var generated in new[] { prefix + "Request", prefix + "Error" })
        {
            if (types.TryGetValue(generated, out var type))
            {
                diagnostics.Add(DiagnosticInfoExtensions.Create(DiagnosticDescriptors.NameClash, type.Location,
                    "Type '" + generated + "' has the name generated for method '" + method.Name + "'; rename the type"));
                clash = true;
            }
        }

        return clash;
    }

    /// <summary>Whether two declarations say the same thing, wherever they stand.</summary>
    private static bool SameDefinition(TypeModel left, TypeModel right) =>
        left.Kind == right.Kind &&
        left.Scope == right.Scope &&
        left.Description == right.Description &&
        left.Values.Equals(right.Values) &&
        left.Patterns.Equals(right.Patterns) &&
        left.Variants.Count == right.Variants.Count &&
        left.Variants.Zip(right.Variants, (l, r) => l.Name == r.Name && l.Description == r.Description && StripLocations(l.Type) == StripLocations(r.Type)).All(same => same) &&
        left.Properties.Count == right.Properties.Count &&
        left.Properties.Zip(right.Properties, SameProperty).All(same => same);

    private static bool SameProperty(PropertyModel left, PropertyModel right) =>
        left with { Location = right.Location, ExampleLocation = right.ExampleLocation, Type = StripLocations(left.Type) } == right with { Type = StripLocations(right.Type) };

    private static TypeRef StripLocations(TypeRef type) => type with
    {
        Location = SourceLocation.FileStart(string.Empty),
        Items = type.Items is null ? null : StripLocations(type.Items),
    };
}
