using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>
/// <c>type: file</c> and <c>type: file-data</c>: a <see cref="Bitrix24File"/> reads from every form portals send or
/// take, keeps the JSON it came from and writes it back exactly; a new upload goes out in its field's form.
/// </summary>
public class FileValueTests
{
    private const string Hello = "aGVsbG8="; // "hello"

    public static TheoryData<string, int?, string?, string?, string?, string?> ReadForms() => new()
    {
        { "12", 12, null, null, null, null },
        { "\"12\"", 12, null, null, null, null },
        { "\"" + Hello + "\"", null, null, Hello, null, null },
        { "\"**base64_encoded_content**\"", null, null, "**base64_encoded_content**", null, null },
        { """["me.png","aGVsbG8="]""", null, "me.png", Hello, null, null },
        { """{"fileData":["me.png","aGVsbG8="]}""", null, "me.png", Hello, null, null },
        { """{"fileData":"aGVsbG8="}""", null, null, Hello, null, null },
        {
            """{"id":12,"showUrl":"/bitrix/components/bitrix/crm.lead.show/show_file.php?ownerId=5&fileId=12","downloadUrl":"/bitrix/components/bitrix/crm.lead.show/show_file.php?auth=secret&fileId=12"}""",
            12, null, null, "/bitrix/components/bitrix/crm.lead.show/show_file.php?ownerId=5&fileId=12",
            "/bitrix/components/bitrix/crm.lead.show/show_file.php?auth=secret&fileId=12"
        },
        {
            """{"id":"31251","url":"/rest/catalog.product.download?fileId=31251","urlMachine":"/rest/catalog.product.download?fileId=31251&m=1"}""",
            31251, null, null, "/rest/catalog.product.download?fileId=31251", "/rest/catalog.product.download?fileId=31251&m=1"
        },
        { """{"ID":7,"NAME":"report.pdf","SIZE":"1679"}""", 7, "report.pdf", null, null, null },
        { """{"size":5,"hash":"x"}""", null, null, null, null, null },
        { "{}", null, null, null, null, null },
    };

    [Theory]
    [MemberData(nameof(ReadForms))]
    public void Every_form_reads_and_writes_back_exactly(string file, int? id, string? name, string? content, string? showUrl, string? downloadUrl)
    {
        foreach (var field in new[] { "PHOTO", "LOGO" })
        {
            var json = "{\"ID\":1,\"" + field + "\":" + file + "}";

            var value = Read(json)!;

            var read = field == "PHOTO" ? value.Photo! : value.Logo!;
            Assert.Null(value.AdditionalProperties);
            Assert.Equal(id, read.Id);
            Assert.Equal(name, read.Name);
            Assert.Equal(content, read.Base64Content);
            Assert.Equal(showUrl, read.ShowUrl);
            Assert.Equal(downloadUrl, read.DownloadUrl);
            Assert.Equal(file, read.RawJson);
            Assert.Equal(json, Write(value));
        }
    }

    [Fact]
    public void A_value_is_written_back_as_it_came_escapes_and_spaces_included()
    {
        const string json = """{"PHOTO":[ "me\u002Epng" , "ab+c\/d=" ],"LOGO":"ab+c","FILES":[{ "id" : 3 },"7"]}""";

        var value = Read(json)!;

        Assert.Equal("me.png", value.Photo!.Name);
        Assert.Equal("ab+c/d=", value.Photo.Base64Content);
        Assert.Equal(3, value.Files![0].Id);
        Assert.Equal(7, value.Files[1].Id);
        Assert.Equal(json, Write(value));
    }

    [Fact]
    public void A_list_reads_every_form_and_writes_back_exactly()
    {
        const string json = """{"FILES":[{"id":30577,"url":"/show?fileId=30577","urlMachine":"/get?fileId=30577"},["new.pdf","aGVsbG8="],{"fileData":["b.png","aGVsbG8="]},41]}""";

        var value = Read(json)!;

        Assert.Equal(new int?[] { 30577, null, null, 41 }, [value.Files![0].Id, value.Files[1].Id, value.Files[2].Id, value.Files[3].Id]);
        Assert.Equal("new.pdf", value.Files[1].Name);
        Assert.Equal("b.png", value.Files[2].Name);
        Assert.Equal(json, Write(value));
    }

    [Fact]
    public void A_value_reads_the_same_from_a_stream_a_byte_at_a_time()
    {
        const string json = """{"ID":1,"PHOTO":["me.png","aGVsbG8="],"LOGO":"\u0031\u0032","FILES":[{"id":5,"showUrl":"/s"},"aGVsbG8="]}""";
        var info = JsonMetadataServices.CreateValueInfo<FileObject>(new JsonSerializerOptions { DefaultBufferSize = 1, TypeInfoResolver = JsonTypeInfoResolver.Combine() }, Bitrix24ObjectConverter<FileObject>.Instance);

        var value = JsonSerializer.Deserialize(new MemoryStream(Encoding.UTF8.GetBytes(json)), info)!;

        Assert.Equal("me.png", value.Photo!.Name);
        Assert.Equal(12, value.Logo!.Id);
        Assert.Equal("/s", value.Files![0].ShowUrl);
        Assert.Equal(Hello, value.Files[1].Base64Content);
        Assert.Equal(json, JsonSerializer.Serialize(value, info));
    }

