using System.Collections.Generic;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>
/// Emits an event's class: a <c>Bitrix24Event&lt;TData&gt;</c> over the class of its data (emitted with the spec's
/// types), read by the runtime's event converter. Everything but the name and the docs is the runtime's.
/// </summary>
internal static class EventEmitter
{
    public static void Emit(SourceWriter writer, EventModel spec)
    {
        var name = spec.TypeName;
        var data = spec.DataTypeName;
        writer.Doc("summary", DocComments.Text(spec.Summary, spec.Name));
        var remarks = new List<string>
        {
            "The payload a handler bound to " + DocComments.Code(spec.Name) + " receives (scope " + DocComments.Code(spec.Scope) +
            (spec.Access is null ? string.Empty : "; " + DocComments.Escape(spec.Access)) + "); what it is about is in " +
            "<see cref=\"Bitrix24Event{TData}.Data\"/>, the portal in <see cref=\"Bitrix24Event.Auth\"/>.",
        };
        if (spec.Description is not null)
        {
            remarks.Add(DocComments.Escape(spec.Description));
        }

        writer.Doc("remarks", DocComments.Paragraphs(remarks));
        if (spec.Docs is not null)
        {
            writer.Line("/// <seealso href=\"" + DocComments.Attribute(spec.Docs) + "\">Bitrix24 documentation</seealso>");
        }

        writer.Line(Attributes.GeneratedCode);
        writer.Line("[JsonConverter(typeof(Bitrix24EventConverter<" + name + ", " + data + ">))]");
        writer.Open("public sealed partial class " + name + " : Bitrix24Event<" + data + ">");
        writer.Line("/// <summary>The event's name as the portal sends it.</summary>");
        writer.Line("public const string EventName = " + DocComments.Literal(spec.Name) + ";");
        writer.Close();
    }
}
