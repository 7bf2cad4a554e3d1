using System;
using System.Linq;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bitrix24.Generated.Generator.Tests;

/// <summary>
/// A REST 3.0 list with a filter and a select over an object type gives the type a class of its fields: a filterable
/// field compares values of its own type only, any field is selected, a related object's fields dotted, and a select
/// takes no other type's fields. With <c>paging: page</c> the list has its walk over every page.
/// </summary>
public class TypedQueryTests
{
    private const string List = """
        method: shop.gadget.list
        scope: shop
        api: v3
        summary: Lists gadgets.
        idempotent: true
        paging: page
        params:
          - name: select
            type: select
            items: ShopGadget
          - name: filter
            type: filter
            items: ShopGadget
          - name: pagination
            type: ShopGadgetListPagination
        result:
          type: ShopGadgetListResult
        types:
          ShopGadget:
            kind: object
            properties:
              - name: id
                type: integer
                filterable: true
              - name: status
                type: ShopGadgetStatus
                filterable: true
              - name: createdAt
                type: datetime
                filterable: true
              - name: title
                type: string
              - name: responsible
                type: ShopUser
              - name: parent
                type: ShopGadget
          ShopGadgetStatus:
            kind: enum
            values:
              - value: NEW
              - value: DONE
          ShopUser:
            kind: object
            properties:
              - name: id
                type: integer
                filterable: true
              - name: name
                type: string
          ShopGadgetListPagination:
            kind: object
            properties:
              - name: page
                type: integer
              - name: limit
                type: integer
          ShopGadgetListResult:
            kind: object
            properties:
              - name: items
                type: array
                items: ShopGadget
        """;

    // Another entity, for a select that names a field of the wrong type.
    private const string Other = """
        method: shop.widget.list
        scope: shop
        api: v3
        summary: Lists widgets.
        params:
          - name: select
            type: select
            items: ShopWidget
        result:
          type: boolean
        types:
          ShopWidget:
            kind: object
            properties:
              - name: id
                type: integer
        """;

    private const string Use = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Bitrix24.Generated;
        using Bitrix24.Generated.Shop;

        /// <summary>Lists.</summary>
        public static class Caller
        {
            /// <summary>Lists.</summary>
            /// <param name="client">The client.</param>
            /// <returns>The gadgets.</returns>
            public static IAsyncEnumerable<ShopGadget> ListAsync(Bitrix24Client client)
            {
                var filter = new Bitrix24Filter<ShopGadget>
                {
                    ShopGadgetFields.Status.EqualTo(ShopGadgetStatus.New),
                    ShopGadgetFields.Id.In(1, 2) | ShopGadgetFields.Responsible.Id.EqualTo(3),
                    !ShopGadgetFields.CreatedAt.LessThan(new Bitrix24DateTime(new System.DateTimeOffset(2025, 1, 1, 0, 0, 0, System.TimeSpan.Zero))),
                };
                var select = new Bitrix24Select<ShopGadget>(
                    ShopGadgetFields.Title, ShopGadgetFields.Responsible.Name, ShopGadgetFields.Parent.Parent.Title);
                return client.Shop.Gadget.ListAllAsync(new ShopGadgetListRequest { Filter = filter, Select = select });
            }