    [Fact]
    public void The_value_read_owns_its_text()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"PHOTO":["me.png","aGVsbG8="],"LOGO":"aGVsbG8="}""");
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        var value = Bitrix24ObjectConverter<FileObject>.ReadObject(ref reader)!;

        Array.Clear(bytes);

        Assert.Equal("""["me.png","aGVsbG8="]""", value.Photo!.RawJson);
        Assert.Equal("\"aGVsbG8=\"", value.Logo!.RawJson);
    }

    [Fact]
    public void An_upload_goes_out_in_its_fields_form()
    {
        var value = new FileObject
        {
            Photo = Bitrix24File.Upload("me.png", "hello"u8),
            Logo = Bitrix24File.Upload("logo.png", "hello"u8),
            Files = [Bitrix24File.Upload("a.txt", "hello"u8), Bitrix24File.FromId(12)],
        };

        Assert.Equal(
            """{"PHOTO":["me.png","aGVsbG8="],"LOGO":{"fileData":["logo.png","aGVsbG8="]},"FILES":[["a.txt","aGVsbG8="],12]}""",
            Write(value));
    }

    [Fact]
    public void An_upload_without_a_name_and_a_stored_file_go_out_alike_in_both_forms()
    {
        var value = new FileObject { Photo = Bitrix24File.Upload("hello"u8), Logo = Bitrix24File.FromId(12) };
        var swapped = new FileObject { Photo = Bitrix24File.FromId(12), Logo = Bitrix24File.Upload("hello"u8) };

        Assert.Equal("""{"PHOTO":"aGVsbG8=","LOGO":12}""", Write(value));
        Assert.Equal("""{"PHOTO":12,"LOGO":"aGVsbG8="}""", Write(swapped));
    }

    [Fact]
    public void Uploaded_content_is_written_without_escaping_its_plus_signs()
    {
        var value = new FileObject { Photo = Bitrix24File.Upload("a.bin", [0xFB, 0xEF, 0xBE]), Logo = Bitrix24File.Upload([0xFB, 0xEF, 0xBE]) };

        Assert.Equal("""{"PHOTO":["a.bin","++++"],"LOGO":"++++"}""", Write(value));
    }

    [Fact]
    public void An_upload_holds_its_name_and_content()
    {
        var file = Bitrix24File.Upload("me.png", "hello"u8);

        Assert.Null(file.Id);
        Assert.Equal("me.png", file.Name);
        Assert.Equal(Hello, file.Base64Content);
        Assert.Equal("hello"u8.ToArray(), file.GetContent());
        Assert.Null(file.RawJson);
        Assert.Null(file.ShowUrl);
        Assert.Null(file.DownloadUrl);
    }

    [Fact]
    public void Content_read_from_an_answer_decodes_on_request()
    {
        var value = Read("""{"PHOTO":["me.png","aGVsbG8="]}""")!;

        Assert.Equal("hello"u8.ToArray(), value.Photo!.GetContent());
    }

    [Fact]
    public void A_placeholder_for_content_is_kept_and_fails_only_when_decoded()
    {
        var value = Read("""{"PHOTO":["me.png","**base64_encoded_content**"]}""")!;

        Assert.Equal("**base64_encoded_content**", value.Photo!.Base64Content);
        var exception = Assert.Throws<FormatException>(() => value.Photo.GetContent());
        Assert.Contains("'me.png'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("not base64", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("base64_encoded_content", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_file_has_no_content_to_decode()
    {
        Assert.Throws<InvalidOperationException>(() => Bitrix24File.FromId(12).GetContent());
        Assert.Throws<InvalidOperationException>(() => Read("""{"PHOTO":{"id":12,"showUrl":"/s"}}""")!.Photo!.GetContent());
    }

    [Fact]
    public void ToString_names_the_file_without_its_content_or_links()
    {
        var upload = Bitrix24File.Upload("me.png", "hello"u8);
        var stored = Read("""{"PHOTO":{"id":12,"showUrl":"/show?fileId=12","downloadUrl":"/get?auth=secret"}}""")!.Photo!;

        Assert.Equal("file 'me.png', 8 characters of base64", upload.ToString());
        Assert.Equal("file, 8 characters of base64", Bitrix24File.Upload("hello"u8).ToString());
        Assert.Equal("file 12", Bitrix24File.FromId(12).ToString());
        Assert.Equal("file 12", stored.ToString());
        Assert.DoesNotContain(Hello, upload.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", stored.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("1.5")]
    [InlineData("3000000000")]
    [InlineData("""["me.png"]""")]
    [InlineData("""["me.png","aGVsbG8=","x"]""")]
    [InlineData("[1,2]")]
    [InlineData("""[["me.png","aGVsbG8="]]""")]
    public void A_value_that_fits_no_form_is_kept_as_sent_and_the_rest_reads(string raw)
    {
        // Kept values are written after the others: the field comes last to compare the text.
        var json = "{\"ID\":7,\"LOGO\":12,\"PHOTO\":" + raw + "}";

        var value = Read(json)!;

        Assert.Null(value.Photo);
        Assert.Equal(12, value.Logo!.Id);
        Assert.Equal(raw, Assert.Single(value.AdditionalProperties!).Value.GetRawText());
        Assert.Equal(json, Write(value));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("false")]
    [InlineData("\"\"")]
    [InlineData("[]")]
    public void An_empty_value_reads_as_no_file_and_is_written_back_as_it_came(string raw)
    {
        var json = "{\"PHOTO\":" + raw + ",\"ID\":7}";

        var value = Read(json)!;

        Assert.Null(value.Photo);
        Assert.Equal(7, value.Id);
        Assert.Equal(raw, value.AdditionalProperties!["PHOTO"].GetRawText());
        Assert.Equal("{\"ID\":7,\"PHOTO\":" + raw + "}", Write(value));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("[1,2]")]
    public void A_whole_value_that_is_no_file_fails(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();

        try
        {
            Bitrix24Converters.File.Read(ref reader, typeof(Bitrix24File), new JsonSerializerOptions());
            Assert.Fail("Read " + json + " as a file.");
        }
        catch (JsonException exception)
        {
            Assert.StartsWith("Expected a file", exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_result_reads_and_writes_back_through_either_converter()
    {
        const string json = """{"id":12,"showUrl":"/s","downloadUrl":"/d"}""";
        foreach (var converter in new[] { Bitrix24Converters.File, Bitrix24Converters.FileData })
        {
            var info = JsonMetadataServices.CreateValueInfo<Bitrix24File>(new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine() }, converter);

            var file = JsonSerializer.Deserialize(json, info)!;

            Assert.Equal(12, file.Id);
            Assert.Equal(json, JsonSerializer.Serialize(file, info));
        }

        var upload = Bitrix24File.Upload("me.png", "hello"u8);
        Assert.Equal("""["me.png","aGVsbG8="]""", Serialize(upload, Bitrix24Converters.File));
        Assert.Equal("""{"fileData":["me.png","aGVsbG8="]}""", Serialize(upload, Bitrix24Converters.FileData));
    }

    [Fact]
    public void Values_compare_by_what_they_hold()
    {
        var first = Read("""{"PHOTO":{"id":12,"showUrl":"/s"},"LOGO":{"id":12,"showUrl":"/s"}}""")!;
        var other = Read("""{"PHOTO":{"id":12,"showUrl":"/t"}}""")!;

        Assert.Equal(first.Photo, first.Logo);
        Assert.Equal(first.Photo!.GetHashCode(), first.Logo!.GetHashCode());
        Assert.True(first.Photo == first.Logo);
        Assert.NotEqual(first.Photo, other.Photo);
        Assert.Equal(Bitrix24File.Upload("me.png", "hello"u8), Bitrix24File.Upload("me.png", "hello"u8));
        Assert.Equal(Bitrix24File.Upload("me.png", "hello"u8).GetHashCode(), Bitrix24File.Upload("me.png", "hello"u8).GetHashCode());
        Assert.NotEqual(Bitrix24File.Upload("me.png", "hello"u8), Bitrix24File.Upload("me.png", "hullo"u8));
        Assert.NotEqual(Bitrix24File.Upload("me.png", "hello"u8), Bitrix24File.Upload("hello"u8));
        Assert.Equal(Bitrix24File.FromId(12), Bitrix24File.FromId(12));
        Assert.True(Bitrix24File.FromId(12) != Bitrix24File.FromId(13));

        // A value read from JSON is not one made in code, even when both name the same file.
        Assert.NotEqual(Bitrix24File.FromId(12), Read("""{"PHOTO":12}""")!.Photo);
        Assert.False(Bitrix24File.FromId(12).Equals(null));
    }

    [Fact]
    public void An_upload_needs_a_name_and_content_and_an_id_is_positive()
    {
        Assert.Throws<ArgumentException>(() => Bitrix24File.Upload("", "hello"u8));
        Assert.Throws<ArgumentNullException>(() => Bitrix24File.Upload(null!, "hello"u8));
        Assert.Throws<ArgumentException>(() => Bitrix24File.Upload("me.png", ReadOnlySpan<byte>.Empty));
        Assert.Throws<ArgumentException>(() => Bitrix24File.Upload(ReadOnlySpan<byte>.Empty));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bitrix24File.FromId(0));
    }

    private static FileObject? Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return Bitrix24ObjectConverter<FileObject>.ReadObject(ref reader);
    }

    private static string Write(FileObject value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Bitrix24ObjectConverter<FileObject>.WriteObject(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Serialize(Bitrix24File value, System.Text.Json.Serialization.JsonConverter<Bitrix24File> converter)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            converter.Write(writer, value, new JsonSerializerOptions());
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
