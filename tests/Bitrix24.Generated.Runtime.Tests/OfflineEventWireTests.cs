using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Bitrix24.Generated.Events;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>How the poller writes its calls and reads event.offline.get's answer, and the file checkpoint's edge cases.</summary>
public class OfflineEventWireTests
{
    [Fact]
    public void Reads_the_documented_answer()
    {
        var (processId, events) = OfflineEventWire.ReadBatch(Parse("""
            {"process_id":null,"events":[{"ID":"1","TIMESTAMP_X":"2024-07-18T12:32:31+02:00","EVENT_NAME":"ONCRMLEADADD","EVENT_DATA":false,"EVENT_ADDITIONAL":false,"MESSAGE_ID":"1"}]}
            """));

        Assert.Null(processId);
        var record = Assert.Single(events);
        Assert.Equal(1L, record.Id);
        Assert.Equal(new DateTimeOffset(2024, 7, 18, 12, 32, 31, TimeSpan.FromHours(2)), record.Timestamp);
        Assert.Equal(TimeSpan.FromHours(2), record.Timestamp.Offset);
        Assert.Equal("ONCRMLEADADD", record.EventName);
        Assert.Equal(JsonValueKind.False, record.Data.ValueKind);
        Assert.Equal("1", record.MessageId);
    }

    [Fact]
    public void Reads_numbers_for_ids_records_keyed_by_php_and_a_regional_timestamp()
    {
        var (processId, events) = OfflineEventWire.ReadBatch(Parse("""
            {"process_id":"abc","events":{"0":{"ID":7,"TIMESTAMP_X":"18.07.2024 12:32:31","EVENT_NAME":"ONCRMDEALADD","EVENT_DATA":{"FIELDS":{"ID":"3"}},"MESSAGE_ID":42}}}
            """));

        Assert.Equal("abc", processId);
        var record = Assert.Single(events);
        Assert.Equal(7L, record.Id);
        Assert.Equal("42", record.MessageId);
        Assert.Equal(new DateTimeOffset(2024, 7, 18, 12, 32, 31, TimeSpan.Zero), record.Timestamp);
        Assert.Equal("3", record.Data.GetProperty("FIELDS").GetProperty("ID").GetString());
        // A missing EVENT_ADDITIONAL reads as the portal's empty value.
        Assert.Equal(JsonValueKind.False, record.Additional.ValueKind);
    }

    [Fact]
    public void An_empty_queue_reads_as_no_records()
    {
        Assert.Empty(OfflineEventWire.ReadBatch(Parse("""{"process_id":"abc","events":[]}""")).Events);
        Assert.Empty(OfflineEventWire.ReadBatch(Parse("""{"process_id":null}""")).Events);
    }

    [Theory]
    [InlineData("""[]""")]
    [InlineData("""{"events":"none"}""")]
    [InlineData("""{"events":[{"TIMESTAMP_X":"2024-07-18T12:32:31+02:00","EVENT_NAME":"X","MESSAGE_ID":"1"}]}""")]
    [InlineData("""{"events":[{"ID":"x1","TIMESTAMP_X":"2024-07-18T12:32:31+02:00","EVENT_NAME":"X","MESSAGE_ID":"1"}]}""")]
    [InlineData("""{"events":[{"ID":"1","TIMESTAMP_X":"yesterday","EVENT_NAME":"X","MESSAGE_ID":"1"}]}""")]
    [InlineData("""{"events":[{"ID":"1","TIMESTAMP_X":"2024-07-18T12:32:31+02:00","MESSAGE_ID":"1"}]}""")]
    [InlineData("""{"events":[{"ID":"1","TIMESTAMP_X":"2024-07-18T12:32:31+02:00","EVENT_NAME":"X"}]}""")]
    public void A_malformed_answer_is_a_format_error(string json)
    {
        var exception = Assert.Throws<Bitrix24ResponseFormatException>(() => OfflineEventWire.ReadBatch(Parse(json)));
        Assert.Equal("event.offline.get", exception.Method);
    }

