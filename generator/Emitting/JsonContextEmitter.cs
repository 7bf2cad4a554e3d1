using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Generator.Model;
using Bitrix24.Generated.Generator.Validation;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>
/// Emits <c>Bitrix24JsonContext</c>: a System.Text.Json source-generation context whose type infos wrap the
/// generated converters, so serialization needs no reflection and works under Native AOT and trimming.
/// </summary>
internal static class JsonContextEmitter
{
    private const string Metadata = EmitContext.Json + ".Serialization.Metadata";
    private const string Converters = EmitContext.Runtime + ".Serialization.Bitrix24Converters";

    // Collection: for a list or map result, the type its Write helper writes.
    private readonly record struct Entry(string Property, string ClrType, string Converter, string Description, TypeRef? Collection = null);

    public static string ResultPropertyName(TypeRef type) => type.Kind switch
    {
        WireKind.Boolean or WireKind.Flag => "Boolean",
        WireKind.Integer or WireKind.IntegerString => "Int32",
        WireKind.Number => "Double",
        WireKind.String => "String",
        WireKind.Date => "Date",
        WireKind.DateTime => "DateTime",
        WireKind.Array => "ListOf" + ResultPropertyName(type.Items!),
        WireKind.Map => "MapOf" + (type.KeyType switch { null => "String", TypeRef.IntegerKey => "Int32", var key => key }) + "To" + ResultPropertyName(type.Items!),
        _ => type.Name!,
    };

    private static string BuiltInOrName(TypeRef type) => type.Name ?? BuiltInTypes.Name(type.Kind);

    public static string RequestPropertyName(MethodModel method) => Naming.MethodTypePrefix(method) + "Request";

