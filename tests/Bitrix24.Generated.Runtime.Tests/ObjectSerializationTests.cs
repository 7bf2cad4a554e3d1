using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>
/// Objects declared through field tables, as generated code declares them: fields found by their UTF-8 names in any
/// order, empty, unknown and ill-fitting values kept as sent, enums by their wire values.
/// </summary>
public class ObjectSerializationTests
{
    [Theory]
    [InlineData("""{"ID":7,"NAME":"Team"}""")]
    [InlineData("""{"NAME":"Team","ID":"7"}""")]
    [InlineData("""{"N\u0041ME":"Team","\u0049D":7}""")]
    public void Fields_are_found_in_any_order_and_with_escaped_names(string json)
    {
        var value = Read(json)!;

        Assert.Equal(7, value.Id);
        Assert.Equal("Team", value.Name);
        Assert.Null(value.AdditionalProperties);
    }

    [Fact]
    public void Unknown_fields_are_kept_and_written_back()
    {
        const string json = """{"ID":7,"COLOR":"#fff","TAGS":[1,{"a":null}]}""";

        var value = Read(json)!;

        Assert.Equal(new[] { "COLOR", "TAGS" }, value.AdditionalProperties!.Keys);
        Assert.Equal(json, Write(value));
    }

    [Fact]
    public void A_field_that_reads_as_empty_is_kept_as_sent_until_its_property_is_set()
    {
        var value = Read("""{"ID":"","NAME":null}""")!;

        Assert.Null(value.Id);
        Assert.Equal("""{"ID":"","NAME":null}""", Write(value));

        value.Id = 3;
        Assert.Equal("""{"ID":3,"NAME":null}""", Write(value));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("false")]
    [InlineData("\"\"")]
    public void No_object_reads_as_null(string json) => Assert.Null(Read(json));

    [Fact]
    public void An_empty_php_array_reads_as_an_empty_object() => Assert.Null(Read("[]")!.Id);

    [Fact]
    public void A_value_that_does_not_fit_its_type_is_kept_as_sent()
    {
        var value = Read("""{"ID":"seven","NAME":"Team"}""")!;

        Assert.Null(value.Id);
        Assert.Equal("Team", value.Name);
        Assert.Equal("\"seven\"", value.AdditionalProperties!["ID"].GetRawText());
    }

    [Fact]
    public void A_json_that_ends_inside_the_object_fails() =>
        Assert.ThrowsAny<JsonException>(() => Read("""{"ID":7"""));

    [Fact]
    public void Enums_read_and_write_their_wire_values()
    {
        Assert.Equal(Shade.Dark, ReadEnum("\"dark-2\""));
        Assert.Equal(Shade.Light, ReadEnum("1"));
        Assert.Null(ReadEnum("null"));
        Assert.Equal("\"dark-2\"", WriteWith(writer => ShadeConverter.Instance.WriteValue(writer, Shade.Dark)));
        Assert.Equal("dark-2", ShadeConverter.Instance.ToWire(Shade.Dark));
    }

    [Fact]
    public void An_unknown_enum_value_fails_naming_it_or_reads_as_unknown_inside_an_object()
    {
        var exception = Assert.Throws<JsonException>(() => ReadEnum("\"blue\""));
        Assert.Contains("'blue' is not a Shade value; expected one of: 1, dark-2", exception.Message, StringComparison.Ordinal);

        var reader = Reader("\"blue\"");
        Assert.Null(ShadeConverter.Instance.ReadKnown(ref reader));
    }

    [Fact]
    public void A_member_outside_the_enum_cannot_be_written() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ShadeConverter.Instance.ToWire((Shade)5));

    [Fact]
    public void A_field_table_rejects_a_name_given_twice() =>
        Assert.Throws<ArgumentException>(() => new Bitrix24Fields<TestObject>(f => [f.Int32("ID", o => o.Id, (o, v) => o.Id = v), f.Int32("ID", o => o.Id, (o, v) => o.Id = v)]));

    [Fact]
    public void A_missing_parameter_message_names_the_method_it_is_matched_for()
    {
        var map = new Bitrix24ErrorMap<SampleError>(("", Bitrix24ErrorMap.Required("settings")), ("", "Access denied"));

        Assert.Equal(SampleError.SettingsNotSet, map.Match("", "The required parameter \"settings\" for the method \"calendar.user.settings.set\" is not set.", "calendar.user.settings.set"));
        Assert.Null(map.Match("", "The required parameter \"settings\" for the method \"calendar.other\" is not set", "calendar.user.settings.set"));
        Assert.Equal(SampleError.AccessDenied, map.Match("", "Access denied", "calendar.user.settings.set"));
    }

    private static TestObject? Read(string json)
    {
        var reader = Reader(json);
        return Bitrix24ObjectConverter<TestObject>.ReadObject(ref reader);
    }

    private static Shade? ReadEnum(string json)
    {
        var reader = Reader(json);
        return ShadeConverter.Instance.ReadValue(ref reader);
    }

    private static Utf8JsonReader Reader(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }

    private static string Write(TestObject value) => WriteWith(writer => Bitrix24ObjectConverter<TestObject>.WriteObject(writer, value));

    private static string WriteWith(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    internal enum Shade
    {
        Light,
        Dark,
    }

    private sealed class ShadeConverter() : Bitrix24EnumConverter<Shade>("1", "dark-2")
    {
        public static readonly ShadeConverter Instance = new();
    }
}
