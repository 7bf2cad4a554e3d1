using Bitrix24.Generated.Generator.Model;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>
/// The C# that reads or writes one value of a spec type; converters are built from these snippets.
/// Readers use <c>reader</c> and <c>options</c>; writers use <c>writer</c> and <c>options</c>.
/// </summary>
internal static class ValueCode
{
    private const string Wire = EmitContext.Runtime + ".Serialization.Bitrix24Wire";
    private const string Collections = EmitContext.Runtime + ".Serialization.Bitrix24Collections";

    /// <summary>An expression of the nullable .NET type that reads the value at the current token.</summary>
    public static string Read(EmitContext context, TypeRef type, string reader = "reader", string options = "options") => type.Kind switch
    {
        WireKind.String => Wire + ".ReadString(ref " + reader + ")",
        WireKind.Boolean => Wire + ".ReadBoolean(ref " + reader + ")",
        WireKind.Flag => Wire + ".ReadFlag(ref " + reader + ")",
        WireKind.Integer or WireKind.IntegerString => Wire + ".ReadInt32(ref " + reader + ")",
        WireKind.Number => Wire + ".ReadDouble(ref " + reader + ")",
        WireKind.Date => Wire + ".ReadDate(ref " + reader + ")",
        WireKind.DateTime => Wire + ".ReadDateTime(ref " + reader + ")",
        WireKind.UnixTime or WireKind.UnixTimeString => Wire + ".ReadUnixTime(ref " + reader + ")",
        WireKind.Named => context.ConverterName(type.Name!) + ".ReadValue(ref " + reader + ", " + options + ")",
        // A set reads like a list: ReadList takes an object's values as the items.
        WireKind.Array or WireKind.Set => Collections + ".ReadList<" + context.ClrType(type.Items!) + ">(ref " + reader + ", " + options + ", " + ItemReader(context, type.Items!, reader) + ")",
        WireKind.Map => Collections + ".ReadMap<" + context.KeyClrType(type) + ", " + context.ClrType(type.Items!) + ">(ref " + reader + ", " + options + ", "
            + KeyParser(context, type) + ", "
            + ItemReader(context, type.Items!, reader) + ")",
        _ => "default",
    };

    private static string KeyParser(EmitContext context, TypeRef map) => map.KeyType switch
    {
        null => "static key => key",
        TypeRef.IntegerKey => "static key => int.Parse(key, global::System.Globalization.NumberStyles.AllowLeadingSign, global::System.Globalization.CultureInfo.InvariantCulture)",
        var key => "static key => " + context.FullName(key) + ".Parse(key)",
    };

    private static string KeyText(TypeRef map, string key) => map.KeyType switch
    {
        null => key,
        TypeRef.IntegerKey => key + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
        _ => key + ".ToString()",
    };

    /// <summary>A static lambda that reads one non-null element of a list or map.</summary>
    public static string ItemReader(EmitContext context, TypeRef item, string outer = "reader")
    {
        // Nested collections nest lambdas: each level gets its own parameter names.
        var itemReader = outer == "reader" ? "itemReader" : outer + "Inner";
        var itemOptions = itemReader.Replace("Reader", "Options");
        var read = Read(context, item, itemReader, itemOptions);
        var require = context.IsValueType(item) ? "RequireValue" : "RequireObject";
        return "static (ref " + EmitContext.Json + ".Utf8JsonReader " + itemReader + ", " + EmitContext.Json + ".JsonSerializerOptions " + itemOptions + ") => "
            + Collections + "." + require + "(" + read + ", " + DocComments.Literal(context.Describe(item)) + ")";
    }

    /// <summary>Statements that write a non-null value held in <paramref name="value"/>.</summary>
    public static void Write(SourceWriter writer, EmitContext context, TypeRef type, string value, int depth = 0)
    {
        switch (type.Kind)
        {
            case WireKind.String:
                writer.Line("writer.WriteStringValue(" + value + ");");
                break;
            case WireKind.Boolean:
                writer.Line("writer.WriteBooleanValue(" + value + ");");
                break;
            case WireKind.Flag:
                writer.Line(Wire + ".WriteFlag(writer, " + value + ");");
                break;
            case WireKind.Integer:
            case WireKind.Number:
                writer.Line("writer.WriteNumberValue(" + value + ");");
                break;
            case WireKind.IntegerString:
                writer.Line(Wire + ".WriteIntegerString(writer, " + value + ");");
                break;
            case WireKind.Date:
            case WireKind.DateTime:
                writer.Line("writer.WriteStringValue(" + value + ".Text);");
                break;
            case WireKind.UnixTime:
                writer.Line(Wire + ".WriteUnixTime(writer, " + value + ");");
                break;
            case WireKind.UnixTimeString:
                writer.Line(Wire + ".WriteUnixTimeString(writer, " + value + ");");
                break;
            case WireKind.Named:
                writer.Line(context.ConverterName(type.Name!) + ".WriteValue(writer, " + value + ", options);");
                break;
            case WireKind.Array:
                var item = "item" + depth;
                writer.Line("writer.WriteStartArray();");
                writer.Open("foreach (var " + item + " in " + value + ")");
                Write(writer, context, type.Items!, item, depth + 1);
                writer.Close();
                writer.Line("writer.WriteEndArray();");
                break;
            case WireKind.Set:
                // PHP's array('MO' => 'MO'): each member is also its own key.
                var member = "item" + depth;
                writer.Line("writer.WriteStartObject();");
                writer.Open("foreach (var " + member + " in " + value + ")");
                writer.Line("writer.WritePropertyName(" + (type.Items!.Kind == WireKind.Named ? context.ConverterName(type.Items.Name!) + ".ToWire(" + member + ")" : member) + ");");
                Write(writer, context, type.Items, member, depth + 1);
                writer.Close();
                writer.Line("writer.WriteEndObject();");
                break;
            case WireKind.Map:
                var entry = "entry" + depth;
                writer.Line("writer.WriteStartObject();");
                writer.Open("foreach (var " + entry + " in " + value + ")");
                writer.Line("writer.WritePropertyName(" + KeyText(type, entry + ".Key") + ");");
                Write(writer, context, type.Items!, entry + ".Value", depth + 1);
                writer.Close();
                writer.Line("writer.WriteEndObject();");
                break;
        }
    }
}
