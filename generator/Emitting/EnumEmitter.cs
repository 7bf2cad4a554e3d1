using System.Linq;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>
/// Emits a C# enum for a spec enum, its members in the order of the wire values, and a converter that maps a
/// member's position to its wire string.
/// </summary>
internal static class EnumEmitter
{
    public static void Emit(SourceWriter writer, TypeModel type)
    {
        var name = type.Name;
        writer.Doc("summary", DocComments.Text(type.Description ?? name, name));
        writer.Line(Attributes.GeneratedCode);
        writer.Line("[JsonConverter(typeof(" + name + "JsonConverter))]");
        writer.Open("public enum " + name);
        for (var i = 0; i < type.Values.Count; i++)
        {
            var value = type.Values[i];
            if (i > 0)
            {
                writer.Line();
            }

            writer.Doc("summary", DocComments.Escape(value.Description ?? value.Value) + " Sent as " + DocComments.Code(value.Value) + ".");
            writer.Line(value.CSharpName + ",");
        }

        writer.Close();
        writer.Line();
        writer.Doc("summary", "Reads and writes <see cref=\"" + name + "\"/> as its wire values.");
        writer.Line(Attributes.GeneratedCode);
        var values = type.Values.Select(v => DocComments.Literal(v.Value)).ToList();
        writer.Packed("internal sealed class " + name + "JsonConverter() : Bitrix24EnumConverter<" + name + ">(", values, ")");
        writer.Line("{");
        writer.Indent().Line("internal static readonly " + name + "JsonConverter Instance = new();").Outdent();
        writer.Line("}");
    }
}
