using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>
/// Emits a class for an object type or a method's request: its properties, and the field table the runtime's
/// <c>Bitrix24ObjectConverter</c> serializes it with. A type with <c>userFields</c> also gets the map of the portal's
/// custom fields, which the runtime reads and writes by the prefix in its field table.
/// </summary>
internal static class ObjectEmitter
{
    public static void Emit(
        SourceWriter writer, TypeCode code, string name, string? summary, string? remarks, EquatableArray<PropertyModel> properties, string? userFields = null)
    {
        writer.Doc("summary", summary ?? name);
        writer.Doc("remarks", remarks);
        writer.Line(Attributes.GeneratedCode);
        writer.Line("[JsonConverter(typeof(Bitrix24ObjectConverter<" + name + ">))]");
        writer.Open("public sealed partial class " + name + " : Bitrix24Object, IBitrix24Object" + (userFields is null ? string.Empty : ", IBitrix24UserFields"));
        foreach (var property in properties)
        {
            EmitProperty(writer, code, property);
            writer.Line();
        }

        if (userFields is not null)
        {
            EmitUserFields(writer, userFields);
            writer.Line();
        }

        // The fields in wire order: name, form, and the property each reads into and writes from.
        var head = "private static readonly Bitrix24Fields<" + name + "> s_fields = new("
            + (userFields is null ? string.Empty : "userFields: " + DocComments.Literal(userFields) + ", ");
        if (properties.IsEmpty)
        {
            writer.Line(head + "_ => []);");
        }
        else
        {
            writer.Line(head + "f =>");
            writer.Line("[");
            writer.Indent();
            foreach (var property in properties)
            {
                var accessors = "o => o." + property.CSharpName + ", (o, v) => o." + property.CSharpName + " = v),";
                writer.LineOrWrap(code.Field(property.Type, property.WireName) + ",", accessors);
            }

            writer.Outdent();
            writer.Line("]);");
        }

        writer.Line();
        writer.Line("Bitrix24Fields IBitrix24Object.Fields => s_fields;");
        writer.Close();
    }

    private static void EmitProperty(SourceWriter writer, TypeCode code, PropertyModel property)
    {
        writer.Doc("summary", DocComments.Text(property.Description ?? property.WireName, property.WireName));
        var notes = new List<string> { "Sent as " + DocComments.Code(property.WireName) + WireNote(property.Type) + "." };
        if (property.Required)
        {
            notes.Add("Required.");
        }

        if (property.Default is not null)
        {
            notes.Add("Default: " + DocComments.Code(property.Default) + ".");
        }

        if (property.Example is not null)
        {
            notes.Add("Example: " + DocComments.Code(property.Example) + ".");
        }

        var remarks = new List<string> { string.Join(" ", notes) };
        foreach (var value in property.Values)
        {
            var shown = property.Type.Kind == WireKind.Flag
                ? (value.Value == "Y" ? "<see langword=\"true\"/> (<c>Y</c>)" : "<see langword=\"false\"/> (<c>N</c>)")
                : DocComments.Code(value.Value);
            remarks.Add(shown + ": " + DocComments.Escape(value.Description ?? string.Empty));
        }

        writer.Doc("remarks", DocComments.Paragraphs(remarks));
        writer.Line("public " + code.Clr(property.Type) + "? " + property.CSharpName + " { get; set; }");
    }

    private static void EmitUserFields(SourceWriter writer, string prefix)
    {
        // The example key reads like the portal's own: UF_CRM_1721244482250, ufCrm_1721244482250.
        var example = prefix + (prefix.EndsWith("_", System.StringComparison.Ordinal) ? string.Empty : "_") + "1721244482250";
        writer.Doc("summary", "The portal's custom fields (user fields) whose names start with " + DocComments.Code(prefix) + ", but for those a property stands for.");
        writer.Doc(
            "remarks",
            "Keyed by name as sent; each value is raw JSON, built with the implicit conversions of <c>JsonNode</c>: "
            + DocComments.Code("UserFields = new Dictionary<string, JsonNode?> { [\"" + example + "\"] = \"Hello\" }")
            + ". Sent under their own names, after the properties.");
        writer.Line("public IDictionary<string, JsonNode?>? UserFields { get; set; }");
    }

    private static string WireNote(TypeRef type) => type.Kind switch
    {
        WireKind.Flag => ", a <c>Y</c>/<c>N</c> flag",
        WireKind.IntegerString => ", an integer written as a string",
        WireKind.Date => ", a date (ISO 8601 out, the portal's regional format back)",
        WireKind.DateTime => ", a date and time (ISO 8601 out, the portal's regional format back)",
        WireKind.UnixTime => ", seconds since 1970 (UTC)",
        WireKind.UnixTimeString => ", seconds since 1970 (UTC) as a string",
        WireKind.Set => ", an object whose keys are its members (<c>{\"MO\":\"MO\"}</c>)",
        WireKind.Json => ", any JSON value, written exactly as held",
        WireKind.File => ", a file (a new upload goes out as <c>[\"name\", \"base64\"]</c>)",
        WireKind.FileData => ", a file (a new upload goes out as <c>{\"fileData\": [\"name\", \"base64\"]}</c>)",
        WireKind.Filter => ", a JSON array of conditions that must all hold (<c>[[\"id\", \"&gt;\", 10]]</c>)",
        WireKind.Select => ", a JSON array of field names (<c>[\"id\", \"responsible.name\"]</c>)",
        _ => string.Empty,
    };
}
