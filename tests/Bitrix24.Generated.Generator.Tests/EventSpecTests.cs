using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bitrix24.Generated.Generator.Tests;

/// <summary>
/// Event specs (<c>event:</c>): a typed class per event over the class of its data, documented, in the JSON context and
/// in the catalog of events by name; the documented payload reads into it; mistakes are reported where they stand.
/// </summary>
public class EventSpecTests
{
    private const string Path = "/app/specs/calendar/events/ONCALENDARENTRYADD.yaml";

    private const string Spec = """
        event: ONCALENDARENTRYADD
        scope: calendar
        access: any user
        csharpName: OnCalendarEntryAdd
        summary: A calendar event was added.
        docs: https://apidocs.bitrix24.com/api-reference/calendar/calendar-event/events/on-calendar-entry-add.html
        data:
          - name: id
            type: integer-string
            description: Identifier of the calendar event.
        examples:
          - name: Event 1414 added
            payload: '{"event":"ONCALENDARENTRYADD","event_handler_id":"3","data":{"id":"1414"},"ts":"1734608169"}'
        """;

    // The docs' example of what the handler receives.
    private const string Payload = """
        {
            "event": "ONCALENDARENTRYADD",
            "event_handler_id": "3",
            "data": {
                "id": "1414"
            },
            "ts": "1734608169",
            "auth": {
                "access_token": "s6p6eclrvim6da22ft9ch94ekreb52lv",
                "expires_in": "3600",
                "scope": "calendar",
                "domain": "some-domain.bitrix24.com",
                "server_endpoint": "https://oauth.bitrix.info/rest/",
                "status": "F",
                "client_endpoint": "https://some-domain.bitrix24.com/rest/",
                "member_id": "a223c6b3710f85df22e9377d6c4f7553",
                "refresh_token": "4s386p3q0tr8dy89xvmt96234v3dljg8",
                "application_token": "51856fefc120afa4b628cc82d3935cce"
            }
        }
        """;

    private const string Probe = """
        using System.Globalization;
        using System.Text;
        using System.Text.Json;
        using Bitrix24.Generated;
        using Bitrix24.Generated.Calendar;
        using Bitrix24.Generated.Events;

        namespace Consumer
        {
            public static class EventProbe
            {
                public static string Typed(string json)
                {
                    OnCalendarEntryAdd e = JsonSerializer.Deserialize(json, Bitrix24JsonContext.Default.OnCalendarEntryAdd)!;
                    int id = e.Data.Id!.Value;
                    return string.Join("|", e.Event, e.EventHandlerId.ToString(CultureInfo.InvariantCulture), id.ToString(CultureInfo.InvariantCulture),
                        e.Ts.ToString("O", CultureInfo.InvariantCulture), e.Auth!.MemberId, e.Auth.Domain, e.Auth.ClientEndpoint, e.Auth.ApplicationToken,
                        e.Auth.ExpiresIn!.Value.ToString(CultureInfo.InvariantCulture));
                }

                public static string ByName(string name, string json)
                {
                    var info = Bitrix24Events.Catalog.Find(name)!;
                    var e = info.Deserialize(Encoding.UTF8.GetBytes(json));
                    return info.Type.Name + "|" + ((OnCalendarEntryAdd)e).Data.Id + "|" + e.Ts.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                }

                public static string RoundTrip(string json) =>
                    JsonSerializer.Serialize(JsonSerializer.Deserialize(json, Bitrix24JsonContext.Default.OnCalendarEntryAdd)!, Bitrix24JsonContext.Default.OnCalendarEntryAdd);
            }
        }
        """;