    public static GeneratedSource Emit(EmitContext context)
    {
        var entries = new List<Entry>
        {
            new("Boolean", "bool", Converters + ".Boolean", "a boolean result"),
            new("Date", EmitContext.Runtime + ".Bitrix24Date", Converters + ".Date", "a date result"),
            new("DateTime", EmitContext.Runtime + ".Bitrix24DateTime", Converters + ".DateTime", "a date and time result"),
            new("Double", "double", Converters + ".Double", "a number result"),
            new("Int32", "int", Converters + ".Int32", "an integer result"),
            new("String", "string", Converters + ".String", "a string result"),
        };
        foreach (var type in context.Model.Types.Where(t => t.Kind != TypeKind.Key))
        {
            entries.Add(new Entry(type.Name, context.FullName(type), "new " + context.ConverterName(type.Name) + "()", DocComments.Code(type.Name)));
        }

        foreach (var method in context.Model.Methods.Where(m => !m.Parameters.IsEmpty))
        {
            var request = context.RequestName(method);
            entries.Add(new Entry(RequestPropertyName(method), request, "new " + request + "JsonConverter()", "the parameters of " + DocComments.Code(method.Name)));
        }

        foreach (var collection in context.Model.Methods.Select(m => m.Result.Type).Where(t => t.Kind is WireKind.Array or WireKind.Map))
        {
            var name = ResultPropertyName(collection);
            if (entries.Any(e => e.Property == name))
            {
                continue;
            }

            var clrType = context.ClrType(collection);
            var empty = collection.Kind == WireKind.Array
                ? "new global::System.Collections.Generic.List<" + context.ClrType(collection.Items!) + ">()"
                : "new global::System.Collections.Generic.Dictionary<" + context.KeyClrType(collection) + ", " + context.ClrType(collection.Items!) + ">()";
            var converter = "new " + EmitContext.Runtime + ".Serialization.Bitrix24CollectionConverter<" + clrType + ">(static (ref " + EmitContext.Json + ".Utf8JsonReader reader, "
                + EmitContext.Json + ".JsonSerializerOptions options) => " + ValueCode.Read(context, collection) + ", static () => " + empty + ", Write" + name + ")";
            var description = collection.Kind == WireKind.Array
                ? "a list of " + DocComments.Code(BuiltInOrName(collection.Items!))
                : "a map of " + DocComments.Code(BuiltInOrName(collection.Items!));
            entries.Add(new Entry(name, clrType, converter, description, collection));
        }

        entries = entries.OrderBy(e => e.Property, System.StringComparer.Ordinal).ToList();

        var writer = new SourceWriter();
        writer.FileHeader();
        writer.Line();
        writer.Open("namespace " + context.RootNamespace);
        writer.Line("/// <summary>");
        writer.Line("/// Serialization metadata for every generated type, built on the generated converters: no reflection,");
        writer.Line("/// safe for trimming and Native AOT. Pass <see cref=\"Default\"/> (or one of its properties) to");
        writer.Line("/// <see cref=\"global::System.Text.Json.JsonSerializer\"/> to read or write the wire form yourself.");
        writer.Line("/// </summary>");
        writer.Open("public sealed partial class Bitrix24JsonContext : " + EmitContext.Json + ".Serialization.JsonSerializerContext, " + Metadata + ".IJsonTypeInfoResolver");
        foreach (var entry in entries)
        {
            writer.Line("private " + Metadata + ".JsonTypeInfo<" + entry.ClrType + ">? _" + entry.Property + ";");
        }

        writer.Line();
        writer.Line("/// <summary>Creates a context with default options.</summary>");
        writer.Line("public Bitrix24JsonContext()");
        writer.Line(SourceWriter.Indent(1) + ": base(null)");
        writer.Block();
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Creates a context bound to the given options.</summary>");
        writer.Line("/// <param name=\"options\">The options; they are bound to this context.</param>");
        writer.Line("public Bitrix24JsonContext(" + EmitContext.Json + ".JsonSerializerOptions options)");
        writer.Line(SourceWriter.Indent(1) + ": base(options)");
        writer.Block();
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The shared instance.</summary>");
        writer.Line("public static Bitrix24JsonContext Default { get; } = new();");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("protected override " + EmitContext.Json + ".JsonSerializerOptions? GeneratedSerializerOptions => null;");
        foreach (var entry in entries)
        {
            writer.Line();
            writer.Line("/// <summary>Metadata for " + entry.Description + ".</summary>");
            writer.Line("public " + Metadata + ".JsonTypeInfo<" + entry.ClrType + "> " + entry.Property + " =>");
            writer.Line(SourceWriter.Indent(1) + "_" + entry.Property + " ??= (" + Metadata + ".JsonTypeInfo<" + entry.ClrType + ">)Options.GetTypeInfo(typeof(" + entry.ClrType + "));");
        }

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open("public override " + Metadata + ".JsonTypeInfo? GetTypeInfo(global::System.Type type)");
        writer.Line("Options.TryGetTypeInfo(type, out var typeInfo);");
        writer.Line("return typeInfo;");
        writer.Close();
        writer.Line();
        writer.Open(Metadata + ".JsonTypeInfo? " + Metadata + ".IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, " + EmitContext.Json + ".JsonSerializerOptions options)");
        foreach (var entry in entries)
        {
            writer.Open("if (type == typeof(" + entry.ClrType + "))");
            writer.Line("return " + Metadata + ".JsonMetadataServices.CreateValueInfo<" + entry.ClrType + ">(options, " + entry.Converter + ");");
            writer.Close();
            writer.Line();
        }

        writer.Line("return null;");
        writer.Close();
        foreach (var entry in entries.Where(e => e.Collection is not null))
        {
            writer.Line();
            writer.Open("private static void Write" + entry.Property + "(" + EmitContext.Json + ".Utf8JsonWriter writer, " + entry.ClrType + " value, " + EmitContext.Json + ".JsonSerializerOptions options)");
            ValueCode.Write(writer, context, entry.Collection!, "value");
            writer.Close();
        }

        writer.Close();
        writer.Close();
        return new GeneratedSource(context.RootNamespace + ".Bitrix24JsonContext.g.cs", writer.ToString());
    }
}
