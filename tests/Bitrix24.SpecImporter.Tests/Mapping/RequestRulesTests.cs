using System.Linq;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Reading;
using Bitrix24.SpecImporter.Import;
using Bitrix24.SpecImporter.Tests.Import;

namespace Bitrix24.SpecImporter.Tests.Mapping;

public sealed class RequestRulesTests
{
    private static readonly string[] Returned = ["result|boolean|Done"];

    [Fact]
    public void Keys_the_request_sends_but_the_table_lacks_become_optional_parameters_typed_by_their_value()
    {
        var result = ThingPages.Folder(
            ["id*|integer|Thing ID"],
            """{"ID":5,"limit":10,"rate":0.5,"name":"x","on":true,"ids":[1,2],"codes":["a"],"mixed":[1,"a"],"filter":{"a":1},"none":null}""",
            """{"result":true}""",
            Returned).Import();

        var spec = ExampleShapesTests.Spec(result, ThingPages.Method);
        string Kind(string name) => BuiltInTypes.Name(spec.Parameters.Single(parameter => parameter.WireName == name).Type.Kind);
        string Items(string name) => BuiltInTypes.Name(spec.Parameters.Single(parameter => parameter.WireName == name).Type.Items!.Kind);
        Assert.Equal(["id", "limit", "rate", "name", "on", "ids", "codes", "mixed", "filter", "none"], spec.Parameters.Select(parameter => parameter.WireName));
        Assert.Equal(["integer", "number", "string", "boolean", "array", "any", "any"], new[] { "limit", "rate", "name", "on", "ids", "filter", "none" }.Select(Kind));
        Assert.Equal(["integer", "string", "any"], new[] { "ids", "codes", "mixed" }.Select(Items));
        Assert.All(spec.Parameters.Skip(1), parameter => Assert.False(parameter.Required));
        Assert.All(spec.Parameters.Skip(1), parameter => Assert.Null(parameter.Description));
        Assert.Equal(9, result.Outcomes.Single().AddedParameters);
    }

    [Theory]
    [InlineData("""[5,{"a":1}]""")]
    [InlineData("""{"id":5,"id":6}""")]
    [InlineData("""{"id":5,"fields":{"A":1,"A":2}}""")]
    public void A_request_that_cannot_be_a_call_is_left_out(string request)
    {
        var result = ThingPages.Folder(["id*|integer|Thing ID"], request, """{"result":true}""", Returned).Import();

        var spec = ExampleShapesTests.Spec(result, ThingPages.Method);
        Assert.All(spec.Examples, example => Assert.Null(example.Request));
        Assert.Equal(1, result.Outcomes.Single().DroppedExamples);
        Assert.Contains("| 0 | 0 | 0 | 1 | 0 |", ImportReport.Write(result.Outcomes, result.Refinements), System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_with_a_key_twice_is_left_out()
    {
        var result = ThingPages.Folder(["id*|integer|Thing ID"], """{"id":5}""", """{"result":{"a":1,"a":2}}""", ["result|object|The thing"]).Import();

        var spec = ExampleShapesTests.Spec(result, ThingPages.Method);
        Assert.All(spec.Examples, example => Assert.Null(example.Response));
        Assert.Equal(1, result.Outcomes.Single().DroppedExamples);
    }
}
