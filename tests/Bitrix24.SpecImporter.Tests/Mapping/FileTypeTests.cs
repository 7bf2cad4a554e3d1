using System.Linq;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Reading;
using Bitrix24.SpecImporter.Tests.Import;

namespace Bitrix24.SpecImporter.Tests.Mapping;

/// <summary>
/// The docs' <c>file</c> type is the spec type <c>file</c>, or <c>file-data</c> where a documented request sends a new
/// file as <c>{"fileData": [...]}</c>; Drive fields stay raw JSON.
/// </summary>
public sealed class FileTypeTests
{
    private static readonly string[] Parameters =
    [
        "photo|file|The photo", "logo|file|The logo", "files|file[]|Attachments", "avatar|file|The avatar", "flag|file|A flag",
        "drive|diskfile|A Drive file", "attached|attached_diskfile|An attached Drive file",
    ];

    [Fact]
    public void A_file_row_is_a_file_and_file_data_where_the_request_sends_file_data()
    {
        var spec = Import(
            """{"photo":["me.png","**base64_encoded_content**"],"logo":{"fileData":["logo.png","aGVsbG8="]},"files":[{"fileData":["a.png","aGVsbG8="]},12],"avatar":12,"drive":5,"attached":[3]}""",
            """{"result":{"id":12,"showUrl":"/s","downloadUrl":"/d"}}""");

        Assert.Equal("file", Kind(spec, "photo"));
        Assert.Equal("file-data", Kind(spec, "logo"));
        var files = spec.Parameters.Single(parameter => parameter.WireName == "files").Type;
        Assert.Equal(WireKind.Array, files.Kind);
        Assert.Equal(WireKind.FileData, files.Items!.Kind);
        Assert.Equal("file", Kind(spec, "avatar"));
        Assert.Equal("file", Kind(spec, "flag"));
        Assert.Equal("any", Kind(spec, "drive"));
        Assert.Equal("any", Kind(spec, "attached"));

        // The answer's object is a file, so the documented result type stands.
        Assert.Equal(WireKind.File, spec.Result.Type.Kind);
    }

    [Fact]
    public void A_value_no_file_reads_makes_the_field_raw_json()
    {
        var spec = Import("""{"photo":true,"logo":["logo.png"],"files":[1.5],"avatar":[["a.png","aGVsbG8="]]}""", """{"result":[1,2]}""");

        Assert.Equal(["any", "any", "any"], new[] { "photo", "logo", "avatar" }.Select(name => Kind(spec, name)));
        Assert.Equal(WireKind.Json, spec.Parameters.Single(parameter => parameter.WireName == "files").Type.Items!.Kind);
        Assert.NotEqual(WireKind.File, spec.Result.Type.Kind);
    }

    [Fact]
    public void Empty_values_and_placeholders_change_nothing()
    {
        var spec = Import("""{"photo":"","logo":[],"avatar":false,"flag":"**put_file_here**"}""", """{"result":null}""");

        Assert.Equal(["file", "file", "file", "file"], new[] { "photo", "logo", "avatar", "flag" }.Select(name => Kind(spec, name)));
    }

    private static MethodModel Import(string request, string answer) =>
        ExampleShapesTests.Spec(ThingPages.Folder(Parameters, request, answer, ["result|file|The stored photo"]).Import(), ThingPages.Method);

    private static string Kind(MethodModel spec, string name) => BuiltInTypes.Name(spec.Parameters.Single(parameter => parameter.WireName == name).Type.Kind);
}
