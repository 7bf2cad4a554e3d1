using System.Linq;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Reading;
using Bitrix24.SpecImporter.Tests.Import;

namespace Bitrix24.SpecImporter.Tests.Mapping;

public sealed class ShapeConflictsTests
{
    private const string Part = "### Part {#part}\n\n#|\n|| **Name**\n`type` | **Description** ||\n|| **A**\n[`integer`](../data-types.md) | A ||\n|#";

    private static readonly string[] Parameters =
    [
        "filter|array|Filter", "select|string|Fields", "shape|part|See [below](#part)", "mode|boolean|Mode", "gps|number|Coordinate",
        "code|string|Code", "rate|string|Rate", "count|integer|Count", "flag|boolean|Flag", "status|integer|Status", "owner|integer|Owner",
    ];

    [Fact]
    public void Values_of_a_shape_the_declared_type_cannot_hold_make_it_raw_json()
    {
        var spec = Import("""{"filter":{"a":1},"select":["ID"],"shape":[1],"mode":1,"gps":"54.71","code":796,"rate":1.5,"count":3,"flag":true,"status":"N","owner":"**put_owner_id**"}""", """{"result":true}""");

        Assert.Equal("any", Kind(spec, "filter"));
        Assert.Equal("any", Kind(spec, "select"));
        // The parameter takes raw JSON; the documented type itself stays declared.
        Assert.Equal("any", Kind(spec, "shape"));
        Assert.Contains(spec.Types, type => type.Name == "ShopThingGetPart");
        Assert.Equal("integer", Kind(spec, "mode"));
        Assert.Equal("string", Kind(spec, "gps"));
        Assert.Equal("integer", Kind(spec, "code"));
        Assert.Equal("number", Kind(spec, "rate"));
        Assert.Equal("integer", Kind(spec, "count"));
        Assert.Equal("boolean", Kind(spec, "flag"));
        Assert.Equal("string", Kind(spec, "status"));
        // A placeholder stands for a value and shows no form.
        Assert.Equal("integer", Kind(spec, "owner"));
    }

    [Fact]
    public void Values_of_the_declared_shape_change_nothing()
    {
        var spec = Import("""{"filter":[1],"select":"ID","shape":{"A":2},"mode":true,"gps":54.7,"code":"x","rate":"y","count":3}""", """{"result":true}""");

        Assert.Equal(["array", "string", "named", "boolean", "number", "string", "string", "integer"], Parameters.Take(8).Select(row => Kind(spec, row.Split('|')[0])));
    }

    [Fact]
    public void A_false_or_an_empty_array_for_a_structure_is_no_contradiction()
    {
        var spec = Import("""{"filter":false,"shape":[],"select":[]}""", """{"result":true}""");

        Assert.Equal(["array", "named", "string"], new[] { "filter", "shape", "select" }.Select(name => Kind(spec, name)));
    }

    [Fact]
    public void Answer_fields_of_another_shape_become_raw_json_and_the_request_form_wins_over_the_answers()
    {
        var result = ThingPages.Folder(
            ["code|string|Code"],
            """{"code":796}""",
            """{"result":{"LIST":{"a":1},"PART":[{"A":1}],"NAME":{"de":"x"},"CODE":"796"}}""",
            ["result|thing|See [below](#thing)"],
            "### Thing {#thing}\n\n#|\n|| **Name**\n`type` | **Description** ||\n|| **LIST**\n[`integer[]`](../data-types.md) | List ||\n"
            + "|| **PART**\n[`part`](#part) | Part ||\n|| **NAME**\n[`string`](../data-types.md) | Name ||\n|| **CODE**\n[`integer`](../data-types.md) | Code ||\n|#\n\n" + Part).Import();

        var spec = ExampleShapesTests.Spec(result, ThingPages.Method);
        var thing = spec.Types.Single(type => type.Name == "ShopThingGetThing");
        Assert.Equal(["any", "any", "any", "integer-string"], thing.Properties.Select(property => BuiltInTypes.Name(property.Type.Kind)));
        Assert.Equal("integer", Kind(spec, "code"));
    }

    private static MethodModel Import(string request, string answer) =>
        ExampleShapesTests.Spec(ThingPages.Folder(Parameters, request, answer, ["result|boolean|Done"], Part).Import(), ThingPages.Method);

    private static string Kind(MethodModel spec, string name) => BuiltInTypes.Name(spec.Parameters.Single(parameter => parameter.WireName == name).Type.Kind);
}
