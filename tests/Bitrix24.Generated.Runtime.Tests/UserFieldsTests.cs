using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>
/// A type with user fields (<c>userFields: UF_</c>): the portal's custom fields the spec does not name go to
/// <see cref="IBitrix24UserFields.UserFields"/> as raw JSON, the ones it names to their properties, other unknown
/// fields to <see cref="Bitrix24Object.AdditionalProperties"/>; writing loses nothing and writes no name twice.
/// </summary>
public class UserFieldsTests
{
    [Fact]
    public void Each_field_lands_in_its_place()
    {
        var value = Read("""{"ID":5,"UF_CRM_TYPED":"x","UF_CRM_1721244482250":"Hello","UF_CRM_LIST":{"a":[1]},"UF_CRM_EMPTY":null,"uf_crm_lower":1,"COLOR":"red"}""");

        Assert.Equal(5, value.Id);
        Assert.Equal("x", value.Typed);
        Assert.Equal(new[] { "UF_CRM_1721244482250", "UF_CRM_LIST", "UF_CRM_EMPTY" }, value.UserFields!.Keys);
        Assert.Equal("Hello", (string?)value.UserFields["UF_CRM_1721244482250"]);
        Assert.Equal("""{"a":[1]}""", value.UserFields["UF_CRM_LIST"]!.ToJsonString());
        Assert.Null(value.UserFields["UF_CRM_EMPTY"]);

        // The prefix is compared exactly, and so are the keys.
        Assert.Equal(new[] { "uf_crm_lower", "COLOR" }, value.AdditionalProperties!.Keys);
        Assert.False(value.UserFields.ContainsKey("uf_crm_1721244482250"));
    }

    [Fact]
    public void An_answer_is_written_back_as_it_came()
    {
        const string json = """{"ID":5,"UF_CRM_TYPED":"x","UF_CRM_1721244482250":"Hello","UF_CRM_LIST":{"a":[1,2.50]},"UF_CRM_EMPTY":null,"COLOR":"red"}""";

        Assert.Equal(json, Write(Read(json)));
    }

    [Theory]
    [InlineData("""{"ID":5,"UF_CRM_TYPED":null}""", "UF_CRM_TYPED")]
    [InlineData("""{"ID":5,"UF_CRM_COUNT":"seven"}""", "UF_CRM_COUNT")]
    public void A_named_field_that_reads_as_no_value_is_kept_as_sent_and_not_a_user_field(string json, string name)
    {
        var value = Read(json);

        Assert.Null(value.UserFields);
        Assert.True(value.AdditionalProperties!.ContainsKey(name));
        Assert.Equal(json, Write(value));
    }

    [Fact]
    public void A_type_without_user_fields_keeps_them_as_additional_properties()
    {
        var reader = new Utf8JsonReader("""{"ID":1,"UF_CRM_1":"Hello"}"""u8);
        reader.Read();

        var value = Bitrix24ObjectConverter<TestObject>.ReadObject(ref reader)!;

        Assert.Equal("\"Hello\"", value.AdditionalProperties!["UF_CRM_1"].GetRawText());
    }

    [Fact]
    public void User_fields_set_on_a_new_object_are_written_after_its_properties()
    {
        var value = new UserFieldObject
        {
            UserFields = new Dictionary<string, JsonNode?>
            {
                ["UF_CRM_1721244482250"] = "Hello",
                ["UF_CRM_SUM"] = 12.5,
                ["UF_CRM_FLAGS"] = new JsonArray(1, 2),
                ["UF_CRM_DATE"] = new DateTimeOffset(2025, 1, 1, 10, 0, 0, TimeSpan.FromHours(3)),
            },
            Id = 7,
        };

        Assert.Equal(
            """{"ID":7,"UF_CRM_1721244482250":"Hello","UF_CRM_SUM":12.5,"UF_CRM_FLAGS":[1,2],"UF_CRM_DATE":"2025-01-01T10:00:00+03:00"}""",
            Write(value));
    }

    [Fact]
    public void A_property_with_a_value_wins_over_a_user_field_of_its_name()
    {
        var value = new UserFieldObject { Typed = "typed", UserFields = new Dictionary<string, JsonNode?> { ["UF_CRM_TYPED"] = "mapped" } };

        Assert.Equal("""{"UF_CRM_TYPED":"typed"}""", Write(value));

        value.Typed = null;
        Assert.Equal("""{"UF_CRM_TYPED":"mapped"}""", Write(value));
    }

    [Fact]
    public void A_user_field_wins_over_a_kept_value_of_its_name_and_no_name_is_written_twice()
    {
        var value = Read("""{"UF_CRM_TYPED":null,"UF_CRM_1":"old","COLOR":"red"}""");
        value.AdditionalProperties!["UF_CRM_1"] = JsonDocument.Parse("\"kept\"").RootElement;
        value.UserFields!["UF_CRM_1"] = "new";
        value.UserFields["UF_CRM_TYPED"] = "mapped";

        Assert.Equal("""{"UF_CRM_1":"new","UF_CRM_TYPED":"mapped","COLOR":"red"}""", Write(value));

        value.Typed = "typed";
        Assert.Equal("""{"UF_CRM_TYPED":"typed","UF_CRM_1":"new","COLOR":"red"}""", Write(value));
    }

    [Fact]
    public void A_value_read_and_then_changed_is_written_as_changed()
    {
        var value = Read("""{"UF_CRM_LIST":[1,2],"UF_CRM_NAME":"a"}""");

        value.UserFields!["UF_CRM_LIST"]!.AsArray().Add(3);
        value.UserFields["UF_CRM_NAME"] = "b";
        value.UserFields.Remove("UF_CRM_GONE");

        Assert.Equal("""{"UF_CRM_LIST":[1,2,3],"UF_CRM_NAME":"b"}""", Write(value));
    }

    [Fact]
    public void Malformed_json_inside_a_user_field_still_fails_and_names_it()
    {
        var exception = Assert.ThrowsAny<JsonException>(() => Read("""{"UF_CRM_1":{"a":}}"""));

        Assert.Contains("UserFieldObject.UF_CRM_1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_with_user_fields_needs_a_type_that_keeps_them()
    {
        var reader = new Utf8JsonReader("""{"ID":1}"""u8);
        reader.Read();

        try
        {
            Bitrix24ObjectConverter<MisdeclaredUserFieldObject>.ReadObject(ref reader);
            Assert.Fail("The table was accepted.");
        }
        catch (InvalidOperationException exception)
        {
            Assert.Contains("IBitrix24UserFields", exception.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void A_table_needs_a_prefix_to_have_user_fields(string? prefix) =>
        Assert.ThrowsAny<ArgumentException>(() => new Bitrix24Fields<UserFieldObject>(prefix!, f => [f.Int32("ID", o => o.Id, (o, v) => o.Id = v)]));

    private static UserFieldObject Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return Bitrix24ObjectConverter<UserFieldObject>.ReadObject(ref reader)!;
    }

    private static string Write(UserFieldObject value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Bitrix24ObjectConverter<UserFieldObject>.WriteObject(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
