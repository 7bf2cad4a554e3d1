using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Bitrix24.Generated.Generator;
using Bitrix24.Generated.Generator.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generated.Benchmarks;

/// <summary>A spec handed to the generator and the analyzer as an AdditionalFile.</summary>
internal sealed class SpecFile : AdditionalText
{
    private readonly SourceText _text;

    public SpecFile(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>
/// The sets of specs the generator benchmarks run on: the shipped calendar scope, and fifty renamed copies of it
/// standing in for a portal-sized API.
/// </summary>
internal static class SpecSets
{
    /// <summary>How many specs the calendar scope has; a set of another size is made of copies of it.</summary>
    public static readonly int Shipped = Directory.GetFiles(Repository.CalendarSpecs, "*.yaml").Length;

    /// <summary>How many specs the package ships in all its scopes: a set of this size is every one of them.</summary>
    public static readonly int AllShipped = Directory.GetFiles(Repository.AllSpecs, "*.yaml", SearchOption.AllDirectories).Length;

    private static readonly ConcurrentDictionary<int, ImmutableArray<AdditionalText>> Cache = new();

    /// <summary>
    /// The shipped specs for their own count; for a multiple of it, that many copies, each under a scope of its
    /// own (<c>calendar7</c>) with every declared type renamed to match (<c>Calendar7Event</c>), so that no
    /// method, type or C# name of one copy clashes with another's.
    /// </summary>
    public static ImmutableArray<AdditionalText> Get(int count) => Cache.GetOrAdd(count, Load);

    private static ImmutableArray<AdditionalText> Load(int count)
    {
        if (count == AllShipped)
        {
            return Directory.GetFiles(Repository.AllSpecs, "*.yaml", SearchOption.AllDirectories)
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (AdditionalText)new SpecFile(path, File.ReadAllText(path)))
                .ToImmutableArray();
        }

        var shipped = Directory.GetFiles(Repository.CalendarSpecs, "*.yaml")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (Name: Path.GetFileName(path), Text: File.ReadAllText(path)))
            .ToList();
        if (count == shipped.Count)
        {
            return shipped.Select(spec => (AdditionalText)new SpecFile(Path.Combine(Repository.CalendarSpecs, spec.Name), spec.Text)).ToImmutableArray();
        }

        if (count % shipped.Count != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"A set is the {shipped.Count} calendar specs, a multiple of them, or all {AllShipped} shipped specs.");
        }

        // Whole words only, longest first, so that CalendarEvent does not rename the start of CalendarEventRelations.
        var typeNames = shipped.SelectMany(spec => DeclaredTypes(spec.Text)).Distinct().OrderByDescending(name => name.Length).ToList();
        var types = new Regex(@"\b(" + string.Join("|", typeNames.Select(Regex.Escape)) + @")\b", RegexOptions.CultureInvariant);
        var methods = new Regex(@"\bcalendar\.(?=[a-z])", RegexOptions.CultureInvariant);
        var scope = new Regex(@"^scope: calendar\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

        var copies = ImmutableArray.CreateBuilder<AdditionalText>(count);
        for (var copy = 1; copy <= count / shipped.Count; copy++)
        {
            var n = copy.ToString(CultureInfo.InvariantCulture);
            foreach (var (name, text) in shipped)
            {
                var renamed = types.Replace(text, match => Renamed(match.Value, n));
                renamed = methods.Replace(renamed, "calendar" + n + ".");
                renamed = scope.Replace(renamed, "scope: calendar" + n);
                var path = Path.Combine(Path.GetTempPath(), "bitrix24-bench-specs", "calendar" + n, "calendar" + n + name["calendar".Length..]);
                copies.Add(new SpecFile(path, renamed));
            }
        }

        return copies.MoveToImmutable();
    }

    private static string Renamed(string typeName, string n) =>
        typeName.StartsWith("Calendar", StringComparison.Ordinal) ? "Calendar" + n + typeName["Calendar".Length..] : typeName + n;

    private static IEnumerable<string> DeclaredTypes(string spec)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(spec));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return root.Children.TryGetValue(new YamlScalarNode("types"), out var types)
            ? ((YamlMappingNode)types).Children.Keys.Select(key => ((YamlScalarNode)key).Value!).ToList()
            : Enumerable.Empty<string>();
    }
}

/// <summary>
/// Runs the generator, the spec analyzer and the compiler in process, as a build does, on public types only:
/// <see cref="Bitrix24Generator"/> through a <see cref="CSharpGeneratorDriver"/> and <see cref="SpecAnalyzer"/>
/// through <see cref="CompilationWithAnalyzers"/>.
/// </summary>
internal static class GeneratorHost
{
    /// <summary>
    /// Doc comments are trivia, as for a project that writes no documentation file (the default of a console
    /// app); the generated docs then cost parsing but no binding.
    /// </summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    /// <summary>A small program that uses the runtime but none of the generated code, so it compiles either way.</summary>
    public static readonly SyntaxTree ConsumerProgram = CSharpSyntaxTree.ParseText(
        """
        using System;
        using Bitrix24.Generated;

        namespace Consumer
        {
            public static class Program
            {
                public static int Main(string[] args)
                {
                    var webhook = Bitrix24Webhook.Parse(args.Length > 0 ? args[0] : "https://portal.example/rest/1/secret/");
                    Console.WriteLine(webhook);
                    return 0;
                }
            }
        }
        """,
        ParseOptions,
        "Program.cs",
        Encoding.UTF8);