    [Fact]
    public void An_event_spec_generates_a_documented_class_that_compiles_without_warnings()
    {
        var (result, output) = GeneratorRunner.Run((Path, Spec));

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var type = output.GetTypeByMetadataName("Bitrix24.Generated.Calendar.OnCalendarEntryAdd")!;
        Assert.True(type.IsSealed);
        Assert.Equal("Bitrix24.Generated.Events.Bitrix24Event<Bitrix24.Generated.Calendar.OnCalendarEntryAddData>", type.BaseType!.ToDisplayString());
        var data = output.GetTypeByMetadataName("Bitrix24.Generated.Calendar.OnCalendarEntryAddData")!;
        Assert.Equal("int?", ((IPropertySymbol)data.GetMembers("Id").Single()).Type.ToDisplayString());
        var docs = type.GetDocumentationCommentXml()!;
        Assert.Contains("A calendar event was added.", docs, System.StringComparison.Ordinal);
        Assert.Contains("on-calendar-entry-add.html", docs, System.StringComparison.Ordinal);

        var code = result.GeneratedSources.Single(s => s.HintName == "Bitrix24.Generated.Calendar.OnCalendarEntryAdd.g.cs").SourceText.ToString();
        Assert.Contains("public sealed partial class OnCalendarEntryAdd : Bitrix24Event<OnCalendarEntryAddData>", code, System.StringComparison.Ordinal);
        var catalog = result.GeneratedSources.Single(s => s.HintName == "Bitrix24.Generated.Bitrix24Events.g.cs").SourceText.ToString();
        Assert.Contains("Of<global::Bitrix24.Generated.Calendar.OnCalendarEntryAdd>(", catalog, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_documented_payload_reads_into_the_typed_class_directly_and_by_name()
    {
        var (result, output) = GeneratorRunner.Run((Path, Spec));
        Assert.Empty(result.Diagnostics);
        var compilation = output.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Probe, GeneratorRunner.ParseOptions, "Probe.cs"));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        var context = new AssemblyLoadContext("event-spec-probe", isCollectible: true);
        try
        {
            image.Position = 0;
            var probe = context.LoadFromStream(image).GetType("Consumer.EventProbe")!;

            Assert.Equal(
                "ONCALENDARENTRYADD|3|1414|2024-12-19T11:36:09.0000000+00:00|a223c6b3710f85df22e9377d6c4f7553|some-domain.bitrix24.com|https://some-domain.bitrix24.com/rest/|51856fefc120afa4b628cc82d3935cce|3600",
                Call(probe, "Typed", Payload));
            Assert.Equal("OnCalendarEntryAdd|1414|1734608169", Call(probe, "ByName", "onCalendarEntryAdd", Payload));

            // Numbers where the form sends strings read too, and an empty PHP array as data leaves it empty.
            Assert.Equal("OnCalendarEntryAdd|7|5", Call(probe, "ByName", "ONCALENDARENTRYADD", """{"event":"ONCALENDARENTRYADD","event_handler_id":3,"data":{"id":7},"ts":5}"""));
            Assert.Equal("OnCalendarEntryAdd||5", Call(probe, "ByName", "ONCALENDARENTRYADD", """{"event":"ONCALENDARENTRYADD","data":[],"ts":"5"}"""));
            Assert.Equal(
                """{"event":"ONCALENDARENTRYADD","event_handler_id":"3","data":{"id":"1414"},"ts":"1734608169"}""",
                Call(probe, "RoundTrip", """{"event":"ONCALENDARENTRYADD","event_handler_id":"3","data":{"id":"1414"},"ts":"1734608169"}"""));
        }
        finally
        {
            context.Unload();
        }
    }

    [Theory]
    // Both method and event: at the event key.
    [InlineData("method: calendar.event.add\nevent: ONCALENDARENTRYADD\nscope: calendar\nsummary: Added.\n", "B24049", 2, 1)]
    // Not the portal's upper case: at the value.
    [InlineData("event: onCalendarEntryAdd\nscope: calendar\nsummary: Added.\n", "B24050", 1, 8)]
    [InlineData("event: CALENDARENTRYADD\nscope: calendar\nsummary: Added.\n", "B24050", 1, 8)]
    // No summary: at the start of the spec.
    [InlineData("event: ONCALENDARENTRYADD\nscope: calendar\n", "B24002", 1, 1)]
    // A key events do not have.
    [InlineData("event: ONCALENDARENTRYADD\nscope: calendar\nsummary: Added.\nresult:\n  type: boolean\n", "B24003", 4, 1)]
    // A data field of an unknown type: at its type.
    [InlineData("event: ONCALENDARENTRYADD\nscope: calendar\nsummary: Added.\ndata:\n  - name: id\n    type: Missing\n", "B24004", 6, 11)]
    // A data field twice: at the second name.
    [InlineData("event: ONCALENDARENTRYADD\nscope: calendar\nsummary: Added.\ndata:\n  - name: id\n    type: string\n  - name: id\n    type: string\n", "B24005", 7, 11)]
    // A class name that is no C# name.
    [InlineData("event: ONCALENDARENTRYADD\nscope: calendar\ncsharpName: On Add\nsummary: Added.\n", "B24011", 3, 13)]
    public void A_bad_event_spec_is_reported_where_it_goes_wrong(string spec, string id, int line, int column)
    {
        var (result, output) = GeneratorRunner.Run(("/specs/calendar/events/bad.yaml", spec));

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/specs/calendar/events/bad.yaml", span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void The_same_event_twice_is_reported_at_the_second_and_generates_once()
    {
        var (result, output) = GeneratorRunner.Run((Path, Spec), ("/app/specs/calendar/events/zz-again.yaml", Spec));

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "B24051");
        Assert.Equal("/app/specs/calendar/events/zz-again.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains(Path, diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void An_event_whose_class_takes_a_declared_types_name_is_reported()
    {
        const string method = "method: calendar.thing.get\nscope: calendar\nsummary: Reads.\nresult:\n  type: OnCalendarEntryAdd\ntypes:\n  OnCalendarEntryAdd:\n    kind: object\n    properties:\n      - name: id\n        type: integer\n";

        var (result, output) = GeneratorRunner.Run((Path, Spec), ("/app/specs/calendar/calendar.thing.get.yaml", method));

        Assert.Contains(result.Diagnostics, d => d.Id == "B24052" && d.Location.GetLineSpan().Path == Path && d.Location.GetLineSpan().StartLinePosition.Line == 3);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Error));
    }

    private static string Call(System.Type probe, string method, params object[] arguments) =>
        (string)probe.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;
}
