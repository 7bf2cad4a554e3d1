using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Generated.Specs.Linking;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Reading;

namespace Bitrix24.Emulator.Specs;

/// <summary>
/// The method specs the portal answers for, read with the generator's own reader so that the emulator and
/// the generated client agree on every method, parameter and type.
/// </summary>
internal sealed class SpecCatalog
{
    private readonly SpecSet _specs;

    private readonly Lazy<IReadOnlyDictionary<string, EventModel>> _events;

    private SpecCatalog(SpecSet specs)
    {
        _specs = specs;
        _events = new(() => specs.Events
            .GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key.ToUpperInvariant(), g => g.First(), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The events the specs describe, upper case (<c>ONCRMDEALADD</c>): those the portal can bind handlers to.</summary>
    public IReadOnlyCollection<string> EventNames => _events.Value.Keys.ToList();

    /// <summary>The spec of an event, or null when none is loaded.</summary>
    public EventModel? FindEvent(string name) => _events.Value.TryGetValue(name, out var spec) ? spec : null;

    public IReadOnlyCollection<string> MethodNames => _specs.Methods.Select(m => m.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The methods, as read.</summary>
    public IReadOnlyCollection<MethodModel> Methods => _specs.Methods;

    // The shipped specs are the same for every portal of a process: read once, and linked once when served alone.
    private static readonly Lazy<IReadOnlyList<SpecDocument>> Shipped = new(() =>
        EmbeddedSpecs().Select(file => SpecDocument.Read(file.Path, file.Text)).ToList());

    private static readonly Lazy<SpecCatalog> ShippedAlone = new(() => Checked(SpecSet.Link(Shipped.Value, IsShipped)));

    /// <summary>
    /// Loads the given spec files and folders, the specs shipped with the emulator when there are none, or both when
    /// asked: then a given spec replaces a shipped one of the same method, as in a project's build.
    /// </summary>
    /// <exception cref="InvalidDataException">A spec has errors; the message lists them with file, line and column.</exception>
    public static SpecCatalog Load(IReadOnlyCollection<string> paths, bool includeShipped = false)
    {
        if (paths.Count == 0)
        {
            return ShippedAlone.Value;
        }

        var documents = FileSpecs(paths).Select(file => SpecDocument.Read(file.Path, file.Text)).ToList();
        return Checked(SpecSet.Link(includeShipped ? Shipped.Value.Concat(documents).ToList() : documents, IsShipped));
    }

    // Embedded specs are named "specs/scope/method.yaml", files by their full paths.
    private static bool IsShipped(string path) => path.StartsWith("specs/", StringComparison.Ordinal);

    private static SpecCatalog Checked(SpecSet specs)
    {
        var errors = specs.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidDataException("The specs have errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }

        return new SpecCatalog(specs);
    }

    public MethodModel? Find(string method) => _specs.Method(method);

    /// <summary>
    /// The spec of the method of one API version, or null: a classic method and a REST 3.0 one may share a name
    /// (<c>tasks.task.get</c>), and each address finds its own.
    /// </summary>
    public MethodModel? Find(string method, MethodApi api) => _specs.Method(method, api);

    public TypeModel? Type(string name) => _specs.Type(name);

    /// <summary>
    /// The answer of the method's first successful example: its <c>result</c> (which may be <c>null</c>) with the
    /// <c>total</c> and <c>next</c> a documented list answer carries; null when the method has no such example.
    /// </summary>
    public static MethodResult? ExampleAnswer(MethodModel method)
    {
        foreach (var example in method.Examples)
        {
            if (example.Status is >= 200 and < 300 && example.Response is { } response)
            {
                try
                {
                    if (JsonNode.Parse(response) is JsonObject envelope && envelope.ContainsKey("result"))
                    {
                        return new MethodResult(envelope["result"]?.DeepClone(), Count(envelope["total"]), Count(envelope["next"]));
                    }
                }
                catch (JsonException)
                {
                    // The generator already warned about it; look at the next example.
                }
            }
        }

        return null;
    }

    private static int? Count(JsonNode? node) =>
        node is JsonValue value && int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;

    private static IEnumerable<(string Path, string Text)> EmbeddedSpecs()
    {
        var assembly = typeof(SpecCatalog).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("specs/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return (name, reader.ReadToEnd());
        }
    }

    private static IEnumerable<(string Path, string Text)> FileSpecs(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)
                : new[] { path }.AsEnumerable();
            foreach (var file in files)
            {
                // Full paths, which never start like the embedded names.
                yield return (Path.GetFullPath(file), File.ReadAllText(file));
            }
        }
    }
}
