using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Bitrix24.Generated.Benchmarks;

/// <summary>
/// What the generator costs a build and an IDE, on the shipped calendar specs and on fifty renamed copies of
/// them: a cold run (the baseline), the re-runs after an edit that the incremental pipeline should make cheap,
/// and the spec analyzer. The compile of what is generated is <see cref="GeneratorCompileBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
[Config(typeof(GeneratedSizeColumns))]
public class GeneratorBenchmarks
{
    private ImmutableArray<AdditionalText> _specs;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _editedCompilation = null!;
    private GeneratorDriver _warm = null!;
    private GeneratorDriver _editing = null!;
    private AdditionalText _editedSpec = null!;
    private AdditionalText _otherText = null!;

    /// <summary>
    /// How many specs: the calendar scope, fifty renamed copies of it, or every shipped spec (1,503 today; the set
    /// fails clearly when that number changes, so that the figures always say what they measured).
    /// </summary>
    [Params(21, 1050, 1503)]
    public int Specs { get; set; }

    [GlobalSetup(Target = nameof(Cold))]
    public void SetupCold()
    {
        Load();
        var run = GeneratorHost.Driver(_specs).RunGenerators(_compilation).GetRunResult();
        GeneratorHost.Check(Specs, _specs, run);
        Console.WriteLine("// Generated from " + GeneratedSize.Of(Specs, run));
    }

    [GlobalSetup(Targets = new[] { nameof(UnrelatedEdit), nameof(OneSpecEdit) })]
    public void SetupEdits()
    {
        Load();
        _warm = GeneratorHost.Driver(_specs).RunGenerators(_compilation);
        _editedCompilation = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Consumer { internal static class Edited { public const int Value = 1; } }", GeneratorHost.ParseOptions, "Edited.cs"));

        // The same spec with another summary: the generated docs change, so the edit reaches the output.
        _editedSpec = _specs[0];
        var text = _editedSpec.GetText()!.ToString();
        var edited = Regex.Replace(text, @"^summary: (.*?)\r?$", "summary: $1 Edited.", RegexOptions.Multiline);
        if (edited == text)
        {
            throw new InvalidOperationException("The first spec has no summary to edit.");
        }

        _otherText = new SpecFile(_editedSpec.Path, edited);
        _editing = _warm;
    }

    [GlobalSetup(Target = nameof(Analyzer))]
    public void SetupAnalyzer() => Load();

    /// <summary>A new driver over the specs, as a first build or a build without the compiler server has.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Generator")]
    public GeneratorDriver Cold() => GeneratorHost.Driver(_specs).RunGenerators(_compilation);

    /// <summary>A warm driver after a C# file was added: nothing the generator reads changed, so all is cached.</summary>
    [Benchmark]
    [BenchmarkCategory("Generator")]
    public GeneratorDriver UnrelatedEdit() => _warm.RunGenerators(_editedCompilation);

    /// <summary>
    /// A warm driver after one spec changed, back and forth between two texts so that each call is a real edit:
    /// one spec is parsed and checked again, and the joined model emitted again.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory("Generator")]
    public GeneratorDriver OneSpecEdit()
    {
        var current = _editedSpec;
        _editing = _editing.ReplaceAdditionalText(current, _otherText).RunGenerators(_compilation);
        _editedSpec = _otherText;
        _otherText = current;
        return _editing;
    }

    /// <summary>
    /// The spec analyzer over the specs for one compilation. It reads only the spec files, so it runs on the
    /// consumer program alone; binding the generated code is the compile's cost, measured below.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory("Generator")]
    public ImmutableArray<Diagnostic> Analyzer()
    {
        var diagnostics = GeneratorHost.Analyze(_compilation, _specs);
        return diagnostics.IsEmpty ? diagnostics : throw new InvalidOperationException("The specs raised diagnostics.");
    }

    private void Load()
    {
        _specs = SpecSets.Get(Specs);
        _compilation = GeneratorHost.Compilation(Array.Empty<SyntaxTree>());
    }
}

/// <summary>
/// The compile of the generated code: a small consumer program with it, against the same program without it,
/// each a new compilation emitted with a PDB. The 1,050-spec compile takes the better part of a minute on
/// two cores, so this class asks for few iterations: the first (jitting) call warms up, and each measured
/// call is long enough to stand alone. Under <c>--job short</c> the class takes about three minutes.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
[Config(typeof(GeneratedSizeColumns))]
[WarmupCount(0)]
[IterationCount(2)]
public class GeneratorCompileBenchmarks
{
    private ImmutableArray<SyntaxTree> _generated;

    /// <summary>
    /// How many specs: the calendar scope, fifty renamed copies of it, or every shipped spec (1,503 today; the set
    /// fails clearly when that number changes, so that the figures always say what they measured).
    /// </summary>
    [Params(21, 1050, 1503)]
    public int Specs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var specs = SpecSets.Get(Specs);
        var run = GeneratorHost.Driver(specs).RunGenerators(GeneratorHost.Compilation(Array.Empty<SyntaxTree>())).GetRunResult();
        GeneratorHost.Check(Specs, specs, run);
        _generated = run.GeneratedTrees;

        // Roslyn from NuGet is not precompiled, so a process's first large compile runs on unoptimized JIT code
        // and takes twice as long as the next (minutes for the large set). The shipped set goes through the same
        // code paths in a few seconds: compiling it a few times first makes the large set's warm-up call short.
        if (Specs != SpecSets.Shipped)
        {
            var shipped = SpecSets.Get(SpecSets.Shipped);
            var small = GeneratorHost.Driver(shipped).RunGenerators(GeneratorHost.Compilation(Array.Empty<SyntaxTree>())).GetRunResult().GeneratedTrees;
            for (var i = 0; i < 3; i++)
            {
                GeneratorHost.Emit(GeneratorHost.Compilation(small));
            }
        }
    }

    /// <summary>The consumer program alone: the baseline.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Compile")]
    public EmitResult Without() => GeneratorHost.Emit(GeneratorHost.Compilation(Array.Empty<SyntaxTree>()));

    /// <summary>The same program with the generated code; every call also checks it compiled without a warning.</summary>
    [Benchmark]
    [BenchmarkCategory("Compile")]
    public EmitResult With() => GeneratorHost.Emit(GeneratorHost.Compilation(_generated));
}

/// <summary>
/// The size of the generated code as columns of the summary. The summary is written by the process that
/// started the benchmarks, not the one that ran them, so it generates the code itself, once per set.
/// </summary>
public sealed class GeneratedSizeColumns : ManualConfig
{
    public GeneratedSizeColumns()
    {
        AddColumn(
            new SizeColumn("Files", "Generated files", size => size.Files.ToString(CultureInfo.InvariantCulture)),
            new SizeColumn("KiB", "Generated source, KiB", size => size.KiB.ToString("0", CultureInfo.InvariantCulture)),
            new SizeColumn("KiB/method", "Generated KiB per method, not counting /// doc-comment lines", size => size.KiBPerMethodWithoutDocs.ToString("0.00", CultureInfo.InvariantCulture)));
    }

    private sealed class SizeColumn : IColumn
    {
        private readonly Func<GeneratedSize, string> _value;

        public SizeColumn(string name, string legend, Func<GeneratedSize, string> value)
        {
            ColumnName = name;
            Legend = legend;
            _value = value;
        }

        public string Id => nameof(GeneratedSizeColumns) + "." + ColumnName;

        public string ColumnName { get; }

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend { get; }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            benchmarkCase.Parameters["Specs"] is int specs ? _value(GeneratedSize.For(specs)) : "-";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
