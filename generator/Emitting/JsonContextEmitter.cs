using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Specs.Linking;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>
/// Emits <c>Bitrix24JsonContext</c>: System.Text.Json metadata for every generated type, built on the generated
/// converters, so that serialization needs no reflection and works under Native AOT and trimming. It names types
/// only, so it changes only when the set of type names does.
/// </summary>
internal static class JsonContextEmitter
{
    public static GeneratedSource Emit(string rootNamespace, IEnumerable<TypeName> types, IEnumerable<MethodName> methods, IEnumerable<EventName>? events = null)
    {
        // An event class is read by the event converter over its data class (Data: the data class's name).
        var entries = types.Where(t => t.Kind != TypeKind.Key)
            .Select(t => (Name: t.Name, Scope: t.Scope, t.Kind, Data: (string?)null))
            .Concat(methods.Where(m => m.HasRequest).Select(m => (Name: Names.RequestTypeName(m.TypePrefix), m.Scope, Kind: TypeKind.Object, Data: (string?)null)))
            .Concat((events ?? Enumerable.Empty<EventName>()).Select(e => (Name: e.TypeName, e.Scope, Kind: TypeKind.Object, Data: (string?)e.DataTypeName)))
            .OrderBy(e => e.Name, System.StringComparer.Ordinal)
            .ToList();
        var properties = new SourceWriter().Indent();
        var resolver = new SourceWriter().Indent().Indent();
        foreach (var (name, scope, kind, data) in entries)
        {
            // By its scope's namespace, which the root namespace holds: a simple name could also be a namespace there, or
            // a type of a namespace the file imports.
            var type = Names.ScopeNamespace(scope) + "." + name;
            properties.Line();
            properties.Line("/// <summary>Metadata for <see cref=\"" + type + "\"/>.</summary>");
            properties.LineOrWrap("public JsonTypeInfo<" + type + "> " + name + " =>", "Info<" + type + ">();");

            // In an expression the context's own members come first, and it has one of each type's name: fully qualified.
            var create = data is not null
                ? "Event<" + type + ", " + Names.ScopeNamespace(scope) + "." + data + ">(options)"
                : kind == TypeKind.Object
                ? "Object<" + type + ">(options)"
                : "Value(options, global::" + rootNamespace + "." + type + "JsonConverter.Instance)";
            var test = "if (type == typeof(" + type + "))";
            if (resolver.IndentWidth + test.Length + create.Length + 9 <= SourceWriter.MaxLineLength)
            {
                resolver.Line(test + " return " + create + ";");
            }
            else
            {
                resolver.Open(test).Expression("return " + create, ";").Close();
            }
        }

        var writer = new SourceWriter();
        writer.Lines($$"""
            /// <summary>
            /// Serialization metadata for every generated type, built on the generated converters: no reflection, safe
            /// for trimming and Native AOT. Pass <see cref="Default"/> (or one of its properties) to
            /// <see cref="System.Text.Json.JsonSerializer"/> to read or write the wire form yourself.
            /// </summary>
            {{Attributes.GeneratedCode}}
            public sealed partial class Bitrix24JsonContext : Bitrix24SerializerContext
            {
                /// <summary>Creates a context with default options.</summary>
                public Bitrix24JsonContext()
                    : base(null)
                {
                }

                /// <summary>Creates a context bound to the given options.</summary>
                /// <param name="options">The options; they are bound to this context.</param>
                public Bitrix24JsonContext(JsonSerializerOptions options)
                    : base(options)
                {
                }

                /// <summary>The shared instance.</summary>
                public static Bitrix24JsonContext Default { get; } = new();
            {{properties.ToString().TrimEnd('\n')}}

                /// <inheritdoc/>
                protected override JsonTypeInfo? Create(global::System.Type type, JsonSerializerOptions options)
                {
            {{resolver.ToString().TrimEnd('\n')}}
                    return null;
                }
            }
            """);
        return new GeneratedSource(rootNamespace + ".Bitrix24JsonContext.g.cs", SpecEmitter.Compose(rootNamespace, new[] { (rootNamespace, writer.ToString()) }));
    }
}
