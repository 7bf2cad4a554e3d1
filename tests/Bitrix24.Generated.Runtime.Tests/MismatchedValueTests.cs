using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>
/// A field whose value does not fit its declared type (a spec wrong about a type) is kept as sent, and the object
/// reads on; JSON that cannot be read at all still fails.
/// </summary>
public class MismatchedValueTests
{
    [Theory]
    [InlineData("\"ID\":7", "NAME", """{"first":"Ann"}""")]
    [InlineData("\"ID\":7", "NAME", "[1,2]")]
    [InlineData("\"NAME\":\"Team\"", "ID", "\"seven\"")]
    [InlineData("\"NAME\":\"Team\"", "ID", "1.5")]
    [InlineData("\"NAME\":\"Team\"", "ID", """{"value":7}""")]
    [InlineData("\"ID\":7,\"NAME\":\"Team\"", "ACTIVE", "\"maybe\"")]
    [InlineData("\"ID\":7,\"NAME\":\"Team\"", "ACTIVE", "2")]
    [InlineData("\"ID\":7,\"NAME\":\"Team\"", "RATE", "\"fast\"")]
    [InlineData("\"ID\":7,\"NAME\":\"Team\"", "DAY", "20241220")]
    [InlineData("\"ID\":7,\"NAME\":\"Team\"", "DAY", """{"date":"2024-12-20"}""")]
    [InlineData("\"ID\":7,\"NAME\":\"Team\"", "STAMP", "\"yesterday\"")]
    [InlineData("\"ID\":7,\"NAME\":\"Team\"", "STAMP", "[]")]
    [InlineData("\"ID\":7,\"NAME\":\"Team\"", "OWNER", "\"user12\"")]
    [InlineData("\"ID\":7,\"NAME\":\"Team\"", "OWNER", "42")]
    [InlineData("\"ID\":7,\"NAME\":\"Team\"", "TAGS", """[1,"two",3]""")]
    [InlineData("\"ID\":7,\"NAME\":\"Team\"", "TAGS", "\"1,2,3\"")]
    [InlineData("\"ID\":7,\"NAME\":\"Team\"", "SLOTS", """{"company1":"4"}""")]
    [InlineData("\"ID\":7,\"NAME\":\"Team\"", "SLOTS", """{"1":{"from":"09:00"}}""")]
    public void A_value_that_does_not_fit_is_kept_as_sent_and_the_rest_reads(string fitting, string field, string raw)
    {
        var json = "{" + fitting + ",\"" + field + "\":" + raw + "}";

        var value = Read(json)!;

        // Only the ill-fitting field is kept: the fitting ones were read into their properties.
        var kept = Assert.Single(value.AdditionalProperties!);
        Assert.Equal(field, kept.Key);
        Assert.Equal(raw, kept.Value.GetRawText());
        Assert.True(value.Id == 7 || value.Name == "Team");
        Assert.Equal(json, Write(value));
    }

    [Fact]
    public void The_property_of_a_kept_value_stays_null()
    {
        var value = Read("""{"ID":"seven","DAY":12,"OWNER":"user12","TAGS":[1,"two"]}""")!;

        Assert.Null(value.Id);
        Assert.Null(value.Day);
        Assert.Null(value.Owner);
        Assert.Null(value.Tags);
        Assert.Equal(new[] { "ID", "DAY", "OWNER", "TAGS" }, value.AdditionalProperties!.Keys);
    }

    [Fact]
    public void Fields_after_a_kept_value_still_read_and_kept_values_are_written_after_the_others()
    {
        var value = Read("""{"ID":"seven","NAME":"Team","TAGS":[1,2]}""")!;

        Assert.Equal("Team", value.Name);
        Assert.Equal(new[] { 1, 2 }, value.Tags);
        Assert.Equal("""{"NAME":"Team","TAGS":[1,2],"ID":"seven"}""", Write(value));
    }

    [Fact]
    public void Setting_the_property_replaces_the_kept_value()
    {
        var value = Read("""{"ID":"seven","NAME":"Team"}""")!;

        value.Id = 8;

        Assert.Equal("""{"ID":8,"NAME":"Team"}""", Write(value));
    }

    [Fact]
    public void A_nested_object_keeps_its_own_ill_fitting_field()
    {
        const string json = """{"ID":7,"OWNER":{"NAME":"Ann","ID":"seven"}}""";

        var value = Read(json)!;

        Assert.Null(value.AdditionalProperties);
        Assert.Equal("Ann", value.Owner!.Name);
        Assert.Equal("\"seven\"", value.Owner.AdditionalProperties!["ID"].GetRawText());
        Assert.Equal(json, Write(value));
    }

    [Fact]
    public void A_value_is_kept_when_the_serializer_reads_from_a_stream_a_byte_at_a_time()
    {
        const string json = """{"ID":7,"NAME":"Team","OWNER":{"NAME":"Ann","ID":{"x":[1,2]}},"TAGS":[1,"two"]}""";
        var info = JsonMetadataServices.CreateValueInfo<TypedObject>(new JsonSerializerOptions { DefaultBufferSize = 1, TypeInfoResolver = JsonTypeInfoResolver.Combine() }, Bitrix24ObjectConverter<TypedObject>.Instance);

        var value = JsonSerializer.Deserialize(new MemoryStream(Encoding.UTF8.GetBytes(json)), info)!;

        Assert.Equal(7, value.Id);
        Assert.Equal("""{"x":[1,2]}""", value.Owner!.AdditionalProperties!["ID"].GetRawText());
        Assert.Equal("""[1,"two"]""", value.AdditionalProperties!["TAGS"].GetRawText());
        Assert.Equal(json, JsonSerializer.Serialize(value, info));
    }

    [Theory]
    [InlineData("""{"ID":7,"NAME":{"first":}}""")]
    [InlineData("""{"ID":7,"TAGS":[1,2""")]
    [InlineData("""{"ID":7,"OWNER":{"NAME":"Ann",""")]
    public void Json_that_cannot_be_read_still_fails(string json) =>
        Assert.ThrowsAny<JsonException>(() => Read(json));

    [Fact]
    public void Malformed_json_in_a_field_names_the_type_and_the_field()
    {
        var exception = Assert.ThrowsAny<JsonException>(() => Read("""{"ID":7,"NAME":{"first":}}"""));

        Assert.StartsWith("TypedObject.NAME: ", exception.Message, System.StringComparison.Ordinal);
    }

    private static TypedObject? Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return Bitrix24ObjectConverter<TypedObject>.ReadObject(ref reader);
    }

    private static string Write(TypedObject value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Bitrix24ObjectConverter<TypedObject>.WriteObject(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
