using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>
/// <c>type: any</c>: a field, list item, map value or result that keeps any JSON value exactly as a
/// <see cref="JsonNode"/> and writes it back as held; values built in code with the node types go out as built.
/// </summary>
public class RawJsonTests
{
    [Theory]
    [InlineData("""{"a":[1,2,{"b":null,"c":"x"}],"d":{}}""", JsonValueKind.Object)]
    [InlineData("""[1,"two",null,{"three":[3]},[]]""", JsonValueKind.Array)]
    [InlineData("\"text with a tab \\t and a new line \\n\"", JsonValueKind.String)]
    [InlineData("\"\"", JsonValueKind.String)]
    [InlineData("12.50", JsonValueKind.Number)]
    [InlineData("-1e3", JsonValueKind.Number)]
    [InlineData("true", JsonValueKind.True)]
    [InlineData("false", JsonValueKind.False)]
    public void A_field_keeps_any_value_and_writes_it_back_exactly(string data, JsonValueKind kind)
    {
        var json = """{"ID":1,"DATA":""" + data + "}";

        var value = Read(json)!;

        Assert.Equal(kind, value.Data!.GetValueKind());
        Assert.Equal(data, value.Data.ToJsonString());
        Assert.Null(value.AdditionalProperties);
        Assert.Equal(json, Write(value));
    }

    [Fact]
    public void Null_reads_as_no_value_and_is_written_back_as_it_came()
    {
        var value = Read("""{"ID":1,"DATA":null}""")!;

        Assert.Null(value.Data);
        Assert.Equal(JsonValueKind.Null, value.AdditionalProperties!["DATA"].ValueKind);
        Assert.Equal("""{"ID":1,"DATA":null}""", Write(value));
    }

    [Fact]
    public void Items_and_map_values_keep_every_value_null_included()
    {
        const string json = """{"ITEMS":[1,"a",null,{"x":[true]}],"EXTRA":{"k":{"n":1.0},"m":null,"s":"t"}}""";

        var value = Read(json)!;

        Assert.Equal(4, value.Items!.Count);
        Assert.Equal(1, (int)value.Items[0]!);
        Assert.Equal("a", (string?)value.Items[1]);
        Assert.Null(value.Items[2]);
        Assert.Equal("""{"x":[true]}""", value.Items[3]!.ToJsonString());
        Assert.Equal("""{"n":1.0}""", value.Extra!["k"]!.ToJsonString());
        Assert.True(value.Extra.ContainsKey("m"));
        Assert.Null(value.Extra["m"]);
        Assert.Equal(json, Write(value));
    }

    [Fact]
    public void Values_built_in_code_are_written_as_built()
    {
        var value = new RawObject
        {
            Id = 2,
            Data = new JsonObject { ["filter"] = new JsonObject { [">ID"] = 5, ["ACTIVE"] = "Y" }, ["select"] = new JsonArray("ID", "NAME") },
            Items = new List<JsonNode?> { 1, 2.5, true, "x", null },
            Extra = new Dictionary<string, JsonNode?> { [">ID"] = 5, ["STAGE_ID"] = "NEW", ["DATE"] = new DateTimeOffset(2024, 12, 20, 10, 0, 0, TimeSpan.FromHours(2)) },
        };

        Assert.Equal(
            """{"ID":2,"DATA":{"filter":{"\u003EID":5,"ACTIVE":"Y"},"select":["ID","NAME"]},"ITEMS":[1,2.5,true,"x",null],"EXTRA":{"\u003EID":5,"STAGE_ID":"NEW","DATE":"2024-12-20T10:00:00+02:00"}}""",
            Write(value));
    }

    [Fact]
    public void A_json_object_is_a_map_of_raw_values()
    {
        var value = new RawObject { Extra = new JsonObject { ["a"] = 1, ["b"] = null } };

        Assert.Equal("""{"EXTRA":{"a":1,"b":null}}""", Write(value));
    }

    [Fact]
    public void A_value_read_and_then_changed_is_written_as_changed()
    {
        var value = Read("""{"DATA":{"a":1,"b":[1,2]}}""")!;

        value.Data!["a"] = "one";
        value.Data["b"]!.AsArray().Add(3);

        Assert.Equal("""{"DATA":{"a":"one","b":[1,2,3]}}""", Write(value));
    }

    [Fact]
    public void The_value_read_owns_its_text()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"DATA":{"a":"b"}}""");
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        var value = Bitrix24ObjectConverter<RawObject>.ReadObject(ref reader)!;

        Array.Clear(bytes);

        Assert.Equal("""{"a":"b"}""", value.Data!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"id":7,"list":[1,null]}""")]
    [InlineData("[]")]
    [InlineData("\"ok\"")]
    [InlineData("0.10")]
    [InlineData("null")]
    public void A_result_keeps_any_value_exactly(string json)
    {
        var info = JsonMetadataServices.CreateValueInfo<JsonNode?>(new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine() }, Bitrix24Converters.Json);

        var result = JsonSerializer.Deserialize(json, info);

        Assert.Equal(json, result?.ToJsonString() ?? "null");
        Assert.Equal(json, JsonSerializer.Serialize(result, info));
    }

    [Fact]
    public void A_result_read_as_a_whole_answer_reads_null_as_null()
    {
        var reader = new Utf8JsonReader("null"u8);
        reader.Read();

        var result = Bitrix24Converters.ReadValue(Bitrix24Converters.Json, ref reader);

        Assert.Null(result);
    }

    [Fact]
    public void A_list_of_another_type_still_refuses_a_null_item()
    {
        var info = JsonMetadataServices.CreateValueInfo<IList<int>>(new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine() }, Bitrix24Converters.List(Bitrix24Converters.Int32));

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("[1,null]", info));
    }

    [Fact]
    public void Malformed_json_inside_a_raw_field_still_fails() =>
        Assert.ThrowsAny<JsonException>(() => Read("""{"DATA":{"a":}}"""));

    private static RawObject? Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return Bitrix24ObjectConverter<RawObject>.ReadObject(ref reader);
    }

    private static string Write(RawObject value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Bitrix24ObjectConverter<RawObject>.WriteObject(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
