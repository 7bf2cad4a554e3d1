using System.Linq;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>
/// Emits a dictionary key type such as <c>user12</c> / <c>group36</c>: a record struct of a kind and an id, so code
/// says <c>CalendarOwner.User(12)</c> instead of building strings.
/// </summary>
internal static class KeyTypeEmitter
{
    public static void Emit(SourceWriter writer, TypeModel type)
    {
        var name = type.Name;
        var kind = name + "Kind";
        writer.Doc("summary", "The forms a <see cref=\"" + name + "\"/> takes.");
        writer.Line(Attributes.GeneratedCode);
        writer.Open("public enum " + kind);
        foreach (var pattern in type.Patterns)
        {
            writer.Doc("summary", DocComments.Escape(pattern.Description ?? pattern.Name) + " Written as " + DocComments.Code(pattern.Prefix + "{id}") + ".");
            writer.Line(pattern.Name + ",");
        }

        writer.Close();
        writer.Line();
        writer.Doc("summary", DocComments.Text(type.Description ?? name, name));
        writer.Line("/// <param name=\"Kind\">Which form the key has.</param>");
        writer.Line("/// <param name=\"Id\">The identifier after the prefix.</param>");
        writer.Line(Attributes.GeneratedCode);
        writer.Open("public readonly partial record struct " + name + "(" + kind + " Kind, int Id) : IBitrix24Key<" + name + ">");
        writer.Packed("private static readonly Bitrix24KeyFormat s_format = new(", type.Patterns.Select(p => DocComments.Literal(p.Prefix)).ToList(), ");");
        foreach (var pattern in type.Patterns)
        {
            writer.Line();
            writer.Doc("summary", "The key " + DocComments.Code(pattern.Prefix + "{id}") + ": " + DocComments.Escape(pattern.Description ?? pattern.Name));
            writer.Line("/// <param name=\"id\">The identifier.</param>");
            writer.Line("public static " + name + " " + pattern.Name + "(int id) => new(" + kind + "." + pattern.Name + ", id);");
        }

        var example = DocComments.Code(type.Patterns[0].Prefix + "1");
        writer.Lines($$"""

            /// <summary>The key as Bitrix24 writes it, e.g. {{example}}.</summary>
            public override string ToString() => s_format.Format((int)Kind, Id);

            /// <summary>Reads a key such as {{example}}.</summary>
            /// <param name="text">The key.</param>
            /// <exception cref="FormatException">The text is not a key of this type.</exception>
            public static {{name}} Parse(string text) =>
                TryParse(text, out var key) ? key : throw s_format.NotAKey(text, nameof({{name}}));

            /// <summary>Reads a key; returns false when the text has none of the forms.</summary>
            /// <param name="text">The key.</param>
            /// <param name="key">The key read.</param>
            public static bool TryParse(string? text, out {{name}} key)
            {
                var parsed = s_format.TryParse(text, out var kind, out var id);
                key = new(({{kind}})kind, id);
                return parsed;
            }
            """);
        writer.Close();
    }
}
