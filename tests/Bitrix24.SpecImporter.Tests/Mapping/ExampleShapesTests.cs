using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Reading;
using Bitrix24.SpecImporter.Import;
using Bitrix24.SpecImporter.Mapping;
using Bitrix24.SpecImporter.Tests.Import;

namespace Bitrix24.SpecImporter.Tests.Mapping;

public sealed class ExampleShapesTests
{
    [Fact]
    public void Answers_that_agree_with_the_tables_change_nothing()
    {
        var result = GadgetPages.Folder().Import();

        Assert.Empty(result.Refinements);
        var get = Spec(result, "shop.gadget.get");
        Assert.Equal("integer", Kind(get, "ShopGadgetGetGadget", "ID"));
        Assert.Equal("flag", Kind(get, "ShopGadgetGetGadget", "VISIBLE"));
    }

    [Fact]
    public void Each_rule_refines_the_type_the_examples_show_at_every_depth()
    {
        var result = GadgetPages.Folder(
            request: """{"id":"5","fields":{"ACTIVE":"Y","SINCE":"1733932740"}}""",
            answer: """{"result":{"ID":"5","PRICE":9.5,"VISIBLE":true,"CREATED":"1733932740","NOTE":"free","PARTS":[{"QTY":"1","CODES":["7","8"]},{"QTY":"2","CODES":[]}]}}""").Import();

        var get = Spec(result, "shop.gadget.get");
        Assert.Equal("integer-string", BuiltInTypes.Name(get.Parameters.Single(parameter => parameter.WireName == "id").Type.Kind));
        Assert.Equal("flag", Kind(get, "ShopGadgetGetFields", "ACTIVE"));
        Assert.Equal("unix-time-string", Kind(get, "ShopGadgetGetFields", "SINCE"));
        Assert.Equal("integer-string", Kind(get, "ShopGadgetGetGadget", "ID"));
        Assert.Equal("number", Kind(get, "ShopGadgetGetGadget", "PRICE"));
        Assert.Equal("boolean", Kind(get, "ShopGadgetGetGadget", "VISIBLE"));
        Assert.Equal("unix-time-string", Kind(get, "ShopGadgetGetGadget", "CREATED"));
        Assert.Equal("integer-string", Kind(get, "ShopGadgetGetPart", "QTY"));
        var codes = Property(get, "ShopGadgetGetPart", "CODES").Type;
        Assert.Equal(WireKind.Array, codes.Kind);
        Assert.Equal(WireKind.IntegerString, codes.Items!.Kind);

        // Raw JSON stays raw, whatever the example shows.
        Assert.Equal("any", Kind(get, "ShopGadgetGetGadget", "NOTE"));
        Assert.Contains(result.Refinements, refinement => refinement.Slot.ToString() == "type ShopGadgetGetPart.CODES[]" && refinement.To == WireKind.IntegerString);
        Assert.Equal(9, result.Refinements.Count);
    }

    [Fact]
    public void A_value_that_contradicts_the_others_keeps_the_documented_type()
    {
        var result = GadgetPages.Folder(
            answer: """{"result":{"ID":"5","PRICE":10,"VISIBLE":"Y","CREATED":1,"PARTS":[{"QTY":"1","CODES":["7",8]},{"QTY":2}]}}""").Import();

        var get = Spec(result, "shop.gadget.get");
        Assert.Equal("integer-string", Kind(get, "ShopGadgetGetGadget", "ID"));
        Assert.Equal("integer", Kind(get, "ShopGadgetGetPart", "QTY"));
        Assert.Equal(WireKind.Integer, Property(get, "ShopGadgetGetPart", "CODES").Type.Items!.Kind);
    }

