using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Generator.Model;
using Bitrix24.Generated.Generator.Validation;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>
/// Emits a union: a class with one nullable property per variant (exactly one is set), a factory per variant,
/// and a converter that picks the variant by the JSON shape of the value.
/// </summary>
internal static class UnionEmitter
{
    public static void Emit(SourceWriter writer, EmitContext context, TypeModel type)
    {
        var name = type.Name;
        var json = EmitContext.Json;
        var variants = type.Variants.ToList();
        writer.Doc("summary", DocComments.Escape(type.Description ?? name));
        writer.Doc("remarks", "Exactly one of " + string.Join(", ", variants.Select(v => "<see cref=\"" + v.Name + "\"/>")) + " is set.");
        writer.Line("[" + json + ".Serialization.JsonConverter(typeof(" + name + "JsonConverter))]");
        writer.Open("public sealed partial class " + name);
        writer.Line("private " + name + "(" + string.Join(", ", variants.Select(v => context.ClrType(v.Type) + "? " + Local(v))) + ")");
        writer.Block();
        foreach (var variant in variants)
        {
            writer.Line(variant.Name + " = " + Local(variant) + ";");
        }

        writer.Close();
        foreach (var variant in variants)
        {
            writer.Line();
            writer.Doc("summary", DocComments.Escape(variant.Description ?? variant.Name));
            writer.Doc("remarks", "Null when the value is another variant.");
            writer.Line("public " + context.ClrType(variant.Type) + "? " + variant.Name + " { get; }");
        }

        foreach (var variant in variants)
        {
            writer.Line();
            writer.Doc("summary", "Creates the " + DocComments.Code(variant.Name) + " variant.");
            writer.Line("/// <param name=\"value\">The value.</param>");
            writer.Line("/// <returns>The union holding <paramref name=\"value\"/>.</returns>");
            var arguments = variants.Select(v => v == variant ? Guarded(context, v.Type) : "null");
            writer.Line("public static " + name + " From" + variant.Name + "(" + context.ClrType(variant.Type) + " value) => new(" + string.Join(", ", arguments) + ");");
        }

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override string ToString() =>");
        writer.Line(SourceWriter.Indent(1) + string.Join(" ?? ", variants.Select(v => v.Name + "?.ToString()")) + " ?? string.Empty;");
        writer.Close();
        writer.Line();
        EmitConverter(writer, context, type, variants);
    }

    private static string Local(UnionVariantModel variant) => char.ToLowerInvariant(variant.Name[0]) + variant.Name.Substring(1);

    private static string Guarded(EmitContext context, TypeRef type) =>
        context.IsValueType(type) ? "value" : "value ?? throw new global::System.ArgumentNullException(nameof(value))";

    private static void EmitConverter(SourceWriter writer, EmitContext context, TypeModel type, List<UnionVariantModel> variants)
    {
        var name = type.Name;
        var json = EmitContext.Json;
        var shapes = variants.Select(v => JsonShapes.Of(v.Type, n => context.Type(n).Kind)!.Value).ToList();
        var accepted = JsonShapes.Accepted(shapes);

        writer.Line("/// <summary>Reads and writes <see cref=\"" + name + "\"/>, choosing the variant by the JSON shape of the value.</summary>");
        writer.Open("internal sealed class " + name + "JsonConverter : " + json + ".Serialization.JsonConverter<" + name + ">");
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override " + name + "? Read(ref " + json + ".Utf8JsonReader reader, global::System.Type typeToConvert, " + json + ".JsonSerializerOptions options) => ReadValue(ref reader, options);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override void Write(" + json + ".Utf8JsonWriter writer, " + name + " value, " + json + ".JsonSerializerOptions options) => WriteValue(writer, value, options);");
        writer.Line();
        writer.Open("internal static " + name + "? ReadValue(ref " + json + ".Utf8JsonReader reader, " + json + ".JsonSerializerOptions options)");
        writer.Open("switch (reader.TokenType)");
        writer.Line("case " + json + ".JsonTokenType.Null:");
        writer.Line(SourceWriter.Indent(1) + "return null;");
        for (var i = 0; i < variants.Count; i++)
        {
            foreach (var token in accepted[i].SelectMany(Tokens))
            {
                writer.Line("case " + json + ".JsonTokenType." + token + ":");
            }

            var read = ValueCode.Read(context, variants[i].Type);
            writer.Line(SourceWriter.Indent(1) + "return " + read + " is { } " + Local(variants[i]) + " ? " + name + ".From" + variants[i].Name + "(" + Local(variants[i]) + ") : null;");
        }

        var expected = string.Join(" or ", shapes.Select(JsonShapes.Describe));
        writer.Line("default:");
        writer.Line(SourceWriter.Indent(1) + "throw " + EmitContext.Runtime + ".Serialization.Bitrix24Wire.Unexpected(ref reader, " + DocComments.Literal(expected + " (" + name + ")") + ");");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Open("internal static void WriteValue(" + json + ".Utf8JsonWriter writer, " + name + " value, " + json + ".JsonSerializerOptions options)");
        for (var i = 0; i < variants.Count; i++)
        {
            var local = "v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            writer.Open("if (value." + variants[i].Name + " is { } " + local + ")");
            ValueCode.Write(writer, context, variants[i].Type, local);
            writer.Line("return;");
            writer.Close();
            writer.Line();
        }

        writer.Line("writer.WriteNullValue();");
        writer.Close();
        writer.Close();
    }

    private static IEnumerable<string> Tokens(JsonShape shape) => shape switch
    {
        JsonShape.String => new[] { "String" },
        JsonShape.Number => new[] { "Number" },
        JsonShape.Boolean => new[] { "True", "False" },
        JsonShape.Object => new[] { "StartObject" },
        _ => new[] { "StartArray" },
    };
}
