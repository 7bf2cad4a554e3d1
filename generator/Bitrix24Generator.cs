using Bitrix24.Generated.Generator.Analysis;
using Bitrix24.Generated.Generator.Emitting;
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
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specFiles = context.AdditionalTextsProvider
            .Where(static file => SpecFiles.IsSpec(file.Path))
            .Select(static (file, cancellationToken) => (Path: file.Path, Text: file.GetText(cancellationToken)?.ToString()))
            .WithTrackingName(TrackingNames.SpecFiles);

        var parsed = specFiles
            .Select(static (file, _) => SpecParser.Parse(file.Path, file.Text))
            .WithTrackingName(TrackingNames.Parsed);

        var validated = parsed
            .Select(static (spec, _) => SpecValidator.Validate(spec))
            .WithTrackingName(TrackingNames.Validated);

        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => SpecFiles.RootNamespace(options.GlobalOptions))
            .WithTrackingName(TrackingNames.RootNamespace);

        var generation = validated
            .Where(static spec => spec.Method is not null)
            .Select(static (spec, _) => spec.Method!)
            .Collect()
            .Combine(rootNamespace)
            .WithTrackingName(TrackingNames.Combined)
            .Select(static (input, _) => GenerationModelBuilder.Build(input.Left, input.Right))
            .WithTrackingName(TrackingNames.Generation);

        // Mistakes in specs are the SpecAnalyzer's to report; a spec with errors is simply not generated.
        context.RegisterSourceOutput(generation, static (output, result) =>
        {
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
}
