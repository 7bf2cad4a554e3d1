using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bitrix24.Generated.Generator.Tests;

/// <summary>
/// <c>type: file</c> and <c>type: file-data</c>: a <c>Bitrix24File</c> wherever a type goes, that compiles without a
/// warning and writes a new upload in its type's form when the generated code runs.
/// </summary>
public class FileSpecTests
{
    private const string Path = "/app/specs/user.photo.set.yaml";

    private const string Spec = """
        method: user.photo.set
        scope: user
        summary: Sets a user's pictures.
        params:
          - name: PHOTO
            type: file
            required: true
            description: The photo.
          - name: LOGO
            type: file-data
            description: The logo.
          - name: FILES
            type: array
            items: file
            description: Attachments.
          - name: FIELDS
            type: UserPictures
            description: More pictures.
        result:
          type: file
          description: The photo as stored.
        types:
          UserPictures:
            kind: object
            description: Pictures.
            properties:
              - name: AVATAR
                type: file-data
                description: The avatar.
              - name: BY_NAME
                type: map
                values: file-data
                description: Pictures by name.
        """;

    // Builds requests with the generated types and writes them through the generated JSON context.
    private const string Probe = """
        using System.Collections.Generic;
        using System.Text.Json;
        using Bitrix24.Generated;
        using Bitrix24.Generated.User;

        namespace Consumer
        {
            public static class FileProbe
            {
                public static string Uploads() => JsonSerializer.Serialize(
                    new UserPhotoSetRequest
                    {
                        Photo = Bitrix24File.Upload("me.png", "hello"u8),
                        Logo = Bitrix24File.Upload("logo.png", "hello"u8),
                        Files = new List<Bitrix24File> { Bitrix24File.Upload("a.txt", "hello"u8), Bitrix24File.FromId(12), Bitrix24File.Upload("hello"u8) },
                        Fields = new UserPictures
                        {
                            Avatar = Bitrix24File.Upload("avatar.png", "hello"u8),
                            ByName = new Dictionary<string, Bitrix24File> { ["small"] = Bitrix24File.Upload("s.png", "hello"u8) },
                        },
                    },
                    Bitrix24JsonContext.Default.UserPhotoSetRequest);

                public static string RoundTrip(string json) => JsonSerializer.Serialize(
                    JsonSerializer.Deserialize(json, Bitrix24JsonContext.Default.UserPhotoSetRequest)!,
                    Bitrix24JsonContext.Default.UserPhotoSetRequest);

                public static string Result(string json) => JsonSerializer.Deserialize(json, Bitrix24JsonContext.Default.File)!.ToString();
            }
        }
        """;

    [Fact]
    public void File_types_generate_bitrix24_files_that_compile_without_warnings()
    {
        var (result, output) = GeneratorRunner.Run((Path, Spec));

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var request = output.GetTypeByMetadataName("Bitrix24.Generated.User.UserPhotoSetRequest")!;
        Assert.Equal("Bitrix24.Generated.Bitrix24File?", Type(request, "Photo"));
        Assert.Equal("Bitrix24.Generated.Bitrix24File?", Type(request, "Logo"));
        Assert.Equal("System.Collections.Generic.IList<Bitrix24.Generated.Bitrix24File>?", Type(request, "Files"));
        var pictures = output.GetTypeByMetadataName("Bitrix24.Generated.User.UserPictures")!;
        Assert.Equal("System.Collections.Generic.IDictionary<string, Bitrix24.Generated.Bitrix24File>?", Type(pictures, "ByName"));

        var code = result.GeneratedSources.Single(s => s.HintName == "Bitrix24.Generated.User.UserPhotoSet.g.cs").SourceText.ToString();
        Assert.Contains("f.File(\"PHOTO\", o => o.Photo, (o, v) => o.Photo = v),", code, System.StringComparison.Ordinal);
        Assert.Contains("f.FileData(\"LOGO\", o => o.Logo, (o, v) => o.Logo = v),", code, System.StringComparison.Ordinal);
        Assert.Contains("f.List(\"FILES\", Bitrix24Converters.File, o => o.Files, (o, v) => o.Files = v),", code, System.StringComparison.Ordinal);
        Assert.Contains("f.Map(\"BY_NAME\", Bitrix24MapKeys.String, Bitrix24Converters.FileData, o => o.ByName, (o, v) => o.ByName = v),", code, System.StringComparison.Ordinal);
        Assert.Contains("new(\"user.photo.set\", Bitrix24Converters.File);", code, System.StringComparison.Ordinal);

        var group = output.GetTypeByMetadataName("Bitrix24.Generated.User.UserPhotoApi")!;
        var set = group.GetMembers("SetAsync").OfType<IMethodSymbol>().First(m => m.Parameters[0].Name == "photo");
        Assert.Equal("Bitrix24.Generated.Bitrix24File", set.Parameters[0].Type.ToDisplayString());
        Assert.Equal("System.Threading.Tasks.Task<Bitrix24.Generated.Bitrix24Response<Bitrix24.Generated.Bitrix24File>>", set.ReturnType.ToDisplayString());
    }

    [Fact]
    public void The_generated_code_writes_an_upload_in_its_types_form_and_a_file_read_as_it_came()
    {
        var (result, output) = GeneratorRunner.Run((Path, Spec));
        Assert.Empty(result.Diagnostics);
        var compilation = output.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Probe, GeneratorRunner.ParseOptions, "Probe.cs"));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        var context = new AssemblyLoadContext("file-spec-probe", isCollectible: true);
        try
        {
            image.Position = 0;
            var probe = context.LoadFromStream(image).GetType("Consumer.FileProbe")!;

            Assert.Equal(
                """{"PHOTO":["me.png","aGVsbG8="],"LOGO":{"fileData":["logo.png","aGVsbG8="]},"FILES":[["a.txt","aGVsbG8="],12,"aGVsbG8="],"FIELDS":{"AVATAR":{"fileData":["avatar.png","aGVsbG8="]},"BY_NAME":{"small":{"fileData":["s.png","aGVsbG8="]}}}}""",
                Call(probe, "Uploads"));

            // Read from JSON, every form is written back as it came, whichever form the type writes uploads in.
            const string read = """{"PHOTO":{"fileData":["me.png","aGVsbG8="]},"LOGO":["logo.png","aGVsbG8="],"FILES":[{"id":12,"showUrl":"/s"},"7"],"FIELDS":{"AVATAR":15,"BY_NAME":{"small":["s.png","aGVsbG8="]}}}""";
            Assert.Equal(read, Call(probe, "RoundTrip", read));
            Assert.Equal("file 12 'me.png'", Call(probe, "Result", """{"ID":"12","NAME":"me.png","downloadUrl":"/d?auth=secret"}"""));
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void A_union_variant_of_type_file_is_reported_at_its_type()
    {
        const string spec = "method: test.item.get\nscope: test\nsummary: Reads.\nresult:\n  type: Answer\ntypes:\n  Answer:\n    kind: union\n    variants:\n      - name: Count\n        type: integer\n      - name: Picture\n        type: file-data\n";

        var (result, _) = GeneratorRunner.Run(("/specs/test/test.item.get.yaml", spec));

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "B24038");
        Assert.Contains("Variant 'Picture' of type 'Answer' is of type file-data", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName.Contains("TestItemGet", System.StringComparison.Ordinal));
    }

    private static string Call(System.Type probe, string method, params object[] arguments) =>
        (string)probe.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;

    private static string Type(INamedTypeSymbol type, string property) =>
        ((IPropertySymbol)type.GetMembers(property).Single()).Type.ToDisplayString();
}
