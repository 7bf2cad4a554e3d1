using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Generator.Diagnostics;
using Bitrix24.Generated.Generator.Model;
using DiagnosticDescriptor = Microsoft.CodeAnalysis.DiagnosticDescriptor;

namespace Bitrix24.Generated.Generator.Validation;

/// <summary>
/// Resolves the type references of one method, following them into the types they reach. A problem is
/// reported once per place, however many methods share the type, but makes every such method invalid.
/// </summary>
internal sealed class ReferenceChecker
{
    private readonly Dictionary<string, TypeModel> _types;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly HashSet<SourceLocation> _reported;

    public ReferenceChecker(Dictionary<string, TypeModel> types, List<DiagnosticInfo> diagnostics, HashSet<SourceLocation> reported)
    {
        _types = types;
        _diagnostics = diagnostics;
        _reported = reported;
    }

    public bool IsValid { get; private set; } = true;

    /// <summary>Every declared type the method reaches.</summary>
    public HashSet<string> Reached { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Reached types whose own properties are still to be checked.</summary>
    public Queue<string> Pending { get; } = new();

    public void Property(PropertyModel property, string what)
    {
        Reference(property.Type, what);
        if (property.Example is null || property.Type.Kind != WireKind.Named ||
            !_types.TryGetValue(property.Type.Name!, out var type) || type.Kind != TypeKind.Enum ||
            type.Values.Any(v => v.Value == property.Example))
        {
            return;
        }

        // A wrong example is a warning: it does not make the method invalid.
        if (_reported.Add(property.ExampleLocation ?? property.Location))
        {
            _diagnostics.Add(DiagnosticInfoExtensions.Create(
                DiagnosticDescriptors.ValueNotAllowed,
                property.ExampleLocation ?? property.Location,
                "example",
                property.Example,
                what,
                string.Join(", ", type.Values.Select(v => v.Value))));
        }
    }

    public void Reference(TypeRef reference, string what)
    {
        switch (reference.Kind)
        {
            case WireKind.Named:
                if (!_types.TryGetValue(reference.Name!, out var type))
                {
                    Fail(DiagnosticDescriptors.UnknownType, reference.Location, what, reference.Name!, BuiltInTypes.List);
                }
                else if (type.Kind == TypeKind.Key)
                {
                    Fail(DiagnosticDescriptors.WrongValueType, reference.Location, what, "an object or enum type; key types are only for a map's 'key'");
                }
                else
                {
                    Reach(type.Name);
                }

                break;
            case WireKind.Array:
            case WireKind.Set:
                Reference(reference.Items!, what);
                if (reference.Kind == WireKind.Set && reference.Items!.Kind == WireKind.Named &&
                    _types.TryGetValue(reference.Items.Name!, out var member) && member.Kind != TypeKind.Enum)
                {
                    Fail(DiagnosticDescriptors.WrongValueType, reference.Items.Location, what, "string or an enum type (set members are also its keys)");
                }

                break;
            case WireKind.Map:
                Reference(reference.Items!, what);
                if (reference.KeyType is { } key && key != TypeRef.IntegerKey)
                {
                    if (_types.TryGetValue(key, out var keyType) && keyType.Kind == TypeKind.Key)
                    {
                        Reach(key);
                    }
                    else
                    {
                        Fail(DiagnosticDescriptors.UnknownType, reference.Location, what + " (map key)", key, "a type of kind 'key'");
                    }
                }

                break;
        }
    }

    /// <summary>Marks the method invalid and reports the problem, unless this place was reported already.</summary>
    public void Fail(DiagnosticDescriptor descriptor, SourceLocation location, params string[] arguments)
    {
        IsValid = false;
        if (_reported.Add(location))
        {
            _diagnostics.Add(DiagnosticInfoExtensions.Create(descriptor, location, arguments));
        }
    }

    private void Reach(string name)
    {
        if (Reached.Add(name))
        {
            Pending.Enqueue(name);
        }
    }
}
