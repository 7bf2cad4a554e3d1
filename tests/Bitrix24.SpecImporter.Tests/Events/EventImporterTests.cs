using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Reading;
using Bitrix24.SpecImporter.Events;
using Bitrix24.SpecImporter.Tests.Import;

namespace Bitrix24.SpecImporter.Tests.Events;

/// <summary>Event pages become event specs: the data from the documented payload, the descriptions from the tables.</summary>
public class EventImporterTests
{
    private const string AddPage = """
        # When a Thing Is Added OnThingAdd

        > Scope: [`thing`](../../scopes/permissions.md)
        >
        > Who can subscribe: any user

        The `ONTHINGADD` event is triggered when a thing is added. More follows.

        ## What the Handler Receives

        Data is transmitted as a POST request {.b24-info}

        ```json
        {
            "event": "ONTHINGADD",
            "event_handler_id": "3",
            "data": {
                "FIELDS": {
                    "ID": "5",
                    "TAGS": ["a", "b"]
                },
                "COUNT": 2,
                "ACTIVE": true
            },
            "ts": "1734608169",
            "auth": {
                "access_token": "s6p6eclrvim6da22ft9ch94ekreb52lv",
                "domain": "some-domain.bitrix24.com",
                "member_id": "a223c6b3710f85df22e9377d6c4f7553",
                "application_token": "51856fefc120afa4b628cc82d3935cce"
            }
        }
        ```

        #|
        || **Name**
        `type` | **Description** ||
        || **event**
        [`string`](../../data-types.md) | Symbolic code of the event ||
        || **data**
        [`object`](../../data-types.md) | The thing ||
        || **data.FIELDS**
        [`object`](../../data-types.md) | The fields of the thing ||
        || **data.FIELDS.ID**
        [`integer`](../../data-types.md) | Identifier of the thing ||
        || **data.OWNER_ID**
        [`integer`](../../data-types.md) | Who owns it ||
        || **ts**
        [`timestamp`](../../data-types.md) | When ||
        |#
        """;

    private const string OldPage = """
        # Event onThingDelete

        The event is triggered when a thing is deleted.

        ## Parameters

        #|
        || **Name**
        `type` | **Description** ||
        || **ID**
        [`integer`](../../data-types.md) | Identifier of the deleted thing ||
        || **WHEN**
        [`timestamp`](../../data-types.md) | When it went ||
        |#
        """;

    private const string SeveralPage = """
        # Event Formats for thing.v2

        ## ONTHINGV2ADD {#onthingv2add}

        A thing was added in version two.

        #|
        || **Field** | **Type** | **Description** ||
        || **id** | `integer` | The thing ||
        |#

        ### Example Data

        ```json
        {"id": 7}
        ```
        """;

    private const string MethodPage = """
        # Bind a Handler thing.event.bind

        > Scope: [`thing`](../../scopes/permissions.md)

        ```json
        {"event": "ONTHINGADD", "handler": "https://example.com"}
        ```
        """;

    private static (Dictionary<string, string> Files, List<EventOutcome> Outcomes) Import(DocsFolder folder)
    {
        var pages = folder.Pages();
        return EventImporter.Import(pages, folder.Files().Select(file => DocsFolder.Root + "/" + file.Relative), new Dictionary<string, string>());
    }

    private static EventModel Read(Dictionary<string, string> files, string file)
    {
        var document = SpecDocument.Read(file, files[file]);
        Assert.Empty(document.Diagnostics);
        return document.Event!;
    }

