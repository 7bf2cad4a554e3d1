using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Generator.Model;
using Bitrix24.Generated.Generator.Validation;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>Turns the generation model into C# source files: types, requests and errors, the client, the JSON context.</summary>
internal static class SourceEmitter
{
    public static IReadOnlyList<GeneratedSource> Emit(GenerationModel model)
    {
        var context = new EmitContext(model);
        var sources = new List<GeneratedSource>();
        foreach (var type in model.Types)
        {
            var ns = context.ScopeNamespace(type.Scope);
            sources.Add(new GeneratedSource(ns + "." + type.Name + ".g.cs", InNamespace(ns, writer =>
            {
                switch (type.Kind)
                {
                    case TypeKind.Object:
                        ObjectEmitter.Emit(writer, context, type.Name, type.Description, type.Properties);
                        break;
                    case TypeKind.Enum:
                        EnumEmitter.Emit(writer, type);
                        break;
                    case TypeKind.Key:
                        KeyTypeEmitter.Emit(writer, type);
                        break;
                    case TypeKind.Union:
                        UnionEmitter.Emit(writer, context, type);
                        break;
                }
            })));
        }

        foreach (var method in model.Methods.Where(m => !m.Parameters.IsEmpty || !m.Errors.IsEmpty))
        {
            var ns = context.ScopeNamespace(method.Scope);
            var prefix = Naming.MethodTypePrefix(method);
            sources.Add(new GeneratedSource(ns + "." + prefix + ".g.cs", InNamespace(ns, writer =>
            {
                if (!method.Parameters.IsEmpty)
                {
                    ObjectEmitter.Emit(
                        writer,
                        context,
                        prefix + "Request",
                        "The parameters of " + method.Name + ".",
                        method.Parameters,
                        "Sent as the JSON body of " + DocComments.Code(method.Name) + ". " + DocComments.Escape(method.Summary));
                }

                if (!method.Errors.IsEmpty)
                {
                    if (!method.Parameters.IsEmpty)
                    {
                        writer.Line();
                    }

                    ErrorEmitter.EmitEnum(writer, method);
                }
            })));
        }

        sources.AddRange(ClientEmitter.Emit(context));
        sources.Add(JsonContextEmitter.Emit(context));
        return sources.OrderBy(s => s.HintName, System.StringComparer.Ordinal).ToList();
    }

    private static string InNamespace(string ns, System.Action<SourceWriter> body)
    {
        var writer = new SourceWriter();
        writer.FileHeader();
        writer.Line();
        writer.Open("namespace " + ns);
        body(writer);
        writer.Close();
        return writer.ToString();
    }
}
