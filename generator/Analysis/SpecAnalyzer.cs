using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Bitrix24.Generated.Generator.Diagnostics;
using Bitrix24.Generated.Specs.Diagnostics;
using Bitrix24.Generated.Specs.Linking;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Bitrix24.Generated.Generator.Analysis;

/// <summary>
/// Reports the mistakes in a project's specs, at their file, line and column. An analyzer rather than the
/// generator reports them, as Roslyn advises: the IDE runs it on a spec file as it is edited, so the squiggles
/// follow the text, and checks across specs (a type declared twice, names that clash) show on each file involved.
/// The generator leaves a spec with errors out and says nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SpecAnalyzer : DiagnosticAnalyzer
{
    private readonly SpecDocumentCache _cache;

    /// <summary>Creates the analyzer, with the specs read shared with the generator and across compilations.</summary>
    public SpecAnalyzer()
        : this(SpecDocumentCache.Shared)
    {
    }

    internal SpecAnalyzer(SpecDocumentCache cache) => _cache = cache;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.All;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        var cache = _cache;
        context.RegisterCompilationStartAction(start =>
        {
            var specs = start.Options.AdditionalFiles.Where(static file => SpecFiles.IsSpec(file.Path)).ToImmutableArray();
            if (specs.IsEmpty)
            {
                return;
            }

            // All specs are linked together once per compilation; each file then gets its own share.
            var shipped = SpecFiles.ShippedFolder(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            var diagnostics = new Lazy<ILookup<string, SpecDiagnostic>>(
                () => Check(cache, specs, shipped, start.CancellationToken),
                LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterAdditionalFileAction(file =>
            {
                if (!SpecFiles.IsSpec(file.AdditionalFile.Path))
                {
                    return;
                }

                foreach (var diagnostic in diagnostics.Value[file.AdditionalFile.Path])
                {
                    file.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            });
        });
    }

    /// <summary>The diagnostics of a set of specs by file: each spec's own, then those of linking them.</summary>
    internal static ILookup<string, SpecDiagnostic> Check(SpecDocumentCache cache, ImmutableArray<AdditionalText> specs, string? shippedFolder, CancellationToken cancellationToken) =>
        SpecSet.Link(specs.Select(file => cache.Get(file, cancellationToken)).ToList(), path => SpecFiles.IsShipped(path, shippedFolder))
            .Diagnostics
            .ToLookup(diagnostic => diagnostic.Location.FilePath, StringComparer.Ordinal);
}
