using System;
using System.IO;
using System.Linq;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using Bitrix24.Generated.Specs.Diagnostics;
using Bitrix24.Generated.Specs.Linking;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generated.Generator.Tests;

/// <summary>The whole shipped set, every scope, as a project with <c>Bitrix24Scopes=all</c> gets it.</summary>
public class ShippedSpecSetTests
{
    [Fact]
    public void Every_shipped_spec_passes_the_analyzer_without_an_error_or_a_warning()
    {
        var specs = GeneratorRunner.AllShippedSpecs();
        var set = SpecSet.Read(specs.Select(spec => (spec.Path, (string?)spec.GetText().ToString())), _ => true);

        var problems = set.Diagnostics.Where(diagnostic => diagnostic.Rule.Severity != SpecSeverity.Info).ToList();

        Assert.True(specs.Count > 1000, "Expected the imported scopes, found " + specs.Count + " specs.");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(20)));
        // Every spec generates: a method, or an event (the specs under <scope>/events/).
        var events = specs.Count(spec => spec.Path.Replace('\\', '/').Contains("/events/", StringComparison.Ordinal));
        Assert.True(events > 150, "Expected the imported events, found " + events + " event specs.");
        Assert.Equal(specs.Count - events, set.Linked.Count(linked => linked.Method is not null));
        Assert.Equal(events, set.Linked.Count(linked => linked.Event is not null));
    }

    [Fact]
    public void The_client_of_every_shipped_spec_compiles_without_a_warning()
    {
        var (result, output) = GeneratorRunner.Run(GeneratorRunner.AllShippedSpecs());

        Assert.Null(result.Exception);
        var problems = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(20)));
        Assert.True(result.GeneratedSources.Length > 1000);

        // Every event has its class, registered by name in the catalog of events.
        var catalog = result.GeneratedSources.Single(source => source.HintName == "Bitrix24.Generated.Bitrix24Events.g.cs").SourceText.ToString();
        Assert.Contains("Of<global::Bitrix24.Generated.Crm.OnCrmDealAdd>(", catalog, StringComparison.Ordinal);
        Assert.True(output.GetTypeByMetadataName("Bitrix24.Generated.Calendar.OnCalendarEntryAdd") is not null);
        Assert.True(catalog.Split("Of<").Length - 1 > 150);
    }
}
