using System.Linq;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Reading;
using Bitrix24.SpecImporter.Tests.Import;

namespace Bitrix24.SpecImporter.Tests.Mapping;

/// <summary>How parameter rows become parameters: which are required, their types, names and listed values.</summary>
public sealed class ParameterRulesTests
{
    private static readonly string[] Returned = ["result|boolean|Done"];

    [Fact]
    public void Rows_of_which_a_caller_passes_one_or_another_are_not_required_on_their_own()
    {
        var spec = Import(
            [
                "LIST_ID*|integer|The list. At least one of the parameters must be specified: `LIST_ID` or `LIST_CODE`",
                "LIST_CODE*|string|The list's code",
                "ITEM_ID*|integer|The item",
                "uuid*|string|Pass either the `uuid` or `crmId` parameter.",
                "crmId*|integer|The CRM id",
                "mode*|string|Either `fast` or `slow`",
                "CHAT_ID*|integer|The chat. Required if `DIALOG_ID` is not provided",
                "DIALOG_ID*|string|The dialog. Required if `CHAT_ID` is not provided",
                "token*|string|Required only for webhooks",
            ],
            """{"LIST_ID":4,"ITEM_ID":7,"uuid":"a","mode":"fast","CHAT_ID":1}""");

        Assert.Equal(["ITEM_ID", "mode"], spec.Parameters.Where(parameter => parameter.Required).Select(parameter => parameter.WireName));
    }

    [Fact]
    public void A_choice_named_under_a_table_makes_its_rows_optional()
    {
        const string Company = "### Company {#company}\n\n#|\n|| **Name**\n`type` | **Description** ||\n|| **uuid***\n[`string`](../data-types.md) | UUID ||\n"
            + "|| **crmId***\n[`integer`](../data-types.md) | CRM id ||\n|| **title***\n[`string`](../data-types.md) | Title ||\n|#\n\nPass either the `uuid` or `crmId` parameter.";
        var result = ThingPages.Folder(["company*|object|See [company](#company)"], """{"company":{"crmId":1,"title":"x"}}""", """{"result":true}""", Returned, Company).Import();

        var spec = ExampleShapesTests.Spec(result, ThingPages.Method);
        var company = spec.Types.Single(type => type.Name == spec.Parameters[0].Type.Name);
        Assert.Equal(["title"], company.Properties.Where(property => property.Required).Select(property => property.WireName));
    }

    [Fact]
    public void Rows_named_after_another_row_and_a_dot_are_its_fields()
    {
        var spec = Import(
            ["id*|integer|The thing", "fields*|object|The link", "fields.OTHER_ID*|integer|The other thing", "fields.SORT|integer|Its place", "files|array|Files", "files.name|string|A name"],
            """{"id":1,"fields":{"OTHER_ID":2},"files":[{"name":"a"}]}""");

        Assert.Equal(["id", "fields", "files"], spec.Parameters.Select(parameter => parameter.WireName));
        var fields = spec.Types.Single(type => type.Name == spec.Parameters[1].Type.Name);
        Assert.Equal(["OTHER_ID", "SORT"], fields.Properties.Select(property => property.WireName));
        Assert.True(fields.Properties[0].Required);
        Assert.Equal("named", BuiltInTypes.Name(spec.Parameters[2].Type.Items!.Kind));
    }

    [Fact]
    public void A_table_that_names_each_field_of_the_result_with_its_head_names_the_fields()
    {
        var result = ThingPages.Folder(
            ["id*|integer|The thing"],
            """{"id":1}""",
            """{"result":{"users":[1],"total":1}}""",
            ["result|thing|See [below](#thing)"],
            "### Thing {#thing}\n\n#|\n|| **Name**\n`type` | **Description** ||\n|| **result.users**\n[`integer[]`](../data-types.md) | Users ||\n"
            + "|| **result.total**\n[`integer`](../data-types.md) | Count ||\n|#").Import();

        var spec = ExampleShapesTests.Spec(result, ThingPages.Method);
        Assert.Equal(["users", "total"], spec.Types.Single(type => type.Name == "ShopThingGetThing").Properties.Select(property => property.WireName));
    }

