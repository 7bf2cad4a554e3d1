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
            var problems = diagnostics.Count;
            var what = "'" + method.Name + "'";
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var parameter in method.Parameters)
            {
                CheckProperty(parameter, "Parameter '" + parameter.WireName + "' of " + what, types, used, diagnostics, reported);
            }

            CheckReference(method.Result.Type, "The result of " + what, types, used, diagnostics, reported);

            // Types reached through other types need their own references resolved too.
            var pending = new Queue<string>(used);
            while (pending.Count > 0)
            {
                if (!types.TryGetValue(pending.Dequeue(), out var type))
                {
                    continue;
                }

                foreach (var property in type.Properties)
                {
                    var before = used.Count;
                    CheckProperty(property, "Property '" + property.WireName + "' of type '" + type.Name + "'", types, used, diagnostics, reported);
                    foreach (var name in used.Skip(before))
                    {
                        pending.Enqueue(name);
                    }
                }
            }

            CheckNameClashes(method, types, diagnostics);
            if (diagnostics.Count == problems && !rejected.Contains(method) && !used.Any(name => !types.ContainsKey(name)))
            {
                valid.Add(method);
                referencedTypes.UnionWith(used);
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

    private static void CheckProperty(PropertyModel property, string what, Dictionary<string, TypeModel> types, HashSet<string> used, List<DiagnosticInfo> diagnostics, HashSet<SourceLocation> reported)
    {
        CheckReference(property.Type, what, types, used, diagnostics, reported);
        if (property.Example is null || property.Type.Kind != WireKind.Named ||
            !types.TryGetValue(property.Type.Name!, out var type) || type.Kind != TypeKind.Enum)
        {
            return;
        }

        if (!type.Values.Any(v => v.Value == property.Example) && reported.Add(property.Location))
        {
            diagnostics.Add(DiagnosticInfoExtensions.Create(
                DiagnosticDescriptors.ValueNotAllowed,
                ExampleLocation(property),
                "example",
                property.Example,
                what,
                string.Join(", ", type.Values.Select(v => v.Value))));
        }
    }

    private static SourceLocation ExampleLocation(PropertyModel property) => property.ExampleLocation ?? property.Location;

    private static void CheckReference(TypeRef reference, string what, Dictionary<string, TypeModel> types, HashSet<string> used, List<DiagnosticInfo> diagnostics, HashSet<SourceLocation> reported)
    {
        switch (reference.Kind)
        {
            case WireKind.Named:
                if (!types.TryGetValue(reference.Name!, out var type))
                {
                    used.Add(reference.Name!);
                    if (reported.Add(reference.Location))
                    {
                        diagnostics.Add(DiagnosticInfoExtensions.Create(DiagnosticDescriptors.UnknownType, reference.Location, what, reference.Name!, BuiltInTypes.List));
                    }
                }
                else if (type.Kind == TypeKind.Key)
                {
                    if (reported.Add(reference.Location))
                    {
                        diagnostics.Add(DiagnosticInfoExtensions.Create(DiagnosticDescriptors.WrongValueType, reference.Location, what, "an object or enum type; key types are only for a map's 'key'"));
                    }
                }
                else
                {
                    used.Add(type.Name);
                }

                break;
            case WireKind.Array:
                CheckReference(reference.Items!, what, types, used, diagnostics, reported);
                break;
            case WireKind.Map:
                CheckReference(reference.Items!, what, types, used, diagnostics, reported);
                if (reference.KeyType is { } key)
                {
                    if (!types.TryGetValue(key, out var keyType) || keyType.Kind != TypeKind.Key)
                    {
                        if (reported.Add(reference.Location))
                        {
                            diagnostics.Add(DiagnosticInfoExtensions.Create(DiagnosticDescriptors.UnknownType, reference.Location, what + " (map key)", key, "a type of kind 'key'"));
                        }

                        used.Add(key + "?");
                    }
                    else
                    {
                        used.Add(key);
                    }
                }

                break;
        }
    }

    // The request DTO and error enum get names from the method; a declared type must not take them.
    private static void CheckNameClashes(MethodModel method, Dictionary<string, TypeModel> types, List<DiagnosticInfo> diagnostics)
    {
        var prefix = Naming.MethodTypePrefix(method.Name);
        foreach (var generated in new[] { prefix + "Request", prefix + "Error" })
        {
            if (types.TryGetValue(generated, out var type))
            {
                diagnostics.Add(DiagnosticInfoExtensions.Create(DiagnosticDescriptors.NameClash, type.Location,
                    "Type '" + generated + "' has the name generated for method '" + method.Name + "'; rename the type"));
            }
        }
    }

    /// <summary>Whether two declarations say the same thing, wherever they stand.</summary>
    private static bool SameDefinition(TypeModel left, TypeModel right) =>
        left.Kind == right.Kind &&
        left.Scope == right.Scope &&
        left.Description == right.Description &&
        left.Values.Equals(right.Values) &&
        left.Patterns.Equals(right.Patterns) &&
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
