using System.Linq;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generated.Generator.Tests;

/// <summary>Each bad spec gets its diagnostic, at the line and column of the mistake, and never a crash.</summary>
public class SpecDiagnosticsTests
{
    private const string Path = "/specs/test/test.item.get.yaml";

    public static TheoryData<string, string, string, int, int> BadSpecs() => new()
    {
        {
            "broken YAML",
            "method: test.item.get\nscope: [test\nsummary: Reads.\n",
            "B24001", 2, 8
        },
        {
            "missing method name",
            "scope: test\nsummary: Reads.\nresult:\n  type: boolean\n",
            "B24002", 1, 1
        },
        {
            "unknown top-level field",
            "method: test.item.get\nscope: test\nsummary: Reads.\nsumary: typo\nresult:\n  type: boolean\n",
            "B24003", 4, 1
        },
        {
            "unknown type",
            "method: test.item.get\nscope: test\nsummary: Reads.\nparams:\n  - name: id\n    type: Identifer\nresult:\n  type: boolean\n",
            "B24004", 6, 11
        },
        {
            "type that is not even a name",
            "method: test.item.get\nscope: test\nsummary: Reads.\nresult:\n  type: list of things\n",
            "B24004", 5, 9
        },
        {
            "duplicate parameter",
            "method: test.item.get\nscope: test\nsummary: Reads.\nparams:\n  - name: id\n    type: integer\n  - name: id\n    type: string\nresult:\n  type: boolean\n",
            "B24005", 7, 11
        },
        {
            "enum example outside the allowed values",
            "method: test.item.get\nscope: test\nsummary: Reads.\nparams:\n  - name: view\n    type: View\n    example: year\nresult:\n  type: boolean\ntypes:\n  View:\n    kind: enum\n    values:\n      - value: day\n      - value: week\n",
            "B24006", 7, 14
        },
        {
            "flag example other than Y or N",
            "method: test.item.get\nscope: test\nsummary: Reads.\nparams:\n  - name: active\n    type: flag\n    example: X\nresult:\n  type: boolean\n",
            "B24006", 7, 14
        },
        {
            "invalid method name",
            "method: test..get\nscope: test\nsummary: Reads.\nresult:\n  type: boolean\n",
            "B24007", 1, 9
        },
        {
            "wrong kind of value for required",
            "method: test.item.get\nscope: test\nsummary: Reads.\nparams:\n  - name: id\n    type: integer\n    required: maybe\nresult:\n  type: boolean\n",
            "B24010", 7, 15
        },
        {
            "wrong kind of value for an error status",
            "method: test.item.get\nscope: test\nsummary: Reads.\nresult:\n  type: boolean\nerrors:\n  - name: NotFound\n    code: NOT_FOUND\n    status: often\n",
            "B24010", 9, 13
        },
        {
            "array without items",
            "method: test.item.get\nscope: test\nsummary: Reads.\nparams:\n  - name: ids\n    type: array\nresult:\n  type: boolean\n",
            "B24012", 6, 11
        },
        {
            "key type with a bad pattern",
            "method: test.item.get\nscope: test\nsummary: Reads.\nparams:\n  - name: sections\n    type: map\n    key: Owner\n    values: integer\nresult:\n  type: boolean\ntypes:\n  Owner:\n    kind: key\n    patterns:\n      - name: User\n        format: user-id\n",
            "B24020", 16, 17
        },
        {
            "csharpName that is a keyword",
            "method: test.item.get\nscope: test\nsummary: Reads.\nparams:\n  - name: klass\n    csharpName: class\n    type: string\nresult:\n  type: boolean\n",
            "B24011", 6, 17
        },
        {
            "duplicate enum value",
            "method: test.item.get\nscope: test\nsummary: Reads.\nresult:\n  type: View\ntypes:\n  View:\n    kind: enum\n    values:\n      - value: day\n      - value: day\n",
            "B24013", 11, 16
        },
        {
            "example that is not JSON",
            "method: test.item.get\nscope: test\nsummary: Reads.\nresult:\n  type: boolean\nexamples:\n  - name: Broken\n    request: '{\"id\": }'\n",
            "B24014", 8, 14
        },
        {
            "two wire names with one C# name",
            "method: test.item.get\nscope: test\nsummary: Reads.\nparams:\n  - name: user_id\n    type: integer\n  - name: userId\n    type: integer\nresult:\n  type: boolean\n",
            "B24015", 7, 11
        },
        {
            "key type used as a value",
            "method: test.item.get\nscope: test\nsummary: Reads.\nresult:\n  type: Owner\ntypes:\n  Owner:\n    kind: key\n    patterns:\n      - name: User\n        format: user{id}\n",
            "B24033", 5, 9
        },
        {
            "union variants that the JSON cannot tell apart",
            "method: test.item.get\nscope: test\nsummary: Reads.\nresult:\n  type: Answer\ntypes:\n  Answer:\n    kind: union\n    variants:\n      - name: Count\n        type: integer\n      - name: Ratio\n        type: number\n",
            "B24016", 13, 15
        },
        {
            "a union of one variant",
            "method: test.item.get\nscope: test\nsummary: Reads.\nresult:\n  type: Answer\ntypes:\n  Answer:\n    kind: union\n    variants:\n      - name: Count\n        type: integer\n",
            "B24018", 8, 5
        },
        {
            "a union inside a union",
            "method: test.item.get\nscope: test\nsummary: Reads.\nresult:\n  type: Outer\ntypes:\n  Outer:\n    kind: union\n    variants:\n      - name: Inner\n        type: Inner\n      - name: Flag\n        type: boolean\n  Inner:\n    kind: union\n    variants:\n      - name: Count\n        type: integer\n      - name: Text\n        type: string\n",
            "B24035", 11, 15
        },
        {
            "a set of integers, which cannot be keys",
            "method: test.item.get\nscope: test\nsummary: Reads.\nparams:\n  - name: days\n    type: set\n    items: integer\nresult:\n  type: boolean\n",
            "B24034", 7, 12
        },
        {
            "a nested list written as a bare name",
            "method: test.item.get\nscope: test\nsummary: Reads.\nparams:\n  - name: grid\n    type: array\n    items: array\nresult:\n  type: boolean\n",
            "B24017", 7, 12
        },
        {
            "a map key that is neither integer nor a key type",
            "method: test.item.get\nscope: test\nsummary: Reads.\nparams:\n  - name: byDate\n    type: map\n    key: date\n    values: string\nresult:\n  type: boolean\n",
            "B24036", 7, 10
        },
        {
            "a method C# name that is not an identifier",
            "method: test.item.getbyid\ncsharpName: Get By Id\nscope: test\nsummary: Reads.\nresult:\n  type: boolean\n",
            "B24011", 2, 13
        },
        {
            "a set result, which no method answers with",
            "method: test.item.list\nscope: test\nsummary: Lists.\nresult:\n  type: set\n  items: string\n",
            "B24022", 5, 9
        },
        {
            "paging without a start parameter",
            "method: test.item.list\nscope: test\nsummary: Lists.\npaging: start\nresult:\n  type: array\n  items: string\n",
            "B24024", 4, 9
        },
        {
            "fast paging over a filter that is not a map",
            "method: test.item.list\nscope: test\nsummary: Lists.\npaging: start\nfastPaging:\n  id: ID\n  filter: filter\nparams:\n  - name: start\n    type: integer\n  - name: filter\n    type: string\nresult:\n  type: array\n  items: string\n",
            "B24026", 7, 11
        },
        {
            "fast paging by an id the items do not have",
            "method: test.item.list\nscope: test\nsummary: Lists.\npaging: start\nfastPaging:\n  id: CODE\n  filter: filter\nparams:\n  - name: start\n    type: integer\n  - name: filter\n    type: map\n    values: string\nresult:\n  type: array\n  items: Item\ntypes:\n  Item:\n    kind: object\n    properties:\n      - name: ID\n        type: integer\n",
            "B24027", 6, 7
        },
        {
            "a property named like a member every generated class has",
            "method: test.item.get\nscope: test\nsummary: Reads.\nparams:\n  - name: extra\n    csharpName: AdditionalProperties\n    type: string\nresult:\n  type: boolean\n",
            "B24037", 6, 17
        },
        {
            "userFields that is empty",
            "method: test.item.get\nscope: test\nsummary: Reads.\nresult:\n  type: Item\ntypes:\n  Item:\n    kind: object\n    userFields: \"\"\n    properties: []\n",
            "B24043", 9, 17
        },
        {
            "userFields that is a pattern, not the start of a field name",
            "method: test.item.get\nscope: test\nsummary: Reads.\nresult:\n  type: Item\ntypes:\n  Item:\n    kind: object\n    userFields: UF_CRM_...\n    properties: []\n",
            "B24043", 9, 17
        },
        {
            "userFields on a type that is not an object",
            "method: test.item.get\nscope: test\nsummary: Reads.\nresult:\n  type: Kind\ntypes:\n  Kind:\n    kind: enum\n    userFields: UF_\n    values:\n      - value: a\n",
            "B24043", 9, 5
        },
        {
            "userFields that is a list",
            "method: test.item.get\nscope: test\nsummary: Reads.\nresult:\n  type: Item\ntypes:\n  Item:\n    kind: object\n    userFields: [UF_, ufCrm]\n    properties: []\n",
            "B24010", 9, 17
        },
        {
            "a type named like a .NET type the generated code uses",
            "method: test.item.get\nscope: test\nsummary: Reads.\nresult:\n  type: Task\ntypes:\n  Task:\n    kind: object\n    properties: []\n",
            "B24032", 7, 3
        },
        {
            "an API version that is neither classic nor v3",
            "method: test.item.get\nscope: test\napi: v2\nsummary: Reads.\nresult:\n  type: boolean\n",
            "B24010", 3, 6
        },
        {
            "docs that is not an absolute URL",
            "method: test.item.get\nscope: test\nsummary: Reads.\ndocs: api-reference/test/test-item-get.html\nresult:\n  type: boolean\n",
            "B24039", 4, 7
        },
        {
            "deprecated that is neither a boolean nor a method name",
            "method: test.item.get\nscope: test\nsummary: Reads.\ndeprecated: see test.entity.get\nresult:\n  type: boolean\n",
            "B24040", 4, 13
        },
        {
            "params that are not a list",
            "method: test.item.get\nscope: test\nsummary: Reads.\nparams: id\nresult:\n  type: boolean\n",
            "B24010", 4, 9
        },
        {
            "a filter parameter of a classic method",
            "method: test.item.list\nscope: test\nsummary: Lists.\nparams:\n  - name: filter\n    type: filter\n    items: TestItem\nresult:\n  type: boolean\ntypes:\n  TestItem:\n    kind: object\n    properties:\n      - name: id\n        type: integer\n        filterable: true\n",
            "B24045", 6, 11
        },
        {
            "a filter as a property of a type",
            "method: test.item.list\nscope: test\napi: v3\nsummary: Lists.\nresult:\n  type: TestQuery\ntypes:\n  TestQuery:\n    kind: object\n    properties:\n      - name: filter\n        type: filter\n        items: TestQuery\n",
            "B24045", 12, 15
        },
        {
            "a select of a built-in type",
            "method: test.item.list\nscope: test\napi: v3\nsummary: Lists.\nparams:\n  - name: select\n    type: select\n    items: string\nresult:\n  type: boolean\n",
            "B24046", 8, 12
        },
        {
            "a filter of an enum",
            "method: test.item.list\nscope: test\napi: v3\nsummary: Lists.\nparams:\n  - name: filter\n    type: filter\n    items: TestState\nresult:\n  type: boolean\ntypes:\n  TestState:\n    kind: enum\n    values:\n      - value: a\n",
            "B24046", 8, 12
        },
        {
            "page paging on a classic method",
            "method: test.item.list\nscope: test\nsummary: Lists.\npaging: page\nparams:\n  - name: pagination\n    type: any\nresult:\n  type: TestItem\ntypes:\n  TestItem:\n    kind: object\n    properties:\n      - name: id\n        type: integer\n        filterable: true\n",
            "B24047", 4, 9
        },
        {
            "page paging without pagination",
            "method: test.item.list\nscope: test\napi: v3\nsummary: Lists.\npaging: page\nresult:\n  type: TestItem\ntypes:\n  TestItem:\n    kind: object\n    properties:\n      - name: id\n        type: integer\n        filterable: true\n",
            "B24047", 5, 9
        },
        {
            "filterable on a parameter",
            "method: test.item.list\nscope: test\nsummary: Lists.\nparams:\n  - name: id\n    type: integer\n    filterable: true\nresult:\n  type: boolean\n",
            "B24048", 7, 17
        },
    };

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public void A_bad_spec_gets_its_diagnostic_at_the_mistake(string mistake, string spec, string id, int line, int column)
    {
        var (result, _) = GeneratorRunner.Run((Path, spec));

        Assert.Null(result.Exception);
        var diagnostic = result.Diagnostics.FirstOrDefault(d => d.Id == id);
        Assert.True(diagnostic is not null, mistake + ": expected " + id + ", got " + string.Join("; ", result.Diagnostics));
        var span = diagnostic!.Location.GetLineSpan();
        Assert.Equal(Path, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }

    [Fact]
    public void Two_specs_declaring_one_type_differently_clash_at_the_second()
    {
        const string first = "method: test.a.get\nscope: test\nsummary: A.\nresult:\n  type: Item\ntypes:\n  Item:\n    kind: object\n    properties:\n      - name: id\n        type: integer\n";
        const string second = "method: test.b.get\nscope: test\nsummary: B.\nresult:\n  type: Item\ntypes:\n  Item:\n    kind: object\n    properties:\n      - name: id\n        type: string\n";

        var (result, _) = GeneratorRunner.Run(("/specs/a.yaml", first), ("/specs/b.yaml", second));

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "B24008");
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(("/specs/b.yaml", 7, 3), (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Contains("/specs/a.yaml", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Identical_declarations_in_two_specs_are_fine()
    {
        const string type = "types:\n  Item:\n    kind: object\n    properties:\n      - name: id\n        type: integer\n";
        var (result, output) = GeneratorRunner.Run(
            ("/specs/a.yaml", "method: test.a.get\nscope: test\nsummary: A.\nresult:\n  type: Item\n" + type),
            ("/specs/b.yaml", "method: test.b.get\nscope: test\nsummary: B.\nresult:\n  type: Item\n" + type));

        Assert.Empty(result.Diagnostics);
        Assert.Single(result.GeneratedSources, s => s.SourceText.ToString().Contains("public sealed partial class Item ", System.StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void The_same_method_in_two_specs_is_reported_at_the_second()
    {
        const string spec = "method: test.item.get\nscope: test\nsummary: Reads.\nresult:\n  type: boolean\n";

        var (result, _) = GeneratorRunner.Run(("/specs/a.yaml", spec), ("/specs/b.yaml", spec));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("B24009", diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(("/specs/b.yaml", 1, 9), (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }

    [Fact]
    public void A_broken_shared_type_is_reported_once_and_leaves_out_every_method_using_it()
    {
        const string shared = "method: test.a.get\nscope: test\nsummary: A.\nresult:\n  type: Item\ntypes:\n  Item:\n    kind: object\n    properties:\n      - name: owner\n        type: Persn\n";
        const string user = "method: test.b.get\nscope: test\nsummary: B.\nresult:\n  type: Item\n";

        var (result, output) = GeneratorRunner.Run(("/specs/a.yaml", shared), ("/specs/b.yaml", user));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("B24004", diagnostic.Id);
        Assert.Equal(("/specs/a.yaml", 11, 15), (diagnostic.Location.GetLineSpan().Path, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1));
        Assert.Null(output.GetTypeByMetadataName("Bitrix24.Generated.Test.TestAApi"));
        Assert.Null(output.GetTypeByMetadataName("Bitrix24.Generated.Test.TestBApi"));
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void A_good_spec_beside_a_bad_one_still_generates()
    {
        var (result, output) = GeneratorRunner.Run(
            ("/specs/bad.yaml", "method: test.bad.get\nscope: test\nsummary: Bad.\nresult:\n  type: Missing\n"),
            ("/specs/good.yaml", "method: test.good.get\nscope: test\nsummary: Good.\nresult:\n  type: boolean\n"));

        Assert.Single(result.Diagnostics, d => d.Id == "B24004");
        var client = output.GetTypeByMetadataName("Bitrix24.Generated.Test.TestGoodApi");
        Assert.NotNull(client);
        Assert.Contains(client!.GetMembers(), m => m.Name == "GetAsync");
        Assert.Null(output.GetTypeByMetadataName("Bitrix24.Generated.Test.TestBadApi"));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Unknown_keys_warn_but_do_not_stop_generation()
    {
        var (result, output) = GeneratorRunner.Run((Path, "method: test.item.get\nscope: test\nsummary: Reads.\ncolour: red\nresult:\n  type: boolean\n"));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("expected one of: method, scope", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.NotNull(output.GetTypeByMetadataName("Bitrix24.Generated.Test.TestItemApi"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("just a sentence")]
    [InlineData("- a\n- list\n")]
    [InlineData("method: a.b\n---\nmethod: c.d\n")]
    [InlineData("method: [\n")]
    [InlineData("types:\n  T:\n    kind: object\n    properties: 5\nresult: {type: T}\nmethod: a.b\nscope: s\nsummary: x\n")]
    public void Malformed_files_never_crash_the_generator(string text)
    {
        var (result, _) = GeneratorRunner.Run((Path, text));

        Assert.Null(result.Exception);
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.StartsWith("B24", d.Id, System.StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "B24099");
    }
}