            /// <summary>Lists one page.</summary>
            /// <param name="client">The client.</param>
            /// <returns>The page.</returns>
            public static async Task<int> PageAsync(Bitrix24Client client)
            {
                var page = await client.Shop.Gadget.ListAsync(select: new(ShopGadgetFields.Id), filter: ShopGadgetFields.Id.GreaterThan(5));
                return page.Value.Items?.Count ?? 0;
            }
        }
        """;

    [Fact]
    public void The_fields_compile_without_warnings_and_serve_filters_selects_and_the_walk()
    {
        var (result, output) = GeneratorRunner.Run(("/app/specs/shop.gadget.list.yaml", List), ("/app/specs/shop.widget.list.yaml", Other));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
        var compiled = output.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Use, GeneratorRunner.ParseOptions));
        Assert.Empty(compiled.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));

        Assert.NotNull(output.GetTypeByMetadataName("Bitrix24.Generated.Shop.ShopGadgetFields"));
        Assert.NotNull(output.GetTypeByMetadataName("Bitrix24.Generated.Shop.ShopUserFields`1"));
        // Only a type a filter or select names has fields of its own; one it reaches has them as a related object's.
        Assert.Null(output.GetTypeByMetadataName("Bitrix24.Generated.Shop.ShopUserFields"));
        var api = output.GetTypeByMetadataName("Bitrix24.Generated.Shop.ShopGadgetApi")!;
        Assert.Contains(api.GetMembers("ListAllAsync"), member => member is IMethodSymbol);
    }

    [Theory]
    [InlineData("ShopGadgetFields.Title.EqualTo(\"a\")", "Bitrix24Condition<ShopGadget>", "CS1061")]
    [InlineData("ShopGadgetFields.Id.EqualTo(\"a\")", "Bitrix24Condition<ShopGadget>", "CS1503")]
    [InlineData("ShopGadgetFields.Responsible.Name.EqualTo(\"a\")", "Bitrix24Condition<ShopGadget>", "CS1061")]
    [InlineData("ShopGadgetFields.Status.EqualTo(1)", "Bitrix24Condition<ShopGadget>", "CS1503")]
    [InlineData("new Bitrix24Select<ShopGadget>(ShopWidgetFields.Id)", "Bitrix24Select<ShopGadget>", "CS1503")]
    [InlineData("ShopWidgetFields.Id", "Bitrix24QueryField<ShopGadget>", "CS0029")]
    public void A_query_the_type_does_not_allow_does_not_compile(string expression, string type, string error)
    {
        var (result, output) = GeneratorRunner.Run(("/app/specs/shop.gadget.list.yaml", List), ("/app/specs/shop.widget.list.yaml", Other));
        Assert.Empty(result.Diagnostics);
        var misuse = $$"""
            using Bitrix24.Generated;
            using Bitrix24.Generated.Shop;

            /// <summary>Misuses.</summary>
            public static class Misuse
            {
                /// <summary>Misuses.</summary>
                /// <returns>Nothing good.</returns>
                public static {{type}} Make() => {{expression}};
            }
            """;

        var compiled = output.AddSyntaxTrees(CSharpSyntaxTree.ParseText(misuse, GeneratorRunner.ParseOptions));

        var errors = compiled.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Select(diagnostic => diagnostic.Id).ToList();
        Assert.Contains(error, errors);
    }

    [Fact]
    public void Fields_of_a_related_object_are_dotted_and_built_when_asked_for()
    {
        var (_, output) = GeneratorRunner.Run(("/app/specs/shop.gadget.list.yaml", List));

        var source = output.SyntaxTrees.Select(tree => tree.ToString()).Single(text => text.Contains("class ShopGadgetFields", StringComparison.Ordinal));
        Assert.Contains("public static Bitrix24FilterField<ShopGadget, int> Id { get; } = new(\"id\", Bitrix24Converters.Int32);", source, StringComparison.Ordinal);
        Assert.Contains("public static Bitrix24QueryField<ShopGadget, string> Title { get; } = new(\"title\");", source, StringComparison.Ordinal);
        Assert.Contains("public static ShopUserFields<ShopGadget> Responsible => new(\"responsible\");", source, StringComparison.Ordinal);
        Assert.Contains("public ShopGadgetFields<TRoot> Parent => new(_path + \".parent\");", source, StringComparison.Ordinal);
        // An enum compares by its wire values.
        Assert.Contains("new(\"status\", ShopGadgetStatusJsonConverter.Instance);", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_related_type_declared_by_another_spec_has_its_fields_in_that_specs_output()
    {
        var user = """

