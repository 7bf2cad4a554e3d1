using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Specs.Linking;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>
/// Emits a union: a class with one nullable property per variant (exactly one is set), a factory per variant, and a
/// converter that picks the variant by the JSON shape of the value.
/// </summary>
internal static class UnionEmitter
{
    public static void Emit(SourceWriter writer, TypeCode code, TypeModel type)
    {
        var name = type.Name;
        var variants = type.Variants.ToList();
        writer.Doc("summary", DocComments.Text(type.Description ?? name, name));
        writer.Doc("remarks", "Exactly one of " + string.Join(", ", variants.Select(v => "<see cref=\"" + v.Name + "\"/>")) + " is set.");
        writer.Line(Attributes.GeneratedCode);
        writer.Line("[JsonConverter(typeof(" + name + "JsonConverter))]");
        writer.Open("public sealed partial class " + name);
        var locals = LocalNames(variants);
        var parameters = variants.Select((v, i) => code.Clr(v.Type) + "? " + locals[i]).ToList();
        writer.List("private " + name + "(", parameters, ")");
        writer.Line("{");
        writer.Indent();
        for (var i = 0; i < variants.Count; i++)
        {
            writer.Line(variants[i].Name + " = " + locals[i] + ";");
        }

        writer.Outdent();
        writer.Line("}");
        foreach (var variant in variants)
        {
            writer.Line();
            writer.Doc("summary", DocComments.Escape(variant.Description ?? variant.Name) + " Null when the value is another variant.");
            writer.Line("public " + code.Clr(variant.Type) + "? " + variant.Name + " { get; }");
        }

        foreach (var variant in variants)
        {
            writer.Line();
            writer.Doc("summary", "Creates the " + DocComments.Code(variant.Name) + " variant.");
            writer.Line("/// <param name=\"value\">The value.</param>");
            var arguments = variants.Select(v => v == variant
                ? (code.IsValueType(v.Type) ? "value" : "value ?? throw new ArgumentNullException(nameof(value))")
                : "null").ToList();
            writer.List("public static " + name + " From" + variant.Name + "(" + code.Clr(variant.Type) + " value) => new(", arguments, ");");
        }

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override string ToString() => " + string.Join(" ?? ", variants.Select(v => v.Name + "?.ToString()")) + " ?? string.Empty;");
        writer.Close();
        writer.Line();
        EmitConverter(writer, code, type, variants);
    }

    // The constructor's parameters and the converter's locals: apart from the properties they set and the parameters of Read.
    private static List<string> LocalNames(List<UnionVariantModel> variants) =>
        Locals.Unique(variants.Select(v => v.Name), variants.Select(v => v.Name).Concat(new[] { "reader", "typeToConvert", "options" }));

    private static void EmitConverter(SourceWriter writer, TypeCode code, TypeModel type, List<UnionVariantModel> variants)
    {
        var name = type.Name;
        var shapes = variants.Select(v => JsonShapes.Of(v.Type)!.Value).ToList();
        var accepted = JsonShapes.Accepted(shapes);
        var locals = LocalNames(variants);
        var expected = DocComments.Literal(string.Join(" or ", shapes.Select(JsonShapes.Describe)) + " (" + name + ")");
        writer.Doc("summary", "Reads and writes <see cref=\"" + name + "\"/>, choosing the variant by the JSON shape of the value.");
        writer.Line(Attributes.GeneratedCode);
        writer.Open("internal sealed class " + name + "JsonConverter : JsonConverter<" + name + ">");
        writer.Line("internal static readonly " + name + "JsonConverter Instance = new();");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.List("public override " + name + "? Read(", new[] { "ref Utf8JsonReader reader", "Type typeToConvert", "JsonSerializerOptions options" }, ")");
        writer.Begin();
        writer.Open("switch (reader.TokenType)");
        writer.Line("case JsonTokenType.Null:");
        writer.Indent().Line("return null;").Outdent();
        for (var i = 0; i < variants.Count; i++)
        {
            foreach (var token in accepted[i].SelectMany(Tokens))
            {
                writer.Line("case JsonTokenType." + token + ":");
            }

            var variant = variants[i];
            var read = "Bitrix24Converters.Read(" + code.Converter(variant.Type) + ", ref reader)";
            writer.Indent();
            if (code.IsValueType(variant.Type))
            {
                writer.Expression("return " + name + ".From" + variant.Name + "(" + read + ")", ";");
            }
            else
            {
                writer.Expression("var " + locals[i] + " = " + read, ";");
                writer.Line("return " + locals[i] + " is null ? null : " + name + ".From" + variant.Name + "(" + locals[i] + ");");
            }

            writer.Outdent();
        }

        writer.Line("default:");
        writer.Indent().Line("throw Bitrix24Wire.Unexpected(ref reader, " + expected + ");").Outdent();
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open("public override void Write(Utf8JsonWriter writer, " + name + " value, JsonSerializerOptions options)");
        for (var i = 0; i < variants.Count; i++)
        {
            var local = "v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            writer.Line((i == 0 ? "if" : "else if") + " (value." + variants[i].Name + " is { } " + local + ")");
            writer.Line("{");
            writer.Indent().Line(code.Converter(variants[i].Type) + ".Write(writer, " + local + ", options);").Outdent();
            writer.Line("}");
        }

        writer.Line("else");
        writer.Line("{");
        writer.Indent().Line("writer.WriteNullValue();").Outdent();
        writer.Line("}");
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
