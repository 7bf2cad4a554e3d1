using Bitrix24.Generated.Specs.Linking;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>
/// Emits the fields of an object type that REST 3.0 filters and selects reach: for a type a filter or select names,
/// the static <c>{Type}Fields</c>, a property per field; for every type reached, <c>{Type}Fields&lt;TRoot&gt;</c>, the
/// same fields as a related object's, dotted from the root (<c>responsible.name</c>). A filterable property gives a
/// field a filter may compare, any other a field only a select may name, and a property of an object type the related
/// object's fields, built when asked for so that a type may reach itself (<c>parent</c>).
/// </summary>
internal static class QueryFieldsEmitter
{
    public static void Emit(SourceWriter writer, TypeCode code, TypeModel type, QueryFields fields)
    {
        var name = Names.QueryFieldsTypeName(type.Name);
        if (fields == QueryFields.Entity)
        {
            writer.Doc("summary", "Fields of <see cref=\"" + type.Name + "\"/> for REST 3.0 filters and selects.");
            writer.Doc("remarks", "A filter compares the filterable ones, a select names any; a related object's fields are dotted from its property.");
            writer.Line(Attributes.GeneratedCode);
            writer.Open("public static class " + name);
            EmitFields(writer, code, type, type.Name, "public static ", path => DocComments.Literal(path));
            writer.Close();
            writer.Line();
        }

        writer.Doc("summary", "Fields of <see cref=\"" + type.Name + "\"/> as a related object's, for REST 3.0 filters and selects over <typeparamref name=\"TRoot\"/>.");
        writer.Line("/// <typeparam name=\"TRoot\">The object type the filter or select is over.</typeparam>");
        writer.Line(Attributes.GeneratedCode);
        writer.Open("public sealed class " + name + "<TRoot>");
        writer.Line("private readonly string _path;");
        writer.Line();
        writer.Line("internal " + name + "(string path) => _path = path;");
        writer.Line();
        EmitFields(writer, code, type, "TRoot", "public ", path => "_path + " + DocComments.Literal("." + path));
        writer.Close();
    }

    // root: the type parameter of the fields; path: the C# expression of a field's wire path.
    private static void EmitFields(SourceWriter writer, TypeCode code, TypeModel type, string root, string modifiers, System.Func<string, string> path)
    {
        var first = true;
        foreach (var property in type.Properties)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            writer.Doc("summary", DocComments.Text(property.Description ?? property.WireName, property.WireName));
            var wire = path(property.WireName);
            if (TypeCode.Related(property.Type) is { } related)
            {
                writer.Doc("remarks", "The fields of the related " + DocComments.Code(property.WireName) + ".");
                var fields = code.TypeName(Names.QueryFieldsTypeName(related.Name!), related.Target!.Scope) + "<" + root + ">";
                writer.Line(modifiers + fields + " " + property.CSharpName + " => new(" + wire + ");");
                continue;
            }

            // The root's fields are made once; a related object's each time they are asked for, as its path varies.
            var value = code.WholeClr(property.Type);
            var body = modifiers.Contains("static") ? " { get; } =" : " =>";
            if (property.Filterable)
            {
                writer.Doc("remarks", "Filterable: a filter may compare it.");
                var field = "Bitrix24FilterField<" + root + ", " + value + "> " + property.CSharpName;
                writer.LineOrWrap(modifiers + field + body, "new(" + wire + ", " + code.Converter(property.Type) + ");");
            }
            else
            {
                var field = "Bitrix24QueryField<" + root + ", " + value + "> " + property.CSharpName;
                writer.LineOrWrap(modifiers + field + body, "new(" + wire + ");");
            }
        }
    }
}