    [Fact]
    public void A_type_shared_by_two_methods_refines_in_both_only_when_neither_contradicts()
    {
        var agreeing = GadgetPages.Folder(
            answer: """{"result":{"ID":"5","PRICE":10}}""",
            listAnswer: """{"result":[{"ID":"6","PRICE":11}],"total":1}""").Import();
        Assert.Equal("integer-string", Kind(Spec(agreeing, "shop.gadget.get"), "ShopGadgetGetGadget", "ID"));
        Assert.Equal("integer-string", Kind(Spec(agreeing, "shop.gadget.list"), "ShopGadgetGetGadget", "ID"));

        var contradicting = GadgetPages.Folder(
            answer: """{"result":{"ID":"5","PRICE":10}}""",
            listAnswer: """{"result":[{"ID":6,"PRICE":11}],"total":1}""").Import();
        var get = Spec(contradicting, "shop.gadget.get");
        var list = Spec(contradicting, "shop.gadget.list");
        Assert.Equal("integer", Kind(get, "ShopGadgetGetGadget", "ID"));
        Assert.Equal(get.Types.Single(type => type.Name == "ShopGadgetGetGadget"), list.Types.Single(type => type.Name == "ShopGadgetGetGadget"));
        Assert.All(contradicting.Outcomes, outcome => Assert.Null(outcome.Reason));
    }

    [Fact]
    public void Null_and_empty_strings_show_nothing_and_error_answers_are_not_read()
    {
        var evidence = ExampleShapes.Observe(Method(
            [new PropertyModel("count", "Count", TypeRef.Of(WireKind.Integer), false, null, null, null, default)],
            TypeRef.Of(WireKind.Integer),
            new ExampleModel("call", """{"count":null}""", 200, """{"result":"12"}"""),
            new ExampleModel("empty", """{"count":""}""", 200, null),
            new ExampleModel("error", null, 400, """{"result":7}""")));

        Assert.Equal(ShapeForm.None, evidence.Forms(Slots.Parameter("shop.thing.count", "count")));
        Assert.Equal(WireKind.IntegerString, evidence.Refined(Slots.Result("shop.thing.count"), WireKind.Integer));
    }

    [Fact]
    public void Map_values_and_nested_collections_refine_along_their_declared_type()
    {
        var nested = new TypeRef(WireKind.Map, null, new TypeRef(WireKind.Array, null, TypeRef.Of(WireKind.Integer), null), TypeRef.IntegerKey);
        var method = Method(
            [new PropertyModel("groups", "Groups", nested, false, null, null, null, default)],
            new TypeRef(WireKind.Map, null, TypeRef.Of(WireKind.Boolean), null),
            new ExampleModel("call", """{"groups":{"1":["4","5"],"2":[]}}""", 200, """{"result":{"a":"Y","b":"N"}}"""));

        var (refined, refinements) = TypeRefiner.Refine(method, ExampleShapes.Observe(method));

        Assert.Equal(WireKind.IntegerString, refined.Parameters[0].Type.Items!.Items!.Kind);
        Assert.Equal(TypeRef.IntegerKey, refined.Parameters[0].Type.KeyType);
        Assert.Equal(WireKind.Flag, refined.Result.Type.Items!.Kind);
        Assert.Equal(["params shop.thing.count.groups{}[]", "result shop.thing.count{}"], refinements.Select(refinement => refinement.Slot.ToString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("410", "NumericString")]
    [InlineData("0", "NumericString")]
    [InlineData("007", "DecimalString")]
    [InlineData("-3", "DecimalString")]
    [InlineData("99999999999", "DecimalString")]
    [InlineData("54.71411", "DecimalString")]
    [InlineData("1.2.3", "Other")]
    [InlineData("red", "Other")]
    [InlineData("**put_id_here**", "None")]
    [InlineData("Y", "YesNo")]
    [InlineData("", "None")]
    public void Only_strings_that_write_back_as_written_count_as_numbers(string text, string form)
    {
        using var document = System.Text.Json.JsonDocument.Parse(System.Text.Json.JsonSerializer.Serialize(text));
        Assert.Equal(form, ExampleShapes.Form(document.RootElement).ToString());
    }

    private static MethodModel Method(PropertyModel[] parameters, TypeRef result, params ExampleModel[] examples) =>
        new(string.Empty, "shop.thing.count", "shop", null, "Counts.", null, false, new(parameters), new ResultModel(result, null), default, default, new(examples));

    internal static MethodModel Spec(ImportResult result, string method) =>
        SpecDocument.Read(method + ".yaml", result.Files["shop/" + method + ".yaml"]).Method!;

    private static PropertyModel Property(MethodModel method, string type, string property) =>
        method.Types.Single(declared => declared.Name == type).Properties.Single(declared => declared.WireName == property);

    private static string Kind(MethodModel method, string type, string property) => BuiltInTypes.Name(Property(method, type, property).Type.Kind);
}