              ShopUser:
                kind: object
                properties:
                  - name: id
                    type: integer
                    filterable: true
                  - name: name
                    type: string
            """;
        var list = List.Replace(user.TrimStart('\n') + "\n", string.Empty, StringComparison.Ordinal);
        Assert.NotEqual(List, list);

        var (result, output) = GeneratorRunner.Run(("/app/specs/shop.gadget.list.yaml", list), ("/app/specs/shop.widget.list.yaml", Other + user));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
        var widget = result.GeneratedSources.Single(source => source.HintName.EndsWith("ShopWidgetList.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("public sealed class ShopUserFields<TRoot>", widget, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_queried_specs_summary_leaves_the_index_and_every_other_output_cached()
    {
        var specs = GeneratorRunner.CalendarSpecs().Append(new SpecText("/app/specs/shop.gadget.list.yaml", List)).Append(new SpecText("/app/specs/shop.widget.list.yaml", Other)).ToList();
        var compilation = GeneratorRunner.Compilation("namespace Consumer { internal static class A { } }");
        var driver = GeneratorRunner.Driver(specs, trackSteps: true).RunGenerators(compilation);

        var edited = new SpecText("/app/specs/shop.gadget.list.yaml", List.Replace("Lists gadgets.", "Lists the gadgets.", StringComparison.Ordinal));
        var result = driver.ReplaceAdditionalText(specs[^2], edited).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.All(result.TrackedSteps[TrackingNames.Index].SelectMany(step => step.Outputs), output => Assert.Equal(IncrementalStepRunReason.Unchanged, output.Reason));
        var emitted = result.TrackedOutputSteps["SourceOutput"].Count(step => step.Outputs.Any(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New));
        Assert.Equal(1, emitted);
    }

    [Fact]
    public void A_filterable_property_of_every_kind_gives_fields_that_compile()
    {
        const string Kinds = """
            method: shop.thing.list
            scope: shop
            api: v3
            summary: Lists things.
            params:
              - name: filter
                type: filter
                items: ShopThing
            result:
              type: boolean
            types:
              ShopThing:
                kind: object
                properties:
                  - { name: flag, type: flag, filterable: true }
                  - { name: yes, type: boolean, filterable: true }
                  - { name: count, type: integer-string, filterable: true }
                  - { name: share, type: number, filterable: true }
                  - { name: day, type: date, filterable: true }
                  - { name: stamp, type: unix-time, filterable: true }
                  - { name: stampText, type: unix-time-string, filterable: true }
                  - { name: raw, type: any, filterable: true }
                  - { name: picture, type: file, filterable: true }
                  - { name: tags, type: array, items: string, filterable: true }
                  - { name: days, type: set, items: string, filterable: true }
                  - { name: counts, type: map, values: integer, filterable: true }
                  - { name: answer, type: ShopAnswer, filterable: true }
                  - { name: owners, type: array, items: ShopOwner }
              ShopAnswer:
                kind: union
                variants:
                  - name: Count
                    type: integer
                  - name: Owner
                    type: ShopOwner
              ShopOwner:
                kind: object
                properties:
                  - { name: id, type: integer, filterable: true }
            """;

        var (result, output) = GeneratorRunner.Run(("/app/specs/shop.thing.list.yaml", Kinds));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
        var source = output.SyntaxTrees.Select(tree => tree.ToString()).Single(text => text.Contains("class ShopThingFields", StringComparison.Ordinal));
        // A list of objects is a relation too.
        Assert.Contains("public static ShopOwnerFields<ShopThing> Owners => new(\"owners\");", source, StringComparison.Ordinal);
        Assert.Contains("Bitrix24FilterField<ShopThing, JsonNode?> Raw", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_type_named_as_a_fields_class_takes_a_generated_name()
    {
        var taken = List + """

              ShopUserFields:
                kind: object
                properties:
                  - name: id
                    type: integer
            """;

        var (result, _) = GeneratorRunner.Run(("/app/specs/shop.gadget.list.yaml", taken));

        var diagnostic = Assert.Single(result.Diagnostics, diagnostic => diagnostic.Id == "B24031");
        Assert.Contains("ShopUserFields", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Page_paging_without_a_page_and_limit_to_set_is_reported()
    {
        var bare = List.Replace("      - name: page\n        type: integer\n", string.Empty, StringComparison.Ordinal);

        var (result, _) = GeneratorRunner.Run(("/app/specs/shop.gadget.list.yaml", bare));

        Assert.Contains(result.Diagnostics, diagnostic => diagnostic.Id == "B24047");
    }
}
