using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>
/// <c>type: any</c>: a field, list item, map value or result that keeps any JSON value exactly and writes it back
/// as held.
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

        Assert.Equal(kind, value.Data!.Value.ValueKind);
        Assert.Equal(data, value.Data.Value.GetRawText());
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

        Assert.Equal(new[] { JsonValueKind.Number, JsonValueKind.String, JsonValueKind.Null, JsonValueKind.Object }, Kinds(value.Items!));
        Assert.Equal("""{"x":[true]}""", value.Items![3].GetRawText());
        Assert.Equal("""{"n":1.0}""", value.Extra!["k"].GetRawText());
        Assert.Equal(JsonValueKind.Null, value.Extra["m"].ValueKind);
        Assert.Equal(json, Write(value));
    }

    [Fact]
    public void A_value_set_in_code_is_written_as_held_and_outlives_its_document()
    {
        JsonElement data;
        using (var document = JsonDocument.Parse("""{"filter":{"ACTIVE":"Y"},"select":["ID","NAME"]}"""))
        {
            data = document.RootElement.Clone();
        }

        var value = new RawObject { Id = 2, Data = data, Items = new List<JsonElement> { default } };

        Assert.Equal("""{"ID":2,"DATA":{"filter":{"ACTIVE":"Y"},"select":["ID","NAME"]},"ITEMS":[null]}""", Write(value));
    }

    [Fact]
    public void The_value_read_owns_its_text()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"DATA":{"a":"b"}}""");
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        var value = Bitrix24ObjectConverter<RawObject>.ReadObject(ref reader)!;

        Array.Clear(bytes);

        Assert.Equal("""{"a":"b"}""", value.Data!.Value.GetRawText());
    }

    [Theory]
    [InlineData("""{"id":7,"list":[1,null]}""")]
    [InlineData("[]")]
    [InlineData("\"ok\"")]
    [InlineData("0.10")]
    [InlineData("null")]
    public void A_result_keeps_any_value_exactly(string json)
    {
        var info = JsonMetadataServices.CreateValueInfo<JsonElement>(new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine() }, Bitrix24Converters.Json);

        var result = JsonSerializer.Deserialize(json, info);

        Assert.Equal(json, result.GetRawText());
        Assert.Equal(json, JsonSerializer.Serialize(result, info));
    }

    [Fact]
    public void A_result_read_as_a_whole_answer_keeps_null_as_a_null_element()
    {
        var reader = new Utf8JsonReader("null"u8);
        reader.Read();

        var result = Bitrix24Converters.ReadValue(Bitrix24Converters.Json, ref reader);

        Assert.Equal(JsonValueKind.Null, result.ValueKind);
    }

    [Fact]
    public void Malformed_json_inside_a_raw_field_still_fails() =>
        Assert.ThrowsAny<JsonException>(() => Read("""{"DATA":{"a":}}"""));

    private static JsonValueKind[] Kinds(IList<JsonElement> items)
    {
        var kinds = new JsonValueKind[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            kinds[i] = items[i].ValueKind;
        }

        return kinds;
    }

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
