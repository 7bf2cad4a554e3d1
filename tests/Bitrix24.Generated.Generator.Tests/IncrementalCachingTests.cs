using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Bitrix24.Generated.Generator.Parsing;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bitrix24.Generated.Generator.Tests;

/// <summary>The pipeline re-does only what an edit touches, and its models hold nothing from Roslyn or YamlDotNet.</summary>
public class IncrementalCachingTests
{
    private static readonly string[] TrackedSteps = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (string)field.GetValue(null)!)
        .ToArray();

    private static readonly string[] PerSpecSteps = { TrackingNames.SpecFiles, TrackingNames.Parsed, TrackingNames.Validated };

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_step_cached()
    {
        var specs = GeneratorRunner.ShippedSpecs();
        var compilation = GeneratorRunner.Compilation("namespace Consumer { internal static class A { } }");
        var driver = GeneratorRunner.Driver(specs, trackSteps: true).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class B { } }", GeneratorRunner.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Equal(TrackedSteps.OrderBy(n => n), result.TrackedSteps.Keys.Where(TrackedSteps.Contains).OrderBy(n => n));
        foreach (var name in TrackedSteps)
        {
            foreach (var output in result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + " was " + output.Reason);
            }
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_one_of_three_specs_reruns_only_that_spec()
    {
        // Three specs, one of which is edited: the settings methods.
        var specs = GeneratorRunner.ShippedSpecs().Where(s => s.Path.Contains("settings", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, specs.Count);
        var compilation = GeneratorRunner.Compilation("namespace Consumer { internal static class A { } }");
        var driver = GeneratorRunner.Driver(specs, trackSteps: true).RunGenerators(compilation);

        var target = specs.Single(s => s.Path.EndsWith("calendar.settings.get.yaml", StringComparison.Ordinal));
        var text = target.GetText()!.ToString().Replace("Reads the portal-wide calendar settings.", "Reads the calendar settings of the whole portal.", StringComparison.Ordinal);
        Assert.NotEqual(target.GetText()!.ToString(), text);
        driver = driver.ReplaceAdditionalText(target, new SpecText(target.Path, text)).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        foreach (var name in PerSpecSteps)
        {
            var outputs = result.TrackedSteps[name].SelectMany(step => step.Outputs).ToList();
            Assert.Equal(3, outputs.Count);
            var modified = outputs.Where(o => o.Reason == IncrementalStepRunReason.Modified).ToList();
            var changed = Assert.Single(modified);
            Assert.Equal(target.Path, PathOf(changed.Value));
            Assert.All(outputs.Except(modified), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + " was " + o.Reason));
        }

        var generated = result.GeneratedSources.Single(s => s.HintName == "Bitrix24.Generated.Calendar.CalendarApi.g.cs").SourceText.ToString();
        Assert.Contains("Reads the calendar settings of the whole portal.", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void No_model_holds_a_compilation_symbol_syntax_or_yaml_object()
    {
        var specs = GeneratorRunner.ShippedSpecs().Cast<AdditionalText>()
            .Append(new SpecText("/specs/bad.yaml", "method: a.b\nscope: [x\n"))
            .ToList();
        var driver = GeneratorRunner.Driver(specs, trackSteps: true).RunGenerators(GeneratorRunner.Compilation("class A { }"));
        var result = driver.GetRunResult().Results.Single();

        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var name in TrackedSteps)
        {
            foreach (var output in result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                AssertClean(output.Value, name, visited);
            }
        }

        Assert.True(visited.Count > 50, "the walk should reach the models, it reached " + visited.Count + " objects");
    }

    private static string? PathOf(object value) => value switch
    {
        ValueTuple<string, string?> file => file.Item1,
        ParsedSpec parsed => parsed.FilePath,
        Validation.ValidatedSpec validated => validated.Method?.FilePath ?? validated.Diagnostics.FirstOrDefault()?.Location.FilePath,
        _ => null,
    };

    private static void AssertClean(object? value, string step, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel, step + " holds a " + type);
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
            AssertClean(field.GetValue(value), step, visited);
        }
    }
}
