using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Bitrix24.Generated.Generator.Analysis;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generated.Generator.Tests;

/// <summary>Spec mistakes come from the analyzer, per spec file, so an IDE shows them on the file being edited.</summary>
public class SpecAnalyzerTests
{
    private const string Broken = "method: test.item.get\nscope: test\nsummary: Reads.\nparams:\n  - name: id\n    type: Identifer\nresult:\n  type: boolean\n";
    private const string Fixed = "method: test.item.get\nscope: test\nsummary: Reads.\nparams:\n  - name: id\n    type: integer\nresult:\n  type: boolean\n";

    [Fact]
    public void The_generator_stays_silent_and_leaves_the_broken_spec_out_while_the_analyzer_reports_it()
    {
        var (result, _) = GeneratorRunner.Run(("/specs/a.yaml", Broken), ("/specs/b.yaml", Fixed.Replace("test.item.get", "test.other.get", StringComparison.Ordinal)));

        Assert.Empty(result.Generator.Diagnostics);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("B24004", diagnostic.Id);
        Assert.Equal("/specs/a.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("OtherApi", StringComparison.Ordinal));
        Assert.DoesNotContain(result.GeneratedSources, s => s.SourceText.ToString().Contains("TestItemGetRequest", StringComparison.Ordinal));
    }

    [Fact]
    public void Fixing_the_spec_clears_its_diagnostic()
    {
        var (before, _) = GeneratorRunner.Run(("/specs/a.yaml", Broken));
        var (after, _) = GeneratorRunner.Run(("/specs/a.yaml", Fixed));

        Assert.Single(before.Diagnostics);
        Assert.Empty(after.Diagnostics);
    }

    [Fact]
    public void A_clash_between_two_specs_is_reported_on_the_spec_that_causes_it_and_only_once()
    {
        var (result, _) = GeneratorRunner.Run(("/specs/a.yaml", Fixed), ("/specs/b.yaml", Fixed));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("B24009", diagnostic.Id);
        Assert.Equal("/specs/b.yaml", diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void Files_that_are_not_specs_are_left_alone()
    {
        var (result, _) = GeneratorRunner.Run(("/docs/notes.txt", "method: [broken"), ("/specs/a.yaml", Fixed));

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void The_analyzer_declares_every_diagnostic_of_the_release_file()
    {
        var released = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "AnalyzerReleases.Unshipped.md"))
            .Select(line => Regex.Match(line, @"^(B24\d{3})\s*\|"))
            .Where(match => match.Success)
            .Select(match => match.Groups[1].Value)
            .Order(StringComparer.Ordinal);

        var declared = new SpecAnalyzer().SupportedDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal);

        Assert.Equal(released, declared);
    }

    [Fact]
    public void Every_spec_rule_has_the_descriptor_of_its_id_and_severity()
    {
        var descriptors = new SpecAnalyzer().SupportedDiagnostics.ToDictionary(d => d.Id);

        Assert.Equal(Specs.Diagnostics.SpecRules.All.Count, descriptors.Count);
        foreach (var rule in Specs.Diagnostics.SpecRules.All)
        {
            var descriptor = descriptors[rule.Id];
            var expected = rule.Severity switch
            {
                Specs.Diagnostics.SpecSeverity.Error => DiagnosticSeverity.Error,
                Specs.Diagnostics.SpecSeverity.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Info,
            };
            Assert.Equal(expected, descriptor.DefaultSeverity);
            Assert.Equal(rule.MessageFormat, descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
