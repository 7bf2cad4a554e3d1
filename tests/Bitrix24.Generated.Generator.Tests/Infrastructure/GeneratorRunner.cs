using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Bitrix24.Generated.Generator;
using Bitrix24.Generated.Generator.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Bitrix24.Generated.Generator.Tests.Infrastructure;

/// <summary>A spec handed to the generator as an AdditionalFile.</summary>
internal sealed class SpecText : AdditionalText
{
    private readonly SourceText _text;

    public SpecText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>What a build reports for a set of specs: the generator's output and the spec analyzer's diagnostics.</summary>
internal sealed class SpecRun
{
    public SpecRun(GeneratorRunResult generator, ImmutableArray<Diagnostic> analyzerDiagnostics)
    {
        Generator = generator;
        // The generator itself reports nothing; anything it did report would show here too.
        Diagnostics = generator.Diagnostics.AddRange(analyzerDiagnostics);
    }

    public GeneratorRunResult Generator { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public ImmutableArray<GeneratedSourceResult> GeneratedSources => Generator.GeneratedSources;

    public Exception? Exception => Generator.Exception;
}

/// <summary>Runs the generator the way the compiler does, over specs and a small C# program.</summary>
internal static class GeneratorRunner
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator);
        return platform
            .Where(path => System.IO.Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) ||
                           System.IO.Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(Bitrix24Connection).Assembly.Location)
            // The runtime's own dependencies, as a consumer gets them with its package.
            .Append(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location)
            .Append(typeof(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    /// <summary>The emulator's assembly, as the Bitrix24.Generated.Emulator package hands it to a test project.</summary>
    public static MetadataReference EmulatorReference { get; } = MetadataReference.CreateFromFile(typeof(Bitrix24.Emulator.Bitrix24Emulator).Assembly.Location);

    /// <summary>The directory the shipped specs are copied to.</summary>
    public static string ShippedSpecsDirectory => System.IO.Path.Combine(AppContext.BaseDirectory, "specs");

    /// <summary>
    /// The hand-written calendar scope: the snapshots, the caching tests and the user-spec tests are about it, and it
    /// generates in a moment. The whole shipped set has tests of its own (<see cref="AllShippedSpecs"/>).
    /// </summary>
    public static IReadOnlyList<SpecText> CalendarSpecs() => SpecsUnder(System.IO.Path.Combine(ShippedSpecsDirectory, "calendar"));

    /// <summary>Every shipped spec, of every scope.</summary>
    public static IReadOnlyList<SpecText> AllShippedSpecs() => SpecsUnder(ShippedSpecsDirectory);

    private static List<SpecText> SpecsUnder(string directory) =>
        Directory.GetFiles(directory, "*.yaml", SearchOption.AllDirectories)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => new SpecText(path, File.ReadAllText(path)))
            .ToList();

    public static CSharpCompilation Compilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, "Program" + i + ".cs")),
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            // The SDK suppresses these two by default: references built against an older framework.
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> specs, bool trackSteps = false, string? rootNamespace = null)
    {
        return CSharpGeneratorDriver.Create(
            new[] { new Bitrix24Generator().AsSourceGenerator() },
            specs,
            ParseOptions,
            new OptionsProvider(GlobalOptions(rootNamespace)),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    /// <summary>
    /// Runs the generator once, then the spec analyzer over the same specs, as a build does; returns both
    /// results and the compilation with the generated code.
    /// </summary>
    public static (SpecRun Result, Compilation Output) Run(IEnumerable<AdditionalText> specs, string? rootNamespace = null, string? shippedFolder = null, IEnumerable<MetadataReference>? references = null)
    {
        var files = specs.ToImmutableArray();
        var driver = CSharpGeneratorDriver.Create(
                new[] { new Bitrix24Generator().AsSourceGenerator() },
                files,
                ParseOptions,
                new OptionsProvider(GlobalOptions(rootNamespace, shippedFolder)),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None))
            .RunGeneratorsAndUpdateCompilation(Compilation("namespace Consumer { internal static class Marker { } }").AddReferences(references ?? Array.Empty<MetadataReference>()), out var output, out _);
        var analyzerOptions = new AnalyzerOptions(files, new OptionsProvider(GlobalOptions(rootNamespace, shippedFolder)));
        var analysis = output.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new SpecAnalyzer()),
            new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: static (exception, _, _) => throw new InvalidOperationException("The spec analyzer failed.", exception), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var reported = analysis.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return (new SpecRun(driver.GetRunResult().Results.Single(), reported), output);
    }

    public static (SpecRun Result, Compilation Output) Run(params (string Path, string Text)[] specs) =>
        Run(specs.Select(spec => (AdditionalText)new SpecText(spec.Path, spec.Text)));

    private static Dictionary<string, string> GlobalOptions(string? rootNamespace, string? shippedFolder = null)
    {
        var options = new Dictionary<string, string>();
        if (shippedFolder is not null)
        {
            options["build_property.Bitrix24ShippedSpecsFolder"] = shippedFolder;
        }

        if (rootNamespace is not null)
        {
            options["build_property.Bitrix24RootNamespace"] = rootNamespace;
        }

        return options;
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        public OptionsProvider(Dictionary<string, string> global) => GlobalOptions = new Options(global);

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(new Dictionary<string, string>());

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
        }
    }
}
