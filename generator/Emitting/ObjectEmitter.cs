using System.Collections.Generic;
using System.Globalization;
using Bitrix24.Generated.Generator.Model;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>
/// Emits a DTO class for an object type (or a method's request) and its JsonConverter: lenient reading,
/// exact wire form on writing, unknown fields kept in <c>AdditionalProperties</c>.
/// </summary>
internal static class ObjectEmitter
{
    public static void Emit(SourceWriter writer, EmitContext context, string name, string? description, EquatableArray<PropertyModel> properties, string? remarks = null)
    {
        writer.Doc("summary", DocComments.Escape(description ?? name));
        writer.Doc("remarks", remarks);
        writer.Line("[" + EmitContext.Json + ".Serialization.JsonConverter(typeof(" + name + "JsonConverter))]");
        writer.Open("public sealed partial class " + name);
        foreach (var property in properties)
        {
            EmitProperty(writer, context, property);
            writer.Line();
        }

        writer.Line("/// <summary>Fields not described by the spec: kept when read, written back when serialized, never lost.</summary>");
        writer.Line("public global::System.Collections.Generic.IDictionary<string, " + EmitContext.Json + ".JsonElement>? AdditionalProperties { get; set; }");
        writer.Close();
        writer.Line();
        EmitConverter(writer, context, name, properties);
    }

    private static void EmitProperty(SourceWriter writer, EmitContext context, PropertyModel property)
    {
        writer.Doc("summary", DocComments.Escape(property.Description ?? property.WireName));
        var remarks = new List<string> { "Sent as " + DocComments.Code(property.WireName) + WireNote(property.Type) + "." };
        foreach (var value in property.Values)
        {
            var shown = property.Type.Kind == WireKind.Flag
                ? (value.Value == "Y" ? "<see langword=\"true\"/> (" + DocComments.Code("Y") + ")" : "<see langword=\"false\"/> (" + DocComments.Code("N") + ")")
                : DocComments.Code(value.Value);
            remarks.Add(shown + ": " + DocComments.Escape(value.Description ?? string.Empty));
        }

        if (property.Required)
        {
            remarks.Add("Required.");
        }

        if (property.Default is not null)
        {
            remarks.Add("Default: " + DocComments.Code(property.Default) + ".");
        }

        if (property.Example is not null)
        {
            remarks.Add("Example: " + DocComments.Code(property.Example) + ".");
        }

        writer.Doc("remarks", DocComments.Paragraphs(remarks));
        writer.Line("public " + context.ClrType(property.Type) + "? " + property.CSharpName + " { get; set; }");
    }

    private static string WireNote(TypeRef type) => type.Kind switch
    {
        WireKind.Flag => ", a <c>\"Y\"</c>/<c>\"N\"</c> flag",
        WireKind.IntegerString => ", an integer written as a string",
        WireKind.Date => ", a date: ISO 8601 (<c>2024-12-20</c>) going out, the portal's regional format (<c>12/20/2024</c>, <c>20.12.2024</c>) coming back",
        WireKind.DateTime => ", a date and time: ISO 8601 (<c>2024-12-20T10:00:00+02:00</c>) going out, the portal's regional format (<c>12/20/2024 10:00:00 am</c>) coming back",
        WireKind.UnixTime => ", seconds since 1970 (UTC)",
        WireKind.UnixTimeString => ", seconds since 1970 (UTC) written as a string",
        WireKind.Set => ", an object whose keys are its members (<c>{\"MO\":\"MO\"}</c>)",
        _ => string.Empty,
    };

