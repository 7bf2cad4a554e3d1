using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Bitrix24.Generated.Generator.Analysis;
using Bitrix24.Generated.Generator.Diagnostics;
using Bitrix24.Generated.Generator.Emitting;
using Bitrix24.Generated.Specs.Linking;
using Bitrix24.Generated.Specs.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bitrix24.Generated.Generator;

/// <summary>
/// Generates a typed Bitrix24 client (and the classes of the events it receives) from the YAML specs among a project's AdditionalFiles:
/// spec file → read → index of all → link each → emit each, plus the client tree and the JSON context.
/// Every spec has an output of its own, so an edit re-emits the spec it touches and nothing else; the shared
/// outputs name methods and types only, and change only when those names do.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class Bitrix24Generator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Mistakes in specs are the SpecAnalyzer's to report; a spec with errors is simply not generated.
        var shippedFolder = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => SpecFiles.ShippedFolder(options.GlobalOptions));
        var read = context.AdditionalTextsProvider
            .Where(static file => SpecFiles.IsSpec(file.Path))
            .Combine(shippedFolder)
            .Select(static (pair, cancellationToken) =>
            {
                var (file, shipped) = pair;
                var document = SpecDocumentCache.Shared.Get(file, cancellationToken);
                var isShipped = SpecFiles.IsShipped(file.Path, shipped);
                var method = document.Method;
                var @event = document.Event;
                return new ReadSpec(
                    file.Path,
                    method is not null && isShipped ? method with { Shipped = true } : method,
                    @event is not null && isShipped ? @event with { Shipped = true } : @event);
            })
            .WithTrackingName(TrackingNames.Read);

        var index = read
            .Where(static spec => spec.Method is not null || spec.Event is not null)
            .Collect()
            .Select(static (specs, _) => Guard(string.Empty, () => SpecIndex.Build(
                specs.Where(s => s.Method is not null).Select(s => s.Method!),
                specs.Where(s => s.Event is not null).Select(s => s.Event!))))
            .WithTrackingName(TrackingNames.Index);

        var linked = read
            .Combine(index)
            .Select(static (pair, _) => pair.Right.Failure is { } failure
                ? new Guarded<LinkedSpec>(pair.Left.FilePath, null, failure)
                : Guard(pair.Left.FilePath, () => pair.Left.Method is { } method ? SpecLinker.Link(method, pair.Right.Value!)
                    : pair.Left.Event is { } @event ? SpecLinker.LinkEvent(@event, pair.Right.Value!)
                    : null))
            .WithTrackingName(TrackingNames.Linked);

        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => SpecFiles.RootNamespace(options.GlobalOptions))
            .WithTrackingName(TrackingNames.RootNamespace);

        context.RegisterSourceOutput(linked.Combine(rootNamespace), static (output, pair) =>
        {
            var (spec, root) = pair;
            if (spec.Failure is { } failure)
            {
                Report(output, spec.FilePath, failure);
                return;
            }

            Emit(output, spec.FilePath, () => spec.Value is { } linkedSpec && SpecEmitter.Emit(linkedSpec, root) is { } source ? new[] { source } : null);
        });

        var names = linked
            .Where(static spec => spec.Value is { IsEmpty: false })
            .Select(static (spec, _) => spec.Value!.Names())
            .Collect()
            .Select(static (all, _) => NameSet.From(all))
            .WithTrackingName(TrackingNames.Names);

        context.RegisterSourceOutput(names.Combine(rootNamespace), static (output, pair) =>
        {
            var (set, root) = pair;
            if (set.Methods.IsEmpty && set.Types.IsEmpty)
            {
                return;
            }

            Emit(output, null, () => ClientTreeEmitter.Emit(root, set.Methods)
                .Append(JsonContextEmitter.Emit(root, set.Types, set.Methods, set.Events))
                .Concat(EventCatalogEmitter.Emit(root, set.Events))
                .ToList());
        });

        // portal.CreateClient() for a project that references the emulator and gets a client. The compilation
        // changes with every edit; what is taken of it is one bool, so nothing after this step runs again.
        var emulatorReferenced = context.CompilationProvider
            .Select(static (compilation, _) => ReferencesEmulator(compilation))
            .WithTrackingName(TrackingNames.EmulatorReferenced);
        var hasClient = names.Select(static (set, _) => !(set.Methods.IsEmpty && set.Types.IsEmpty));

        context.RegisterSourceOutput(emulatorReferenced.Combine(hasClient).Combine(rootNamespace), static (output, pair) =>
        {
            var ((referenced, client), root) = pair;
            if (referenced && client)
            {
                Emit(output, null, () => new[] { EmulatorClientEmitter.Emit(root) });
            }
        });
    }

    // The assembly's name first: it is at hand without binding anything, and most projects stop there.
    private static bool ReferencesEmulator(Compilation compilation) =>
        compilation.ReferencedAssemblyNames.Any(static name => name.Name == EmulatorClientEmitter.EmulatorAssembly) &&
        compilation.GetTypeByMetadataName(EmulatorClientEmitter.EmulatorType) is { DeclaredAccessibility: Accessibility.Public };

    private static void Add(SourceProductionContext output, GeneratedSource source) =>
        output.AddSource(source.HintName, SourceText.From(source.Text, System.Text.Encoding.UTF8));

    // A generator that throws fails the whole build with CS8785 and no hint of the spec; whatever goes wrong becomes
    // B24099 at the spec instead (or the project, for the shared outputs), and the rest still generates.
    private static void Emit(SourceProductionContext output, string? filePath, System.Func<IReadOnlyList<GeneratedSource>?> emit)
    {
        IReadOnlyList<GeneratedSource>? sources;
        try
        {
            sources = emit();
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            Report(output, filePath, Describe(exception));
            return;
        }

        foreach (var source in sources ?? System.Array.Empty<GeneratedSource>())
        {
            Add(output, source);
        }
    }

    internal static Guarded<T> Guard<T>(string filePath, System.Func<T?> step)
        where T : class
    {
        try
        {
            return new Guarded<T>(filePath, step(), null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new Guarded<T>(filePath, null, Describe(exception));
        }
    }

    private static string Describe(System.Exception exception) => exception.GetType().Name + ": " + exception.Message;

    private static void Report(SourceProductionContext output, string? filePath, string message) =>
        output.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.UnexpectedFailure,
            filePath is null ? Location.None : Location.Create(filePath, default, default),
            message));

    /// <summary>What a step made of a spec file, or why it failed.</summary>
    internal sealed record Guarded<T>(string FilePath, T? Value, string? Failure)
        where T : class;

    /// <summary>A spec file's model, or null when the file has errors of its own.</summary>
    private sealed record ReadSpec(string FilePath, MethodModel? Method, EventModel? Event);

    /// <summary>Every generated method, type and event name, sorted: what the shared outputs are made of.</summary>
    private sealed record NameSet(EquatableArray<MethodName> Methods, EquatableArray<TypeName> Types, EquatableArray<EventName> Events)
    {
        public static NameSet From(ImmutableArray<SpecNames> all) => new(
            all.Where(n => n.Method is not null).Select(n => n.Method!).OrderBy(m => m.Name, System.StringComparer.Ordinal).ToEquatableArray(),
            all.SelectMany(n => n.Types).OrderBy(t => t.Name, System.StringComparer.Ordinal).ToEquatableArray(),
            all.Where(n => n.Event is not null).Select(n => n.Event!).OrderBy(e => e.Name, System.StringComparer.Ordinal).ToEquatableArray());
    }
}
