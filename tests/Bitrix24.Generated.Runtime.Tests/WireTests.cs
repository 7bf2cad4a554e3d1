using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Runtime.Tests;

public class WireTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"Y\"", true)]
    [InlineData("\"N\"", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\"FALSE\"", false)]
    [InlineData("\"1\"", true)]
    [InlineData("\"0\"", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("\"\"", null)]
    [InlineData("null", null)]
    public void Booleans_and_flags_read_every_form(string json, bool? expected)
    {
        Assert.Equal(expected, Read(json, static (ref Utf8JsonReader r) => Bitrix24Wire.ReadBoolean(ref r)));
        Assert.Equal(expected, Read(json, static (ref Utf8JsonReader r) => Bitrix24Wire.ReadFlag(ref r)));
    }

    [Theory]
    [InlineData("\"maybe\"", "a boolean (Y/N, true/false, 1/0) but found the string \"maybe\"")]
    [InlineData("2", "a boolean (0 or 1) but found the number 2")]
    [InlineData("[]", "a boolean but found an array")]
    public void Booleans_reject_other_values_clearly(string json, string message)
    {
        var exception = Assert.Throws<JsonException>(() => Read(json, static (ref Utf8JsonReader r) => Bitrix24Wire.ReadBoolean(ref r)));

        Assert.Equal("Expected " + message + ".", exception.Message);
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData("\"12\"", 12)]
    [InlineData("\"-4\"", -4)]
    [InlineData("\"\"", null)]
    [InlineData("null", null)]
    public void Integers_read_numbers_and_numeric_strings(string json, int? expected) =>
        Assert.Equal(expected, Read(json, static (ref Utf8JsonReader r) => Bitrix24Wire.ReadInt32(ref r)));

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("1.5")]
    [InlineData("true")]
    [InlineData("\"99999999999\"")]
    public void Integers_reject_non_integers(string json) =>
        Assert.Throws<JsonException>(() => Read(json, static (ref Utf8JsonReader r) => Bitrix24Wire.ReadInt32(ref r)));

    [Theory]
    [InlineData("1.25", 1.25)]
    [InlineData("\"0.5\"", 0.5)]
    [InlineData("\"\"", null)]
    public void Numbers_read_numbers_and_numeric_strings(string json, double? expected) =>
        Assert.Equal(expected, Read(json, static (ref Utf8JsonReader r) => Bitrix24Wire.ReadDouble(ref r)));

    [Theory]
    [InlineData("\"text\"", "text")]
    [InlineData("15", "15")]
    [InlineData("1.50", "1.50")]
    [InlineData("true", "true")]
    [InlineData("null", null)]
    public void Strings_read_scalars_as_text(string json, string? expected) =>
        Assert.Equal(expected, Read(json, static (ref Utf8JsonReader r) => Bitrix24Wire.ReadString(ref r)));

    [Fact]
    public void Strings_reject_objects() =>
        Assert.Throws<JsonException>(() => Read("{}", static (ref Utf8JsonReader r) => Bitrix24Wire.ReadString(ref r)));

    [Fact]
    public void Writers_use_the_exact_wire_form()
    {
        var json = Write(writer =>
        {
            writer.WriteStartArray();
            Bitrix24Wire.WriteFlag(writer, true);
            Bitrix24Wire.WriteFlag(writer, false);
            Bitrix24Wire.WriteIntegerString(writer, 3);
            Bitrix24Wire.WriteIntegerString(writer, -2147483648);
            writer.WriteEndArray();
        });

        Assert.Equal("""["Y","N","3","-2147483648"]""", json);
    }

    [Theory]
    [InlineData("[1,\"2\"]", "1,2")]
    [InlineData("{\"0\":1,\"1\":2}", "1,2")]
    [InlineData("[]", "")]
    public void Lists_read_arrays_and_php_style_objects(string json, string expected)
    {
        var list = Read(json, static (ref Utf8JsonReader r) => Bitrix24Collections.ReadList(ref r, Bitrix24Converters.Int32));

        Assert.Equal(expected, string.Join(",", list!));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("false")]
    [InlineData("\"\"")]
    public void Empty_collections_read_as_null(string json) =>
        Assert.Null(Read(json, static (ref Utf8JsonReader r) => Bitrix24Collections.ReadList(ref r, Bitrix24Converters.String)));

    [Fact]
    public void Maps_read_objects_and_the_empty_php_array()
    {
        var map = Read("""{"user1":"4","group6":"49"}""", static (ref Utf8JsonReader r) => Bitrix24Collections.ReadMap(ref r, Bitrix24MapKeys.String, Bitrix24Converters.Int32));
        var empty = Read("[]", static (ref Utf8JsonReader r) => Bitrix24Collections.ReadMap(ref r, Bitrix24MapKeys.String, Bitrix24Converters.String));

        Assert.Equal(new Dictionary<string, int> { ["user1"] = 4, ["group6"] = 49 }, map);
        Assert.Empty(empty!);
    }

    [Fact]
    public void A_bad_map_key_names_the_key()
    {
        var exception = Assert.Throws<JsonException>(() => Read("""{"company1":"4"}""", static (ref Utf8JsonReader r) => Bitrix24Collections.ReadMap(ref r, Bitrix24MapKeys.Int32, Bitrix24Converters.String)));

        Assert.Contains("\"company1\"", exception.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_list_item_is_rejected() =>
        Assert.Throws<JsonException>(() => Read("[null]", static (ref Utf8JsonReader r) => Bitrix24Collections.ReadList(ref r, Bitrix24Converters.Object<TestObject>())));

    private delegate T Reader<T>(ref Utf8JsonReader reader);

    private static T Read<T>(string json, Reader<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return read(ref reader);
    }

    private static string Write(System.Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
