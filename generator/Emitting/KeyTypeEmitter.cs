using System.Linq;
using Bitrix24.Generated.Generator.Model;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>
/// Emits a dictionary key type such as <c>user12</c> / <c>group36</c>: a record struct of a kind and an id,
/// so code says <c>CalendarOwner.User(12)</c> instead of building strings.
/// </summary>
internal static class KeyTypeEmitter
{
    public static void Emit(SourceWriter writer, TypeModel type)
    {
        var name = type.Name;
        var kind = name + "Kind";
        writer.Line("/// <summary>The forms a <see cref=\"" + name + "\"/> takes.</summary>");
        writer.Open("public enum " + kind);
        foreach (var pattern in type.Patterns)
        {
            writer.Doc("summary", DocComments.Escape(pattern.Description ?? pattern.Name));
            writer.Line("/// <remarks>Written as " + DocComments.Code(pattern.Prefix + "{id}") + ".</remarks>");
            writer.Line(pattern.Name + ",");
        }

        writer.Close();
        writer.Line();

        writer.Doc("summary", DocComments.Escape(type.Description ?? name));
        writer.Line("/// <param name=\"Kind\">Which form the key has.</param>");
        writer.Line("/// <param name=\"Id\">The identifier after the prefix.</param>");
        writer.Open("public readonly partial record struct " + name + "(" + kind + " Kind, int Id)");
        foreach (var pattern in type.Patterns)
        {
            writer.Line("/// <summary>The key " + DocComments.Code(pattern.Prefix + "{id}") + ": " + DocComments.Escape(pattern.Description ?? pattern.Name) + "</summary>");
            writer.Line("/// <param name=\"id\">The identifier.</param>");
            writer.Line("public static " + name + " " + pattern.Name + "(int id) => new(" + kind + "." + pattern.Name + ", id);");
            writer.Line();
        }

        writer.Line("/// <summary>The key as Bitrix24 writes it, e.g. " + DocComments.Code(type.Patterns[0].Prefix + "1") + ".</summary>");
        writer.Open("public override string ToString()");
        writer.Line("var id = Id.ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
        writer.Open("switch (Kind)");
        foreach (var pattern in type.Patterns)
        {
            writer.Line("case " + kind + "." + pattern.Name + ":");
            writer.Line(SourceWriter.Indent(1) + "return " + DocComments.Literal(pattern.Prefix) + " + id;");
        }

        writer.Line("default:");
        writer.Line(SourceWriter.Indent(1) + "return Kind.ToString() + id;");
        writer.Close();
        writer.Close();
        writer.Line();

        var forms = string.Join(", ", type.Patterns.Select(p => p.Prefix + "{id}"));
        writer.Line("/// <summary>Reads a key such as " + DocComments.Code(type.Patterns[0].Prefix + "1") + ".</summary>");
        writer.Line("/// <param name=\"text\">The key.</param>");
        writer.Line("/// <exception cref=\"global::System.FormatException\">The text has none of the forms " + DocComments.Escape(forms) + ".</exception>");
        writer.Line("public static " + name + " Parse(string text) =>");
        writer.Line(SourceWriter.Indent(1) + "TryParse(text, out var key) ? key : throw new global::System.FormatException(\"'\" + text + " + DocComments.Literal("' is not a " + name + "; expected " + forms + ".") + ");");
        writer.Line();
        writer.Line("/// <summary>Reads a key; returns false when the text has none of the known forms.</summary>");
        writer.Line("/// <param name=\"text\">The key.</param>");
        writer.Line("/// <param name=\"key\">The key read.</param>");
        writer.Open("public static bool TryParse(string? text, out " + name + " key)");
        // Longest prefix first, so that e.g. "usergroup" wins over "user".
        foreach (var pattern in type.Patterns.OrderByDescending(p => p.Prefix.Length))
        {
            writer.Line("if (text is not null && text.StartsWith(" + DocComments.Literal(pattern.Prefix) + ", global::System.StringComparison.Ordinal) &&");
            writer.Line(SourceWriter.Indent(1) + "int.TryParse(text.Substring(" + pattern.Prefix.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "), global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture, out var " + Camel(pattern.Name) + "Id))");
            writer.Block();
            writer.Line("key = new " + name + "(" + kind + "." + pattern.Name + ", " + Camel(pattern.Name) + "Id);");
            writer.Line("return true;");
            writer.Close();
            writer.Line();
        }

        writer.Line("key = default;");
        writer.Line("return false;");
        writer.Close();
        writer.Close();
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);
}
