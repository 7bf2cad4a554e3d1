using Bitrix24.Generated.Specs.Model;
using Bitrix24.SpecImporter.Mapping;

namespace Bitrix24.SpecImporter.Writing;

/// <summary>Writes an imported event spec: the event's keys, then data, types and example payloads.</summary>
internal sealed partial class SpecYamlWriter
{
    /// <summary>The YAML of an event spec, which stands a folder below its scope's methods (<c>scope/events/</c>).</summary>
    public static string WriteEvent(EventModel spec)
    {
        var writer = new SpecYamlWriter();
        writer.Event(spec);
        return writer._text.ToString();
    }

    private void Event(EventModel spec)
    {
        Line(0, "# yaml-language-server: $schema=../../spec.schema.json");
        Key(0, "event", spec.Name);
        Key(0, "scope", spec.Scope);
        Key(0, "access", spec.Access);
        Key(0, "summary", spec.Summary);
        Key(0, "description", spec.Description);
        Key(0, "docs", spec.Docs);
        Key(0, "csharpName", spec.CSharpName);
        if (!spec.Data.IsEmpty)
        {
            Line(0, string.Empty);
            Line(0, "data:");
            Properties(1, spec.Data);
        }

        Types(spec.Types);
        if (!spec.Examples.IsEmpty)
        {
            Line(0, string.Empty);
            Line(0, "examples:");
            foreach (var example in spec.Examples)
            {
                Line(1, "- name: " + YamlText.Scalar(example.Name));
                Line(2, "payload: " + YamlText.Json(example.Payload));
            }
        }
    }
}
