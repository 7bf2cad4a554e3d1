using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Specs.Linking;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>A generated file: its hint name and text.</summary>
internal sealed record GeneratedSource(string HintName, string Text);

/// <summary>
/// Emits one spec's file: the types it owns (with the fields of those REST 3.0 filters and selects reach), its request class and error enum (in the scope's namespace), and its
/// method's part of the group class (in the namespace of the method's first segment).
/// </summary>
internal static class SpecEmitter
{
    public static GeneratedSource? Emit(LinkedSpec spec, string rootNamespace)
    {
        if (spec.IsEmpty)
        {
            return null;
        }

        var scopeNamespace = rootNamespace + "." + Names.ScopeNamespace(spec.Scope);
        var sections = new List<(string Namespace, string Body)>();
        var types = new SourceWriter();
        var code = new TypeCode(rootNamespace, scopeNamespace);
        var first = true;
        void Separate()
        {
            if (!first)
            {
                types.Line();
            }

            first = false;
        }

        var fields = spec.Fields.ToDictionary(f => f.TypeName, f => f.Fields, StringComparer.Ordinal);
        foreach (var type in spec.Types)
        {
            Separate();
            switch (type.Kind)
            {
                case TypeKind.Object:
                    ObjectEmitter.Emit(types, code, type.Name, DocComments.Text(type.Description ?? type.Name, type.Name), null, type.Properties, type.UserFields);
                    break;
                case TypeKind.Enum:
                    EnumEmitter.Emit(types, type);
                    break;
                case TypeKind.Key:
                    KeyTypeEmitter.Emit(types, type);
                    break;
                case TypeKind.Union:
                    UnionEmitter.Emit(types, code, type);
                    break;
            }

            if (fields.TryGetValue(type.Name, out var queried))
            {
                types.Line();
                QueryFieldsEmitter.Emit(types, code, type, queried);
            }
        }

        if (spec.Method is { } method)
        {
            if (!method.Parameters.IsEmpty)
            {
                Separate();
                ObjectEmitter.Emit(
                    types,
                    code,
                    Names.RequestTypeName(spec.TypePrefix),
                    "The parameters of " + DocComments.Code(method.Name) + ".",
                    "Sent as the JSON body of the call. " + DocComments.Escape(method.Summary),
                    method.Parameters);
            }

            if (!method.Errors.IsEmpty)
            {
                Separate();
                ErrorEmitter.EmitEnum(types, method, Names.ErrorTypeName(spec.TypePrefix));
            }
        }

        if (spec.Event is { } received)
        {
            Separate();
            EventEmitter.Emit(types, received);
        }

        if (!first)
        {
            sections.Add((scopeNamespace, types.ToString()));
        }

        if (spec.Method is { } called)
        {
            var groupNamespace = ClientGroups.NamespaceOf(rootNamespace, spec.ClientPath);
            var group = new SourceWriter();
            MethodEmitter.Emit(group, new TypeCode(rootNamespace, groupNamespace), called, spec.TypePrefix, spec.ClientPath);
            sections.Add((groupNamespace, group.ToString()));
        }

        // Types alone (a method with errors, or a shipped method a project's spec replaces) get a name of their own,
        // apart from the file of the method's spec that does generate.
        var hintName = scopeNamespace + "." + (spec.OutputName ?? spec.TypePrefix) + (spec.Method is null && spec.Event is null ? ".Types" : string.Empty) + ".g.cs";
        return new GeneratedSource(hintName, Compose(rootNamespace, sections));
    }

    /// <summary>
    /// Puts sections of code into a file: one namespace as a file-scoped one, several as blocks. Each namespace
    /// imports what its code names, inside the namespace, so that a consumer's global usings cannot interfere.
    /// </summary>
    public static string Compose(string rootNamespace, IReadOnlyList<(string Namespace, string Body)> sections)
    {
        var file = new SourceWriter();
        file.FileHeader();
        var merged = sections.GroupBy(s => s.Namespace, StringComparer.Ordinal)
            .Select(g => (Namespace: g.Key, Body: string.Join("\n", g.Select(s => s.Body))))
            .ToList();
        foreach (var (ns, body) in merged)
        {
            file.Line();
            var single = merged.Count == 1;
            if (single)
            {
                file.Line("namespace " + ns + ";");
                file.Line();
            }
            else
            {
                file.Open("namespace " + ns);
            }

            foreach (var import in Usings.For(rootNamespace, body))
            {
                file.Line("using " + import + ";");
            }

            file.Line();
            foreach (var line in body.TrimEnd('\n').Split('\n'))
            {
                file.Line(line);
            }

            if (!single)
            {
                file.Close();
            }
        }

        return file.ToString();
    }
}
