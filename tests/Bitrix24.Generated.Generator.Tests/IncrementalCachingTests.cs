using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Bitrix24.Generated.Generator.Analysis;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using Bitrix24.Generated.Specs.Diagnostics;
using Bitrix24.Generated.Specs.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Bitrix24.Generated.Generator.Tests;

/// <summary>
/// The pipeline re-does only what an edit touches, down to the outputs: a spec's edit re-emits that spec's file
/// alone, and the models hold no positions, YAML or Roslyn objects. The analyzer re-reads only edited specs.
/// </summary>
public class IncrementalCachingTests
{
    private const string SourceOutput = "SourceOutput";

    private static readonly string[] TrackedSteps = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (string)field.GetValue(null)!)
        .ToArray();

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_step_and_output_cached()
    {
        var compilation = GeneratorRunner.Compilation("namespace Consumer { internal static class A { } }");
        var driver = GeneratorRunner.Driver(GeneratorRunner.CalendarSpecs(), trackSteps: true).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class B { } }", GeneratorRunner.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Equal(TrackedSteps.Order(), result.TrackedSteps.Keys.Where(TrackedSteps.Contains).Order());
        foreach (var name in TrackedSteps)
        {
            Assert.All(Outputs(result, name), output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + " was " + output.Reason));
        }

        Assert.All(result.TrackedOutputSteps[SourceOutput].SelectMany(step => step.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Referencing_the_emulator_emits_CreateClient_alone()
    {
        var compilation = GeneratorRunner.Compilation("namespace Consumer { internal static class A { } }");
        var driver = GeneratorRunner.Driver(GeneratorRunner.CalendarSpecs(), trackSteps: true).RunGenerators(compilation);

        var result = driver.RunGenerators(compilation.AddReferences(GeneratorRunner.EmulatorReference)).GetRunResult().Results.Single();

        Assert.All(Outputs(result, TrackingNames.EmulatorReferenced), output => Assert.Equal(IncrementalStepRunReason.Modified, output.Reason));
        foreach (var name in TrackedSteps.Where(name => name != TrackingNames.EmulatorReferenced))
        {
            Assert.All(Outputs(result, name), output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + " was " + output.Reason));
        }

        AssertOneOutputEmitted(result);
        Assert.Contains(result.GeneratedSources, source => source.HintName == "Bitrix24.Generated.Bitrix24EmulatorExtensions.g.cs");
    }

    [Fact]
    public void With_the_emulator_an_unrelated_csharp_edit_leaves_every_output_cached()
    {
        var compilation = GeneratorRunner.Compilation("namespace Consumer { internal static class A { } }").AddReferences(GeneratorRunner.EmulatorReference);
        var driver = GeneratorRunner.Driver(GeneratorRunner.CalendarSpecs(), trackSteps: true).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class B { } }", GeneratorRunner.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.All(Outputs(result, TrackingNames.EmulatorReferenced), output => Assert.Equal(IncrementalStepRunReason.Unchanged, output.Reason));
        Assert.All(result.TrackedOutputSteps[SourceOutput].SelectMany(step => step.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.Contains(result.GeneratedSources, source => source.HintName == "Bitrix24.Generated.Bitrix24EmulatorExtensions.g.cs");
    }

    [Fact]
    public void Editing_a_methods_summary_reads_links_and_emits_only_that_spec()
    {
        var (result, specs, target) = Edit("calendar.settings.get.yaml", "Reads the portal-wide calendar settings.", "Reads the calendar settings of the whole portal.");

        AssertOnlyTarget(result, TrackingNames.Read, specs.Count, target);
        AssertOnlyTarget(result, TrackingNames.Linked, specs.Count, target);
        Assert.All(Outputs(result, TrackingNames.Index), output => Assert.Equal(IncrementalStepRunReason.Unchanged, output.Reason));
        Assert.All(Outputs(result, TrackingNames.Names), output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        AssertOneOutputEmitted(result);
        var generated = result.GeneratedSources.Single(s => s.HintName == "Bitrix24.Generated.Calendar.CalendarSettingsGet.g.cs").SourceText.ToString();
        Assert.Contains("Reads the calendar settings of the whole portal.", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_type_relinks_every_spec_but_emits_only_the_one_that_declares_it()
    {
        var (result, specs, target) = Edit("calendar.user.settings.set.yaml", "Calendar preferences of a user.", "The calendar preferences of one user.");

        AssertOnlyTarget(result, TrackingNames.Read, specs.Count, target);
        Assert.All(Outputs(result, TrackingNames.Index), output => Assert.Equal(IncrementalStepRunReason.Modified, output.Reason));
        AssertOnlyTarget(result, TrackingNames.Linked, specs.Count, target);
        AssertOneOutputEmitted(result);
    }

    [Fact]
    public void No_model_holds_a_position_a_yaml_node_or_a_roslyn_object()
    {
        var specs = GeneratorRunner.CalendarSpecs().Cast<AdditionalText>()
            .Append(new SpecText("/specs/bad.yaml", "method: a.b\nscope: [x\n"))
            .ToList();
        var driver = GeneratorRunner.Driver(specs, trackSteps: true).RunGenerators(GeneratorRunner.Compilation("class A { }"));
        var result = driver.GetRunResult().Results.Single();

        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var name in TrackedSteps)
        {
            foreach (var output in Outputs(result, name))
            {
                AssertClean(output.Value, name, visited);
            }
        }

        Assert.True(visited.Count > 50, "the walk should reach the models, it reached " + visited.Count + " objects");
    }

    [Fact]
    public void The_analyzer_reads_again_only_the_spec_that_changed()
    {
        var cache = new SpecDocumentCache();
        var specs = GeneratorRunner.CalendarSpecs().Cast<AdditionalText>().ToList();
        Analyze(cache, specs);
        Assert.Equal(specs.Count, cache.Reads);

        Analyze(cache, specs);
        Assert.Equal(specs.Count, cache.Reads);

        var target = specs.Single(s => s.Path.EndsWith("calendar.settings.get.yaml", StringComparison.Ordinal));
        var edited = specs.Select(s => s == target ? new SpecText(s.Path, s.GetText()!.ToString() + "\n# edited\n") : s).ToList();
        Analyze(cache, edited);
        Assert.Equal(specs.Count + 1, cache.Reads);
    }

    private static (GeneratorRunResult Result, IReadOnlyList<SpecText> Specs, string Target) Edit(string file, string before, string after)
    {
        var specs = GeneratorRunner.CalendarSpecs();
        var compilation = GeneratorRunner.Compilation("namespace Consumer { internal static class A { } }");
        var driver = GeneratorRunner.Driver(specs, trackSteps: true).RunGenerators(compilation);

        var target = specs.Single(s => s.Path.EndsWith(file, StringComparison.Ordinal));
        var text = target.GetText()!.ToString().Replace(before, after, StringComparison.Ordinal);
        Assert.NotEqual(target.GetText()!.ToString(), text);
        driver = driver.ReplaceAdditionalText(target, new SpecText(target.Path, text)).RunGenerators(compilation);
        return (driver.GetRunResult().Results.Single(), specs, target.Path);
    }

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs);

    private static void AssertOnlyTarget(GeneratorRunResult result, string step, int count, string target)
    {
        var outputs = Outputs(result, step).ToList();
        Assert.Equal(count, outputs.Count);
        var modified = Assert.Single(outputs, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(target, PathOf(modified.Value));
        Assert.All(outputs.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + " was " + o.Reason));
    }

    private static void AssertOneOutputEmitted(GeneratorRunResult result)
    {
        var steps = result.TrackedOutputSteps[SourceOutput];
        var emitted = steps.Count(step => step.Outputs.Any(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New));
        Assert.Equal(1, emitted);
    }

    private static string? PathOf(object? value) => value switch
    {
        null => null,
        ValueTuple<object, object> pair => PathOf(pair.Item1),
        _ => value.GetType().GetProperty("FilePath")?.GetValue(value) as string,
    };

    private static void Analyze(SpecDocumentCache cache, IReadOnlyList<AdditionalText> specs)
    {
        var options = new AnalyzerOptions(specs.ToImmutableArray());
        var analysis = GeneratorRunner.Compilation("class A { }").WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new SpecAnalyzer(cache)),
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        Assert.Empty(analysis.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult());
    }

    private static void AssertClean(object? value, string step, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel, step + " holds a " + type);
        Assert.False(value is SourceLocation or SpecNode or SpecPath, step + " holds a position: " + type);
        Assert.False(type.Namespace?.StartsWith("YamlDotNet", StringComparison.Ordinal) == true, step + " holds a " + type);
        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertClean(item, step, visited);
            }

            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            // Lazy lookups the index builds from its own arrays.
            if (field.FieldType.IsGenericType && field.FieldType.GetGenericTypeDefinition() == typeof(Lazy<>))
            {
                continue;
            }

            AssertClean(field.GetValue(value), step, visited);
        }
    }
}