    [Fact]
    public void A_char_is_a_flag_unless_it_lists_other_letters_or_the_examples_send_other_text()
    {
        var spec = Import(
            [
                "active|char|Whether it is active",
                "on|char|On:\n- `Y` — yes,\n- `N` — no.",
                "kind|char|The kind:\n- `A` — arrival,\n- `S` — sale.",
                "category|char|The pipeline",
            ],
            """{"active":"Y","on":"N","kind":"A","category":"2"}""");

        Assert.Equal(["flag", "flag", "string", "string"], spec.Parameters.Select(parameter => BuiltInTypes.Name(parameter.Type.Kind)));
        Assert.Equal(["A", "S"], spec.Parameters.Single(parameter => parameter.WireName == "kind").Values.Select(value => value.Value));
    }

    [Fact]
    public void A_fields_parameter_is_called_fields_and_an_object_or_map_lists_no_values()
    {
        var spec = Import(
            [
                "fields*|object|The values:\n- `field_n` — a field,\n- `value_n` — its value.",
                "filter|object|A filter; operators:\n- `>=` — at least,\n- `!` — not.",
                "ToString|string|A name members of every object have",
            ],
            """{"fields":{"A":1},"filter":{">=A":1},"ToString":"x"}""");

        Assert.Equal(["Fields", "Filter", "ToStringValue"], spec.Parameters.Select(parameter => parameter.CSharpName));
        Assert.All(spec.Parameters, parameter => Assert.Empty(parameter.Values));
    }

    [Fact]
    public void A_filter_or_an_order_that_links_to_the_fields_it_works_on_is_a_map()
    {
        const string Fields = "### Fields {#fields}\n\n#|\n|| **Name**\n`type` | **Description** ||\n|| **DATE_CREATE**\n[`datetime`](../data-types.md) | Created ||\n|#";
        var result = ThingPages.Folder(
            ["filter|object|See [fields](#fields)", "order|object|See [fields](#fields)", "part|object|See [fields](#fields)"],
            """{"filter":{">=DATE_CREATE":"2025-01-01"},"order":{"DATE_CREATE":"ASC"}}""",
            """{"result":true}""",
            Returned,
            Fields).Import();

        var spec = ExampleShapesTests.Spec(result, ThingPages.Method);
        Assert.Equal(["map", "map", "named"], spec.Parameters.Select(parameter => BuiltInTypes.Name(parameter.Type.Kind)));
        Assert.Equal(["any", "string"], spec.Parameters.Take(2).Select(parameter => BuiltInTypes.Name(parameter.Type.Items!.Kind)));
    }

    [Fact]
    public void A_file_used_instead_of_another_row_is_not_required_and_neither_is_a_row_relevant_only_for_some_calls()
    {
        var spec = Import(
            ["fileId*|integer|A stored file", "file*|string|A new file. Used instead of the `fileId` parameter.", "ITEMS*|array|Options. This field is relevant only for services of type `enum`."],
            """{"fileId":3}""");

        Assert.All(spec.Parameters, parameter => Assert.False(parameter.Required));
    }

    [Fact]
    public void A_method_of_one_word_is_the_one_its_page_names_in_code_as_its_file_name()
    {
        const string Page = """
            # Get the current profile

            > Scope: [`basic`](../scopes.md)

            The `{0}` method returns the caller's profile.

            ## Response Handling

            HTTP Status: **200**

            ```json
            {{"result":{{"ID":"1"}}}}
            ```
            """;
        var result = new DocsFolder()
            .Page("api-reference/common/profile.md", string.Format(System.Globalization.CultureInfo.InvariantCulture, Page, "profile"))
            .Page("api-reference/common/widgets.md", string.Format(System.Globalization.CultureInfo.InvariantCulture, Page, "gadgets"))
            .Import();

        Assert.Equal(["basic/profile.yaml"], result.Files.Keys.Where(file => file.EndsWith(".yaml", System.StringComparison.Ordinal)));
        Assert.Equal("Calls `profile`.", SpecDocument.Read("profile.yaml", result.Files["basic/profile.yaml"]).Method!.Summary);
    }

    private static MethodModel Import(string[] parameters, string request) =>
        ExampleShapesTests.Spec(ThingPages.Folder(parameters, request, """{"result":true}""", Returned).Import(), ThingPages.Method);
}