    private static void EmitConverter(SourceWriter writer, EmitContext context, string name, EquatableArray<PropertyModel> properties)
    {
        var json = EmitContext.Json;
        writer.Line("/// <summary>Reads and writes <see cref=\"" + name + "\"/> in its Bitrix24 wire form.</summary>");
        writer.Open("internal sealed class " + name + "JsonConverter : " + json + ".Serialization.JsonConverter<" + name + ">");

        writer.Line("/// <inheritdoc/>");
        writer.Line("public override " + name + "? Read(ref " + json + ".Utf8JsonReader reader, global::System.Type typeToConvert, " + json + ".JsonSerializerOptions options) => ReadValue(ref reader, options);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open("public override void Write(" + json + ".Utf8JsonWriter writer, " + name + " value, " + json + ".JsonSerializerOptions options)");
        writer.Line("WriteValue(writer, value, options);");
        writer.Close();
        writer.Line();

        writer.Open("internal static " + name + "? ReadValue(ref " + json + ".Utf8JsonReader reader, " + json + ".JsonSerializerOptions options)");
        writer.Line("// Portals send null, false or \"\" where there is no object, e.g. RRULE of a single event.");
        writer.Open("if (reader.TokenType is " + json + ".JsonTokenType.Null or " + json + ".JsonTokenType.False || (reader.TokenType == " + json + ".JsonTokenType.String && reader.ValueTextEquals(global::System.ReadOnlySpan<byte>.Empty)))");
        writer.Line("return null;");
        writer.Close();
        writer.Line();
        writer.Open("if (reader.TokenType == " + json + ".JsonTokenType.StartArray)");
        writer.Line("// An empty PHP array stands for an empty object.");
        writer.Line("reader.Skip();");
        writer.Line("return new " + name + "();");
        writer.Close();
        writer.Line();
        writer.Open("if (reader.TokenType != " + json + ".JsonTokenType.StartObject)");
        writer.Line("throw " + EmitContext.Runtime + ".Serialization.Bitrix24Wire.Unexpected(ref reader, " + DocComments.Literal("an object (" + name + ")") + ");");
        writer.Close();
        writer.Line();
        writer.Line("var value = new " + name + "();");
        writer.Open("while (reader.Read() && reader.TokenType == " + json + ".JsonTokenType.PropertyName)");
        writer.Line("var name = reader.GetString()!;");
        writer.Line("reader.Read();");
        writer.Line("var raw = reader;");
        writer.Open("try");
        writer.Open("switch (name)");
        foreach (var property in properties)
        {
            writer.Line("case " + DocComments.Literal(property.WireName) + ":");
            // A field whose enum value is new to this version reads as null and is kept as sent, rather than failing the object.
            var read = property.Type.Kind == WireKind.Named && context.Type(property.Type.Name!).Kind == TypeKind.Enum
                ? context.ConverterName(property.Type.Name!) + ".ReadKnownValue(ref reader)"
                : ValueCode.Read(context, property.Type);
            writer.Line(SourceWriter.Indent(1) + "value." + property.CSharpName + " = " + read + ";");
            writer.Line(SourceWriter.Indent(1) + "if (value." + property.CSharpName + " is null)");
            writer.Line(SourceWriter.Indent(1) + "{");
            writer.Line(SourceWriter.Indent(2) + "KeepRaw(value, name, ref raw);");
            writer.Line(SourceWriter.Indent(1) + "}");
            writer.Line();
            writer.Line(SourceWriter.Indent(1) + "break;");
        }

        writer.Line("default:");
        writer.Line(SourceWriter.Indent(1) + "(value.AdditionalProperties ??= new global::System.Collections.Generic.Dictionary<string, " + json + ".JsonElement>())[name] = " + json + ".JsonElement.ParseValue(ref reader);");
        writer.Line(SourceWriter.Indent(1) + "break;");
        writer.Close();
        writer.Close();
        writer.Open("catch (" + json + ".JsonException exception) when (exception.Path is null)");
        writer.Line("// Name the field, so a bad value is found without a debugger.");
        writer.Line("throw new " + json + ".JsonException(" + DocComments.Literal(name + ".") + " + name + \": \" + exception.Message, exception);");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Open("if (reader.TokenType != " + json + ".JsonTokenType.EndObject)");
        writer.Line("throw new " + json + ".JsonException(" + DocComments.Literal("The JSON ends inside " + name + ".") + ");");
        writer.Close();
        writer.Line();
        writer.Line("return value;");
        writer.Close();
        writer.Line();

        writer.Open("internal static void WriteValue(" + json + ".Utf8JsonWriter writer, " + name + " value, " + json + ".JsonSerializerOptions options)");
        writer.Line("writer.WriteStartObject();");
        var index = 0;
        foreach (var property in properties)
        {
            var local = "v" + index.ToString(CultureInfo.InvariantCulture);
            index++;
            writer.Open("if (value." + property.CSharpName + " is { } " + local + ")");
            writer.Line("writer.WritePropertyName(" + DocComments.Literal(property.WireName) + ");");
            ValueCode.Write(writer, context, property.Type, local);
            writer.Close();
            writer.Line();
        }

        writer.Open("if (value.AdditionalProperties is { } additional)");
        writer.Open("foreach (var field in additional)");
        writer.Open("if (IsWritten(value, field.Key))");
        writer.Line("continue;");
        writer.Close();
        writer.Line();
        writer.Line("writer.WritePropertyName(field.Key);");
        writer.Line("field.Value.WriteTo(writer);");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("writer.WriteEndObject();");
        writer.Close();
        writer.Line();
        writer.Line("// A field that reads as empty (null, or \"\" where a value is documented) is kept as sent, so writing it back loses nothing.");
        writer.Line("private static void KeepRaw(" + name + " value, string name, ref " + json + ".Utf8JsonReader raw) =>");
        writer.Line(SourceWriter.Indent(1) + "(value.AdditionalProperties ??= new global::System.Collections.Generic.Dictionary<string, " + json + ".JsonElement>())[name] = " + json + ".JsonElement.ParseValue(ref raw);");
        writer.Line();
        writer.Line("// A kept field gives way once its property has a value.");
        if (properties.IsEmpty)
        {
            writer.Line("private static bool IsWritten(" + name + " value, string name) => false;");
        }
        else
        {
            writer.Line("private static bool IsWritten(" + name + " value, string name) => name switch");
            writer.Line("{");
            foreach (var property in properties)
            {
                writer.Line(SourceWriter.Indent(1) + DocComments.Literal(property.WireName) + " => value." + property.CSharpName + " is not null,");
            }

            writer.Line(SourceWriter.Indent(1) + "_ => false,");
            writer.Line("};");
        }

        writer.Close();
    }
}
