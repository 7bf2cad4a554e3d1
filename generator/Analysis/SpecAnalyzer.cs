using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Bitrix24.Generated.Generator.Diagnostics;
using Bitrix24.Generated.Generator.Model;
using Bitrix24.Generated.Generator.Validation;
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
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.All;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var specs = start.Options.AdditionalFiles.Where(static file => SpecFiles.IsSpec(file.Path)).ToImmutableArray();
            if (specs.IsEmpty)
            {
                return;
            }

            var rootNamespace = SpecFiles.RootNamespace(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            // All specs are checked together once per compilation; each file then gets its own share.
            var diagnostics = new Lazy<ILookup<string, DiagnosticInfo>>(
                () => Check(specs, rootNamespace, start.CancellationToken),
                LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterAdditionalFileAction(file =>
            {
                if (!SpecFiles.IsSpec(file.AdditionalFile.Path))
                {
                    return;
                }

                foreach (var info in diagnostics.Value[file.AdditionalFile.Path])
                {
                    file.ReportDiagnostic(info.ToDiagnostic());
                }
            });
        });
    }

    /// <summary>The diagnostics of a set of specs by file: each spec's own, then those of joining them.</summary>
    internal static ILookup<string, DiagnosticInfo> Check(ImmutableArray<AdditionalText> specs, string rootNamespace, CancellationToken cancellationToken) =>
        SpecSet.Check(specs.Select(file => (file.Path, file.GetText(cancellationToken)?.ToString())), rootNamespace)
            .Diagnostics
            .ToLookup(info => info.Location.FilePath, StringComparer.Ordinal);
}
