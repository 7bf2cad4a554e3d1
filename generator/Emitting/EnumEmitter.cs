using System.Linq;
using Bitrix24.Generated.Generator.Model;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>Emits a C# enum for a spec enum, with a converter that maps members to their wire strings.</summary>
internal static class EnumEmitter
{
    public static void Emit(SourceWriter writer, TypeModel type)
    {
        var name = type.Name;
        var json = EmitContext.Json;
        writer.Doc("summary", DocComments.Escape(type.Description ?? name));
        writer.Line("[" + json + ".Serialization.JsonConverter(typeof(" + name + "JsonConverter))]");
        writer.Open("public enum " + name);
        foreach (var value in type.Values)
        {
            writer.Doc("summary", DocComments.Escape(value.Description ?? value.Value));
            writer.Line("/// <remarks>Sent as " + DocComments.Code(value.Value) + ".</remarks>");
            writer.Line(value.CSharpName + ",");
        }

        writer.Close();
        writer.Line();

        var allowed = string.Join(", ", type.Values.Select(v => v.Value));
        writer.Line("/// <summary>Reads and writes <see cref=\"" + name + "\"/> as its wire string.</summary>");
        writer.Open("internal sealed class " + name + "JsonConverter : " + json + ".Serialization.JsonConverter<" + name + ">");
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override " + name + " Read(ref " + json + ".Utf8JsonReader reader, global::System.Type typeToConvert, " + json + ".JsonSerializerOptions options) =>");
        writer.Line(SourceWriter.Indent(1) + "ReadValue(ref reader, options) ?? throw new " + json + ".JsonException(" + DocComments.Literal("Expected a " + name + " value but found an empty one.") + ");");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override void Write(" + json + ".Utf8JsonWriter writer, " + name + " value, " + json + ".JsonSerializerOptions options) => WriteValue(writer, value, options);");
        writer.Line();
        writer.Open("internal static " + name + "? ReadValue(ref " + json + ".Utf8JsonReader reader, " + json + ".JsonSerializerOptions options)");
        writer.Line("var text = " + EmitContext.Runtime + ".Serialization.Bitrix24Wire.ReadString(ref reader);");
        writer.Line("return FromWire(text) ?? (string.IsNullOrEmpty(text) ? null : throw new " + json + ".JsonException(\"'\" + text + " + DocComments.Literal("' is not a " + name + " value; expected one of: " + allowed + ".") + "));");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Reads a member, or null for a value this version does not know; the object holding it keeps the text as sent.</summary>");
        writer.Line("internal static " + name + "? ReadKnownValue(ref " + json + ".Utf8JsonReader reader) => FromWire(" + EmitContext.Runtime + ".Serialization.Bitrix24Wire.ReadString(ref reader));");
        writer.Line();
        writer.Open("private static " + name + "? FromWire(string? text)");
        writer.Open("switch (text)");
        foreach (var value in type.Values)
        {
            writer.Line("case " + DocComments.Literal(value.Value) + ":");
            writer.Line(SourceWriter.Indent(1) + "return " + name + "." + value.CSharpName + ";");
        }

        writer.Line("default:");
        writer.Line(SourceWriter.Indent(1) + "return null;");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The wire string of a member.</summary>");
        writer.Open("internal static string ToWire(" + name + " value)");
        writer.Open("switch (value)");
        foreach (var value in type.Values)
        {
            writer.Line("case " + name + "." + value.CSharpName + ":");
            writer.Line(SourceWriter.Indent(1) + "return " + DocComments.Literal(value.Value) + ";");
        }

        writer.Line("default:");
        writer.Line(SourceWriter.Indent(1) + "throw new global::System.ArgumentOutOfRangeException(nameof(value), value, " + DocComments.Literal("Not a " + name + " member.") + ");");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("internal static void WriteValue(" + json + ".Utf8JsonWriter writer, " + name + " value, " + json + ".JsonSerializerOptions options) => writer.WriteStringValue(ToWire(value));");
        writer.Close();
    }
}
