using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>One type the examples refined: where, from what, to what.</summary>
internal sealed record Refinement(ShapeSlot Slot, WireKind From, WireKind To);

/// <summary>
/// Applies what the examples showed (<see cref="ShapeEvidence"/>) to a spec's parameters, result and declared
/// types: an <c>integer</c> the answers send as <c>"410"</c> becomes <c>integer-string</c>, and so on, so that a
/// documented call reads into the typed request and back without a change and an answer without losing a field. An
/// object type whose examples carry custom fields its table does not name gets their prefix as <c>userFields</c>,
/// unless its table already gave it one.
/// </summary>
internal static class TypeRefiner
{
    /// <summary>The spec with the refined types, and what was refined.</summary>
    public static (MethodModel Method, IReadOnlyList<Refinement> Refinements) Refine(MethodModel method, ShapeEvidence evidence)
    {
        var refinements = new List<Refinement>();
        var parameters = method.Parameters.Select(parameter =>
            parameter with { Type = Type(parameter.Type, Slots.Parameter(method.Name, parameter.WireName), evidence, refinements) });
        var result = method.Result with { Type = Type(method.Result.Type, Slots.Result(method.Name), evidence, refinements) };
        var types = method.Types.Select(type => type with
        {
            Properties = new(type.Properties.Select(property =>
                property with { Type = Type(property.Type, Slots.Property(type.Name, property.WireName), evidence, refinements) })),
            UserFields = type.UserFields ?? evidence.UserFields(type.Name),
        }).ToList();
        var refined = method with { Parameters = new(parameters), Result = result, Types = new(types) };
        var userFields = types.Where((type, index) => type.UserFields != method.Types[index].UserFields).Any();
        return (refinements.Count == 0 && !userFields ? method : refined, refinements);
    }

    private static TypeRef Type(TypeRef type, ShapeSlot slot, ShapeEvidence evidence, List<Refinement> refinements)
    {
        // A structure the examples contradict becomes raw JSON; a declared object type itself stays as it is.
        if (type.Kind is WireKind.Array or WireKind.Map or WireKind.Named && evidence.Refined(slot, type.Kind) is { } raw)
        {
            refinements.Add(new Refinement(slot, type.Kind, raw));
            return TypeRef.Of(raw);
        }

        switch (type.Kind)
        {
            case WireKind.Array:
                return type with { Items = Type(type.Items!, slot.Into("[]"), evidence, refinements) };
            case WireKind.Map:
                return type with { Items = Type(type.Items!, slot.Into("{}"), evidence, refinements) };
            case WireKind.Set or WireKind.Named or WireKind.Json:
                return type;
            default:
                if (evidence.Refined(slot, type.Kind) is not { } kind)
                {
                    return type;
                }

                refinements.Add(new Refinement(slot, type.Kind, kind));
                return TypeRef.Of(kind);
        }
    }
}
