using System;
using System.IO;
using System.Linq;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Reading;
using Bitrix24.SpecImporter.Import;
using Bitrix24.SpecImporter.Tests.Mapping;

namespace Bitrix24.SpecImporter.Tests.Import;

public sealed class CorrectionTests
{
    private const string ListAnswer = """{"result":[{"ID":6}],"total":1}""";

    private static DocsFolder Folder() => GadgetPages.Folder(listAnswer: ListAnswer);

    private static MethodModel Get(ImportResult result) => ExampleShapesTests.Spec(result, "shop.gadget.get");

    private static ImportResult Corrected(string yaml)
    {
        var result = Folder().ImportCorrected(("shop.yaml", yaml));
        Assert.Empty(result.Errors);
        return result;
    }

    [Fact]
    public void Skip_leaves_the_method_out_with_the_reason()
    {
        var result = Corrected("""
            - method: shop.gadget.list
              reason: The page documents a call the portal no longer answers.
              skip: true
            """);

        Assert.False(result.Files.ContainsKey("shop/shop.gadget.list.yaml"));
        var outcome = result.Outcomes.Single(outcome => outcome.Method == "shop.gadget.list");
        Assert.Equal("left out by a correction: The page documents a call the portal no longer answers.", outcome.Reason);
        Assert.Contains("- `shop.gadget.list` (api-reference/shop/shop-gadget-list.md): left out by a correction", ImportReport.Write(result.Outcomes), StringComparison.Ordinal);
    }

    [Fact]
    public void Set_changes_the_method_s_keys()
    {
        var method = Get(Corrected("""
            - method: shop.gadget.get
              reason: Reasons of the test.
              set: {idempotent: false, csharpName: Fetch, summary: Reads one gadget., deprecated: shop.item.get}
            """));

        Assert.False(method.Idempotent);
        Assert.Equal("Fetch", method.CSharpName);
        Assert.Equal("Reads one gadget.", method.Summary);
        Assert.Equal("shop.item.get", method.Deprecated);
    }

    [Fact]
    public void Property_set_changes_a_parameter_and_a_declared_type_in_every_spec_that_declares_it()
    {
        var result = Corrected("""
            - method: shop.gadget.get
              reason: The answers send the ID as text.
              property: types.ShopGadgetGetGadget.ID
              set: {type: integer-string, required: true}
            - method: shop.gadget.get
              reason: The fields are optional and named Filter in C#.
              property: params.fields
              set: {csharpName: Filter}
            - method: shop.gadget.get
              reason: Codes are text.
              property: types.ShopGadgetGetPart.CODES
              set: {items: string}
            """);

        var get = Get(result);
        var id = get.Types.Single(type => type.Name == "ShopGadgetGetGadget").Properties.Single(property => property.WireName == "ID");
        Assert.Equal(WireKind.IntegerString, id.Type.Kind);
        Assert.True(id.Required);
        Assert.Equal("Filter", get.Parameters.Single(parameter => parameter.WireName == "fields").CSharpName);
        Assert.Equal(WireKind.String, get.Types.Single(type => type.Name == "ShopGadgetGetPart").Properties.Single(property => property.WireName == "CODES").Type.Items!.Kind);

        // The list declares the same gadget: it gets the same change, or the two declarations would clash.
        var list = ExampleShapesTests.Spec(result, "shop.gadget.list");
        Assert.Equal(get.Types.Single(type => type.Name == "ShopGadgetGetGadget"), list.Types.Single(type => type.Name == "ShopGadgetGetGadget"));
        Assert.All(result.Outcomes, outcome => Assert.Null(outcome.Reason));
    }

    [Fact]
    public void Remove_add_result_and_example_corrections_apply()
    {
        var result = Corrected("""
            - method: shop.gadget.get
              reason: The portal ignores NOTE.
              property: types.ShopGadgetGetGadget.NOTE
              remove: true
            - method: shop.gadget.get
              reason: The answers carry a COLOR the table leaves out.
              to: types.ShopGadgetGetGadget
              add: {name: COLOR, type: string, description: The colour.}
            - method: shop.gadget.get
              reason: The call takes a language too.
              to: params
              add:
                name: lang
                type: string
                values: [en, de]
            - method: shop.gadget.list
              reason: The list answers the parts.
              result: {type: array, items: ShopGadgetGetPart}
            - method: shop.gadget.get
              reason: The documented call uses another method's parameters.
              example: {drop: Documented call}
            """);

        var get = Get(result);
        var gadget = get.Types.Single(type => type.Name == "ShopGadgetGetGadget");
        Assert.DoesNotContain(gadget.Properties, property => property.WireName == "NOTE");
        Assert.Equal("The colour.", gadget.Properties.Single(property => property.WireName == "COLOR").Description);
        Assert.Equal(["en", "de"], get.Parameters.Single(parameter => parameter.WireName == "lang").Values.Select(value => value.Value));
        Assert.Empty(get.Examples);
        Assert.False(result.Outcomes.Single(outcome => outcome.Method == "shop.gadget.get").RequestExample);

        var list = ExampleShapesTests.Spec(result, "shop.gadget.list");
        Assert.Equal("ShopGadgetGetPart", list.Result.Type.Items!.Name);
    }

