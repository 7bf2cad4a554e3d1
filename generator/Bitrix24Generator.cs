using System;
using System.IO;
using System.Linq;
using Bitrix24.Generated.Generator.Diagnostics;
using Bitrix24.Generated.Generator.Emitting;
using Bitrix24.Generated.Generator.Model;
using Bitrix24.Generated.Generator.Parsing;
using Bitrix24.Generated.Generator.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bitrix24.Generated.Generator;

/// <summary>
/// Generates a typed Bitrix24 client from the YAML method specs among a project's AdditionalFiles:
/// spec file → parse → validate → join all specs → emit.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class Bitrix24Generator : IIncrementalGenerator
{
    private const string DefaultRootNamespace = "Bitrix24.Generated";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specFiles = context.AdditionalTextsProvider
            .Where(static file => IsSpec(file.Path))
            .Select(static (file, cancellationToken) => (Path: file.Path, Text: file.GetText(cancellationToken)?.ToString()))
            .WithTrackingName(TrackingNames.SpecFiles);

        var parsed = specFiles
            .Select(static (file, _) => SpecParser.Parse(file.Path, file.Text))
            .WithTrackingName(TrackingNames.Parsed);

        var validated = parsed
            .Select(static (spec, _) => SpecValidator.Validate(spec))
            .WithTrackingName(TrackingNames.Validated);

        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) =>
                options.GlobalOptions.TryGetValue("build_property.Bitrix24RootNamespace", out var value) && !string.IsNullOrWhiteSpace(value)
                    ? value.Trim()
                    : DefaultRootNamespace)
            .WithTrackingName(TrackingNames.RootNamespace);

        context.RegisterSourceOutput(validated, static (output, spec) =>
        {
            foreach (var diagnostic in spec.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        var generation = validated
            .Where(static spec => spec.Method is not null)
            .Select(static (spec, _) => spec.Method!)
            .Collect()
            .Combine(rootNamespace)
            .WithTrackingName(TrackingNames.Combined)
            .Select(static (input, _) => GenerationModelBuilder.Build(input.Left, input.Right))
            .WithTrackingName(TrackingNames.Generation);

        context.RegisterSourceOutput(generation, static (output, result) =>
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (result.Model.Methods.IsEmpty && result.Model.Types.IsEmpty)
            {
                return;
            }

            foreach (var source in SourceEmitter.Emit(result.Model))
            {
                output.AddSource(source.HintName, SourceText.From(source.Text, System.Text.Encoding.UTF8));
            }
        });
    }

    private static bool IsSpec(string path)
    {
        var extension = Path.GetExtension(path);
        return string.Equals(extension, ".yaml", StringComparison.OrdinalIgnoreCase) ||
               string.Equals(extension, ".yml", StringComparison.OrdinalIgnoreCase);
    }
}