    [Fact]
    public void Get_reserves_with_clear_0_and_filters_by_upper_case_event_names()
    {
        var body = JsonNode.Parse(OfflineEventWire.GetBody("p1", 20, ["onCrmDealAdd", "ONCRMLEADADD"]))!;

        Assert.Equal(0, (int)body["clear"]!);
        Assert.Equal(20, (int)body["limit"]!);
        Assert.Equal("p1", (string?)body["process_id"]);
        Assert.Equal("""["ONCRMDEALADD","ONCRMLEADADD"]""", body["filter"]!["=EVENT_NAME"]!.ToJsonString());

        var plain = JsonNode.Parse(OfflineEventWire.GetBody(null, 50, null))!.AsObject();
        Assert.False(plain.ContainsKey("process_id"));
        Assert.False(plain.ContainsKey("auth_connector"));
        Assert.Equal("crm-sync", (string?)JsonNode.Parse(OfflineEventWire.GetBody(null, 50, null, "crm-sync"))!["auth_connector"]);
        Assert.False(plain.ContainsKey("filter"));
    }

    [Fact]
    public void Clear_names_its_records_and_refuses_to_be_sent_without_them()
    {
        Assert.Equal("""{"process_id":"p1","id":[3,4]}""", Encoding.UTF8.GetString(OfflineEventWire.ClearBody("p1", [3L, 4L])));
        // Without ids the portal would clear every record of the process, handled or not.
        Assert.Throws<ArgumentException>(() => OfflineEventWire.ClearBody("p1", Array.Empty<long>()));
        Assert.Equal("""{"process_id":"p1","message_id":["m"]}""", Encoding.UTF8.GetString(OfflineEventWire.ErrorBody("p1", "m")));
        Assert.False(OfflineEventWire.Get.IsIdempotent);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void The_batch_size_is_between_1_and_50(int size) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Bitrix24OfflineEventsOptions { BatchSize = size });

    [Fact]
    public async Task The_file_checkpoint_round_trips_and_clears()
    {
        var folder = Directory.CreateTempSubdirectory("offline-checkpoint-");
        try
        {
            var checkpoint = new FileBitrix24OfflineCheckpoint(Path.Combine(folder.FullName, "state.json"));
            Assert.Null(await checkpoint.LoadAsync(default));

            await checkpoint.SaveAsync(new Bitrix24OfflineCheckpointState("p1", []), default);
            await checkpoint.SaveAsync(new Bitrix24OfflineCheckpointState("p1", [5L, 9L]), default);
            var loaded = await checkpoint.LoadAsync(default);

            Assert.NotNull(loaded);
            Assert.Equal("p1", loaded.ProcessId);
            Assert.Equal([5L, 9L], loaded.HandledIds);
            Assert.Equal(["state.json"], Array.ConvertAll(folder.GetFiles(), f => f.Name));

            await checkpoint.ClearAsync(default);
            await checkpoint.ClearAsync(default);
            Assert.Null(await checkpoint.LoadAsync(default));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_damaged_checkpoint_file_is_an_error_not_an_empty_state()
    {
        var folder = Directory.CreateTempSubdirectory("offline-checkpoint-");
        try
        {
            var path = Path.Combine(folder.FullName, "state.json");
            await File.WriteAllTextAsync(path, """{"process_id":"p1","handled":[1,""");

            // Reading it as "no batch held" would forget the batch and leave its records reserved.
            await Assert.ThrowsAsync<InvalidDataException>(async () => await new FileBitrix24OfflineCheckpoint(path).LoadAsync(default));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_memory_checkpoint_keeps_a_copy_of_what_it_was_given()
    {
        var checkpoint = new InMemoryBitrix24OfflineCheckpoint();
        var handled = new System.Collections.Generic.List<long> { 1 };
        await checkpoint.SaveAsync(new Bitrix24OfflineCheckpointState("p1", handled), default);
        handled.Add(2);

        Assert.Equal([1L], (await checkpoint.LoadAsync(default))!.HandledIds);
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
