using System;
using System.Linq;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generated.Generator.Tests.EmulatorClient;

/// <summary>
/// A project that references the emulator gets <c>portal.CreateClient()</c> beside its client; one that does not,
/// or that generates no client, gets nothing more.
/// </summary>
public class EmulatorClientTests
{
    private const string HintName = "Bitrix24.Generated.Bitrix24EmulatorExtensions.g.cs";

    [Fact]
    public void Without_the_emulator_nothing_more_is_generated()
    {
        var (result, output) = GeneratorRunner.Run(GeneratorRunner.CalendarSpecs());

        Assert.DoesNotContain(result.GeneratedSources, source => source.HintName.Contains("Emulator", StringComparison.Ordinal));
        Assert.Null(output.GetTypeByMetadataName("Bitrix24.Generated.Bitrix24EmulatorExtensions"));
    }

    [Fact]
    public void With_the_emulator_CreateClient_is_generated_and_compiles_without_warnings()
    {
        var (result, output) = GeneratorRunner.Run(GeneratorRunner.CalendarSpecs(), references: new[] { GeneratorRunner.EmulatorReference });

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        var create = Assert.Single(output.GetTypeByMetadataName("Bitrix24.Generated.Bitrix24EmulatorExtensions")!.GetMembers("CreateClient").OfType<IMethodSymbol>());
        Assert.True(create.IsExtensionMethod);
        Assert.Equal(Accessibility.Public, create.DeclaredAccessibility);
        Assert.Equal("Bitrix24.Generated.Bitrix24Client", create.ReturnType.ToDisplayString());
        Assert.Equal("Bitrix24.Emulator.Bitrix24Emulator", Assert.Single(create.Parameters).Type.ToDisplayString());

        var source = result.GeneratedSources.Single(s => s.HintName == HintName).SourceText.ToString();
        Assert.All(source.Split('\n'), line => Assert.True(line.Length <= 120, line));
        Snapshot.Match(HintName, source);
    }

    [Fact]
    public void The_other_generated_files_are_the_same_with_or_without_the_emulator()
    {
        var without = GeneratorRunner.Run(GeneratorRunner.CalendarSpecs()).Result.GeneratedSources;
        var with = GeneratorRunner.Run(GeneratorRunner.CalendarSpecs(), references: new[] { GeneratorRunner.EmulatorReference }).Result.GeneratedSources;

        Assert.Equal(
            without.Select(s => (s.HintName, s.SourceText.ToString())),
            with.Where(s => s.HintName != HintName).Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Fact]
    public void Under_a_root_namespace_of_the_project_s_own_it_compiles_without_warnings()
    {
        var (result, output) = GeneratorRunner.Run(GeneratorRunner.CalendarSpecs(), rootNamespace: "Contoso.Portal", references: new[] { GeneratorRunner.EmulatorReference });

        Assert.Contains(result.GeneratedSources, source => source.HintName == "Contoso.Portal.Bitrix24EmulatorExtensions.g.cs");
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.NotNull(output.GetTypeByMetadataName("Contoso.Portal.Bitrix24EmulatorExtensions"));
    }

    [Fact]
    public void With_the_emulator_but_no_specs_there_is_no_client_and_nothing_is_generated()
    {
        var (result, output) = GeneratorRunner.Run(Array.Empty<AdditionalText>(), references: new[] { GeneratorRunner.EmulatorReference });

        Assert.Empty(result.GeneratedSources);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void An_assembly_that_is_only_named_like_the_emulator_gets_nothing()
    {
        var impostor = GeneratorRunner.Compilation("namespace Other { public sealed class Portal { } }")
            .WithAssemblyName("Bitrix24.Emulator")
            .ToMetadataReference();

        var (result, output) = GeneratorRunner.Run(GeneratorRunner.CalendarSpecs(), references: new[] { impostor });

        Assert.DoesNotContain(result.GeneratedSources, source => source.HintName == HintName);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
