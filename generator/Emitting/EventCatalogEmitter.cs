using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Specs.Linking;
using Bitrix24.Generated.Specs.Naming;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>
/// Emits <c>Bitrix24Events</c>: every generated event class by event name, each read through the JSON context, for
/// whatever receives the portal's posts. Nothing when there are no events.
/// </summary>
internal static class EventCatalogEmitter
{
    public static IEnumerable<GeneratedSource> Emit(string rootNamespace, IReadOnlyList<EventName> events)
    {
        if (events.Count == 0)
        {
            yield break;
        }

        var entries = new SourceWriter().Indent().Indent().Indent();
        foreach (var e in events.OrderBy(e => e.Name, System.StringComparer.Ordinal))
        {
            var type = "global::" + rootNamespace + "." + Names.ScopeNamespace(e.Scope) + "." + e.TypeName;
            entries.LineOrWrap("Of<" + type + ">(", type + ".EventName),");
        }

        var writer = new SourceWriter();
        writer.Lines($$"""
            /// <summary>
            /// The generated event classes by the name the portal sends (any case): find the class of a received
            /// <c>event</c> and read its payload with <c>Bitrix24EventTypeInfo.Deserialize</c>.
            /// </summary>
            {{Attributes.GeneratedCode}}
            public static class Bitrix24Events
            {
                /// <summary>Every event class, by name.</summary>
                public static Bitrix24EventCatalog Catalog { get; } = new(
                    new Bitrix24EventTypeInfo[]
                    {
            {{entries.ToString().TrimEnd('\n')}}
                    });

                // Read through the given options, or the generated context's: no reflection.
                private static Bitrix24EventTypeInfo Of<T>(string name)
                    where T : Bitrix24Event =>
                    new(name, typeof(T), static options => (options ?? Bitrix24JsonContext.Default.Options).GetTypeInfo(typeof(T)));
            }
            """);
        yield return new GeneratedSource(rootNamespace + ".Bitrix24Events.g.cs", SpecEmitter.Compose(rootNamespace, new[] { (rootNamespace, writer.ToString()) }));
    }
}