    // The framework's own assemblies (not whatever else the benchmark process loaded), the runtime and its
    // package dependencies: what a consumer compiles against.
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => string.Equals(Path.GetDirectoryName(path), framework, StringComparison.Ordinal))
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) ||
                           Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(Bitrix24Connection).Assembly.Location)
            .Append(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location)
            .Append(typeof(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>
    /// A new compilation of the consumer program and <paramref name="trees"/>; new each time, since a compilation
    /// keeps what it has bound and a second emit of the same one would cost next to nothing.
    /// </summary>
    public static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees) => CSharpCompilation.Create(
        "Consumer",
        trees.Prepend(ConsumerProgram),
        References,
        new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable)
            // The SDK suppresses these two: references built against an older framework.
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    /// <summary>A driver as the compiler creates one: no step tracking, every output kept.</summary>
    public static GeneratorDriver Driver(ImmutableArray<AdditionalText> specs) => CSharpGeneratorDriver.Create(
        new[] { new Bitrix24Generator().AsSourceGenerator() },
        specs,
        ParseOptions,
        optionsProvider: null,
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    /// <summary>The spec analyzer's diagnostics for one compilation, as a build asks for them.</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, ImmutableArray<AdditionalText> specs) =>
        compilation
            .WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new SpecAnalyzer()),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(specs), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();

    /// <summary>
    /// Emits a compilation with a portable PDB, as <c>dotnet build</c> does, and throws on any error or warning:
    /// each measured compile checks itself, so no extra emit of a large set is needed just to check it.
    /// </summary>
    public static EmitResult Emit(Compilation compilation)
    {
        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        var result = compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (!result.Success || problems.Count > 0)
        {
            throw new InvalidOperationException("The consumer does not compile cleanly:\n" + Describe(problems));
        }

        return result;
    }

    /// <summary>
    /// The check before measuring: the generator ran, neither it nor the analyzer reports anything on the
    /// specs, and every spec became a method. A set the generator partly rejected would otherwise be measured
    /// as a smaller one. (That the output compiles is checked by every emit, see <see cref="Emit"/>.)
    /// </summary>
    public static void Check(int specCount, ImmutableArray<AdditionalText> specs, GeneratorDriverRunResult run)
    {
        var result = run.Results.Single();
        if (result.Exception is { } exception)
        {
            throw new InvalidOperationException("The generator failed on the " + specCount + " specs.", exception);
        }

        var problems = result.Diagnostics.AddRange(Analyze(Compilation(Array.Empty<SyntaxTree>()), specs));
        if (!problems.IsEmpty)
        {
            throw new InvalidOperationException($"The {specCount} specs raise diagnostics:\n" + Describe(problems));
        }

        var methods = CountMethods(specs);
        if (specs.Length != specCount || methods != specCount)
        {
            throw new InvalidOperationException($"Expected {specCount} specs of one method each, found {specs.Length} specs with {methods} methods.");
        }

        if (result.GeneratedSources.IsEmpty)
        {
            throw new InvalidOperationException($"Nothing was generated from the {specCount} specs.");
        }
    }

    private static int CountMethods(ImmutableArray<AdditionalText> specs) =>
        specs.Select(spec => spec.GetText()!.ToString()).Count(text => Regex.IsMatch(text, @"^method: \S+", RegexOptions.Multiline));

    private static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Take(20).Select(d => d.ToString()));
}

/// <summary>How much code a set of specs turns into.</summary>
internal sealed record GeneratedSize(int Methods, int Files, long Bytes, long BytesWithoutDocs)
{
    private static readonly ConcurrentDictionary<int, GeneratedSize> Cache = new();

    public double KiB => Bytes / 1024.0;

    /// <summary>KiB per method, not counting <c>///</c> doc-comment lines: the code a method really costs.</summary>
    public double KiBPerMethodWithoutDocs => BytesWithoutDocs / 1024.0 / Methods;

    /// <summary>The size for a set of specs, generated once per process.</summary>
    public static GeneratedSize For(int specCount) => Cache.GetOrAdd(specCount, count =>
        Of(count, GeneratorHost.Driver(SpecSets.Get(count)).RunGenerators(GeneratorHost.Compilation(Array.Empty<SyntaxTree>())).GetRunResult()));

    public static GeneratedSize Of(int methods, GeneratorDriverRunResult run)
    {
        var sources = run.Results.Single().GeneratedSources;
        long bytes = 0;
        long withoutDocs = 0;
        foreach (var source in sources)
        {
            var text = source.SourceText.ToString();
            bytes += Encoding.UTF8.GetByteCount(text);
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].TrimStart().StartsWith("///", StringComparison.Ordinal))
                {
                    withoutDocs += Encoding.UTF8.GetByteCount(lines[i]) + (i < lines.Length - 1 ? 1 : 0);
                }
            }
        }

        return new GeneratedSize(methods, sources.Length, bytes, withoutDocs);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Methods} methods: {Files} generated files, {KiB:0.0} KiB, {KiBPerMethodWithoutDocs:0.00} KiB per method without /// lines");
}