    [Fact]
    public void The_report_lists_each_correction_under_its_scope_and_counts_it()
    {
        var result = Corrected("""
            - method: shop.gadget.get
              reason: The answers send the ID as text.
              property: types.ShopGadgetGetGadget.ID
              set: {type: integer-string}
            """);

        var report = ImportReport.Write(result.Outcomes, result.Refinements);
        Assert.Contains("| Scope folder | Pages | Method pages | Specs | Left out | Share | Requests | Answers | Keys recased | Params from requests | Results from answers | Examples left out | Corrected |", report, StringComparison.Ordinal);
        Assert.Contains("| shop | 2 | 2 | 2 | 0 | 100.0% | 1 | 2 | 0 | 0 | 0 | 0 | 1 |", report, StringComparison.Ordinal);
        Assert.Contains(
            "## Corrections\n\n### shop\n\n- `shop.gadget.get`: types.ShopGadgetGetGadget.ID: type integer → integer-string. Why: The answers send the ID as text.\n",
            report,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- method: shop.gadget.nothing\n  reason: r\n  skip: true\n", "(1,11)", "no page documents 'shop.gadget.nothing'")]
    [InlineData("- method: shop.gadget.get\n  reason: r\n  property: params.colour\n  remove: true\n", "(3,13)", "no parameter 'colour'")]
    [InlineData("- method: shop.gadget.get\n  reason: r\n  property: types.ShopGadget.ID\n  remove: true\n", "(3,13)", "declares no type 'ShopGadget'")]
    [InlineData("- method: shop.gadget.get\n  reason: r\n  property: types.ShopGadgetGetGadget.COLOR\n  set: {type: string}\n", "(3,13)", "type 'ShopGadgetGetGadget' has no property 'COLOR'")]
    [InlineData("- method: shop.gadget.get\n  reason: r\n  property: params.id\n  set: {type: integer}\n", "(4,15)", "already has this type")]
    [InlineData("- method: shop.gadget.get\n  reason: r\n  set: {idempotent: true}\n", "(3,21)", "already has idempotent true")]
    [InlineData("- method: shop.gadget.get\n  reason: r\n  example: {drop: Other call}\n", "(3,19)", "has no example 'Other call'")]
    [InlineData("- method: shop.gadget.get\n  reason: r\n  to: params\n  add: {name: id, type: string}\n", "(3,7)", "already has 'id'")]
    [InlineData("- method: shop.gadget.get\n  reason: r\n  result: ShopGadgetGetGadget\n", "(3,11)", "is already ShopGadgetGetGadget")]
    [InlineData("- method: shop.gadget.get\n  reason: r\n  result: ShopWidget\n", "(3,11)", "no imported spec declares the type 'ShopWidget'")]
    [InlineData("- method: shop.gadget.get\n  reason: r\n  property: params.id\n  set: {items: string}\n", "(4,16)", "'items' changes a array or set")]
    public void A_stale_correction_is_an_error_at_its_place(string yaml, string position, string message)
    {
        var result = Folder().ImportCorrected(("shop.yaml", yaml));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("corrections/shop.yaml" + position + ": error: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_correction_that_makes_the_spec_fail_the_analyzer_s_check_is_an_error()
    {
        // A paged list must answer an array.
        var result = Folder().ImportCorrected(("shop.yaml", "- method: shop.gadget.list\n  reason: r\n  result: {type: map, key: integer, values: ShopGadgetGetGadget}\n"));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("corrections/shop.yaml(1,11): error: after the corrections the spec has an error: B24", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_correction_in_another_scope_s_file_or_for_a_spec_written_by_hand_is_an_error()
    {
        var misplaced = Folder().ImportCorrected(("crm.yaml", "- method: shop.gadget.get\n  reason: r\n  skip: true\n"));
        Assert.Contains("its corrections go in shop.yaml", Assert.Single(misplaced.Errors).Message, StringComparison.Ordinal);

        var keep = new System.Collections.Generic.Dictionary<string, (string File, string Text)>(StringComparer.OrdinalIgnoreCase)
        {
            ["shop.gadget.list"] = ("shop/own.yaml", "method: shop.gadget.list\n"),
        };
        var own = Folder().Import(keep, Bitrix24.SpecImporter.Corrections.CorrectionSet.FromFiles([("corrections/shop.yaml", "- method: shop.gadget.list\n  reason: r\n  skip: true\n")]));
        Assert.Contains("written by hand (shop/own.yaml)", Assert.Single(own.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- method: shop.gadget.get\n  reason: [r\n", "(3,1)")]
    [InlineData("method: shop.gadget.get\n", "(1,1)", "a list of entries")]
    [InlineData("- method: shop.gadget.get\n  reason: r\n  skip: true\n  colour: red\n", "(4,3)", "'colour' is not a key of a correction")]
    [InlineData("- method: shop.gadget.get\n  skip: true\n", "(1,3)", "'reason' is required")]
    [InlineData("- method: shop.gadget.get\n  reason: \"  \"\n  skip: true\n", "(2,11)", "'reason' needs a value")]
    [InlineData("- method: shop.gadget.get\n  reason: r\n  skip: true\n  result: integer\n", "(1,3)", "one change; this one has skip, result")]
    [InlineData("- method: shop.gadget.get\n  reason: r\n", "(1,3)", "changes nothing")]
    [InlineData("- method: shop.gadget.get\n  reason: r\n  result: integer[]\n", "(3,11)", "'integer[]' is neither a built-in type")]
    [InlineData("- method: shop.gadget.get\n  reason: r\n  property: fields.id\n  remove: true\n", "(3,13)", "is not a property")]
    [InlineData("- method: shop.gadget.get\n  reason: r\n  property: params.id\n  set: {type: array}\n", "(4,8)", "needs 'items'")]
    [InlineData("- method: shop.gadget.get\n  reason: r\n  set: {paging: pages}\n", "(3,17)", "'paging' is one of start, none")]
    [InlineData("- method: shop.gadget.get\n  reason: r\n  skip: yes\n", "(3,9)")]
    public void A_file_that_is_not_valid_is_an_error_at_its_place(string yaml, string position, string? message = null)
    {
        var result = Folder().ImportCorrected(("shop.yaml", yaml));

        var error = result.Errors.First();
        Assert.StartsWith("corrections/shop.yaml" + position + ": error: ", error.ToString(), StringComparison.Ordinal);
        if (message is not null)
        {
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_file_of_comments_corrects_nothing()
    {
        var result = Folder().ImportCorrected(("shop.yaml", "# Nothing to correct yet.\n"));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void The_command_writes_corrected_specs_reproducibly_and_fails_on_a_stale_correction()
    {
        var root = Path.Combine(Path.GetTempPath(), "b24-corrections-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var (relative, text) in Folder().Files())
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, "docs", relative))!);
                File.WriteAllText(Path.Combine(root, "docs", relative), text);
            }

            var corrections = Path.Combine(root, "corrections");
            Directory.CreateDirectory(corrections);
            File.WriteAllText(Path.Combine(corrections, "shop.yaml"), "- method: shop.gadget.get\n  reason: Text IDs.\n  property: types.ShopGadgetGetGadget.ID\n  set: {type: integer-string}\n");
            File.WriteAllText(Path.Combine(corrections, "README.md"), "Not a correction file.\n");
            string[] import = ["import", Path.Combine(root, "docs"), "--out", Path.Combine(root, "specs"), "--corrections", corrections];

            Assert.Equal(0, Run(import, out _, out _));
            var first = Snapshot(Path.Combine(root, "specs"));
            Assert.Equal(0, Run(import, out _, out _));
            Assert.Equal(first, Snapshot(Path.Combine(root, "specs")));
            Assert.Contains("ShopGadgetGetGadget.ID: type integer → integer-string", first, StringComparison.Ordinal);
            Assert.Equal(0, Run([.. import, "--check"], out var checkOutput, out _));
            Assert.Contains("0 differ", checkOutput, StringComparison.Ordinal);

            // Without the corrections the specs differ; with a stale one the command fails and writes nothing.
            Assert.Equal(1, Run([.. import[..4], "--check"], out _, out _));
            File.AppendAllText(Path.Combine(corrections, "shop.yaml"), "- method: shop.gadget.gone\n  reason: r\n  skip: true\n");
            Assert.Equal(1, Run(import, out _, out var errors));
            Assert.Contains(Path.Combine(corrections, "shop.yaml").Replace('\\', '/') + "(5,11): error: no page documents 'shop.gadget.gone'", errors, StringComparison.Ordinal);
            Assert.Equal(first, Snapshot(Path.Combine(root, "specs")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static int Run(string[] args, out string output, out string errors)
    {
        using var outWriter = new StringWriter();
        using var errorWriter = new StringWriter();
        var code = ImportCommand.Parse(args)!.Run(outWriter, errorWriter);
        output = outWriter.ToString();
        errors = errorWriter.ToString();
        return code;
    }

    // Every file of a folder with its text, in a fixed order.
    private static string Snapshot(string folder) =>
        string.Concat(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(path => path + "\n" + File.ReadAllText(path) + "\n"));
}