    [Fact]
    public void An_event_page_becomes_a_spec_typed_from_its_payload_and_described_by_its_table()
    {
        var (files, outcomes) = Import(new DocsFolder().Page("api-reference/thing/events/on-thing-add.md", AddPage));

        var outcome = Assert.Single(outcomes);
        Assert.Equal("thing/events/ONTHINGADD.yaml", outcome.File);
        var spec = Read(files, "thing/events/ONTHINGADD.yaml");
        Assert.Equal("ONTHINGADD", spec.Name);
        Assert.Equal("OnThingAdd", spec.CSharpName);
        Assert.Equal("thing", spec.Scope);
        Assert.Equal("any user", spec.Access);
        Assert.Equal("The ONTHINGADD event is triggered when a thing is added.", spec.Summary);
        Assert.Equal("https://apidocs.bitrix24.com/api-reference/thing/events/on-thing-add.html", spec.Docs);

        // The payload's data, typed in text form; the table's data.OWNER_ID too, which the payload leaves out.
        Assert.Equal(new[] { "FIELDS", "COUNT", "ACTIVE", "OWNER_ID" }, spec.Data.Select(field => field.WireName));
        Assert.Equal("OnThingAddFields", spec.Data[0].Type.Name);
        Assert.Equal("The fields of the thing", spec.Data[0].Description);
        Assert.Equal(WireKind.IntegerString, spec.Data[1].Type.Kind);
        Assert.Equal(WireKind.Boolean, spec.Data[2].Type.Kind);
        Assert.Equal(WireKind.IntegerString, spec.Data[3].Type.Kind);
        Assert.Equal("Who owns it", spec.Data[3].Description);
        var fields = Assert.Single(spec.Types);
        Assert.Equal(WireKind.IntegerString, fields.Properties[0].Type.Kind);
        Assert.Equal("Identifier of the thing", fields.Properties[0].Description);
        Assert.Equal("5", fields.Properties[0].Example);
        Assert.Equal(WireKind.Array, fields.Properties[1].Type.Kind);

        // The payload is kept as documented, its fake tokens too.
        var example = Assert.Single(spec.Examples);
        Assert.Contains("\"data\":{\"FIELDS\":{\"ID\":\"5\",\"TAGS\":[\"a\",\"b\"]},\"COUNT\":2,\"ACTIVE\":true}", example.Payload, StringComparison.Ordinal);
        Assert.Contains("\"application_token\":\"51856fefc120afa4b628cc82d3935cce\"", example.Payload, StringComparison.Ordinal);
        Assert.StartsWith(Bitrix24.SpecImporter.Import.DocsImporter.Marker + "\n", files["thing/events/ONTHINGADD.yaml"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_without_a_payload_takes_its_fields_from_the_table_in_text_form()
    {
        var (files, _) = Import(new DocsFolder().Page("api-reference/thing/outdated/events-thing/on-thing-delete.md", OldPage));

        var spec = Read(files, "thing/events/ONTHINGDELETE.yaml");
        Assert.Equal("OnThingDelete", spec.CSharpName);
        Assert.Equal("thing", spec.Scope);
        Assert.Equal(new[] { ("ID", WireKind.IntegerString), ("WHEN", WireKind.UnixTimeString) }, spec.Data.Select(field => (field.WireName, field.Type.Kind)));
        Assert.Empty(spec.Examples);
    }

    [Fact]
    public void A_page_of_several_events_gives_a_spec_each_named_by_the_words_of_the_others()
    {
        var (files, outcomes) = Import(new DocsFolder()
            .Page("api-reference/thing/events/on-thing-add.md", AddPage)
            .Page("api-reference/thing/thing.v2/events/events.md", SeveralPage));

        Assert.Equal(2, outcomes.Count(outcome => outcome.File is not null));
        var spec = Read(files, "thing/events/ONTHINGV2ADD.yaml");
        Assert.Equal("OnThingV2Add", spec.CSharpName);
        Assert.Equal("A thing was added in version two.", spec.Summary);
        Assert.EndsWith("events.html#onthingv2add", spec.Docs, StringComparison.Ordinal);
        Assert.Equal(WireKind.IntegerString, Assert.Single(spec.Data).Type.Kind);
        Assert.Equal("{\"event\":\"ONTHINGV2ADD\",\"data\":{\"id\":7}}", Assert.Single(spec.Examples).Payload);
    }

    [Fact]
    public void The_same_event_on_a_second_page_is_left_out_and_a_methods_page_is_no_event()
    {
        var (files, outcomes) = Import(new DocsFolder()
            .Page("api-reference/thing/events/on-thing-add.md", AddPage)
            .Page("api-reference/thing/events-more/on-thing-add-again.md", AddPage)
            .Page("api-reference/thing/events/thing-event-bind.md", MethodPage));

        Assert.Single(files);
        Assert.Equal(2, outcomes.Count);
        var left = Assert.Single(outcomes, outcome => outcome.File is null);
        // The first page by path keeps it: events-more/ sorts before events/.
        Assert.Equal("another page documents the same event: api-reference/thing/events-more/on-thing-add-again.md", left.Reason);

        var report = EventReport.Write(outcomes);
        Assert.Contains("**1 of 2 documented events have a spec**", report, StringComparison.Ordinal);
        Assert.Contains("- `ONTHINGADD` (api-reference/thing/events/on-thing-add.md): another page documents", report, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_of_the_event_machinery_is_filed_under_basic_whatever_scope_its_sample_payload_names()
    {
        var page = AddPage.Replace("> Scope: [`thing`](../../scopes/permissions.md)\n>\n", string.Empty, StringComparison.Ordinal)
            .Replace("ONTHINGADD", "ONQUEUECHANGE", StringComparison.Ordinal).Replace("OnThingAdd", "OnQueueChange", StringComparison.Ordinal)
            .Replace("\"domain\"", "\"scope\": \"task\", \"domain\"", StringComparison.Ordinal);
        Assert.DoesNotContain("Scope:", page, StringComparison.Ordinal);

        var (files, _) = Import(new DocsFolder().Page("api-reference/events/on-queue-change.md", page));

        Assert.Equal("basic", Read(files, "basic/events/ONQUEUECHANGE.yaml").Scope);
    }
}

