using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Bitrix24.Generated.Forms;

namespace Bitrix24.Emulator.Tests;

public class PhpFormDecoderTests
{
    [Fact]
    public void Nested_keys_become_objects_and_arrays()
    {
        var json = PhpFormDecoder.Decode(new Dictionary<string, string>
        {
            ["settings[view]"] = "month",
            ["settings[defaultReminders][fullDay][0][type]"] = "min",
            ["settings[defaultReminders][fullDay][0][count]"] = "15",
            ["settings[defaultSections][user1]"] = "4",
            ["ids[]"] = "7",
        });

        Assert.Equal("""{"settings":{"view":"month","defaultReminders":{"fullDay":[{"type":"min","count":"15"}]},"defaultSections":{"user1":"4"}},"ids":["7"]}""", json.ToJsonString());
    }

    [Fact]
    public void Empty_brackets_append()
    {
        var json = PhpFormDecoder.Decode(new[]
        {
            new KeyValuePair<string, string>("users[]", "1"),
            new KeyValuePair<string, string>("users[]", "34"),
        });

        Assert.Equal("""{"users":["1","34"]}""", json.ToJsonString());
    }

    [Fact]
    public void Appending_after_a_numbered_key_continues_from_the_largest()
    {
        var json = Decode(
            ("a[5]", "x"),
            ("a[]", "y"),
            ("a[007]", "z"),
            ("a[]", "w"));

        Assert.Equal("""{"a":{"5":"x","6":"y","007":"z","7":"w"}}""", json.ToJsonString());
    }

    [Fact]
    public void Positional_parameters_stay_parameters_by_name_and_a_nameless_field_is_dropped()
    {
        var json = Decode(
            ("0", "123"),
            ("1[POST_MESSAGE]", "test"),
            ("", "1"));

        Assert.Equal("""{"0":"123","1":{"POST_MESSAGE":"test"}}""", json.ToJsonString());
    }

    [Fact]
    public void A_field_nested_deeper_than_64_levels_drops_its_variable_as_php_does()
    {
        var json = Decode(
            ("fields[TITLE]", "kept only without the deep field"),
            ("fields" + string.Concat(Enumerable.Repeat("[x]", 65)), "1"),
            ("deepest" + string.Concat(Enumerable.Repeat("[x]", 64)), "2"),
            ("other", "3"));

        Assert.Equal(new[] { "deepest", "other" }, json.Select(pair => pair.Key));
        Assert.Equal(64, CountDepth(json["deepest"]!));

        static int CountDepth(System.Text.Json.Nodes.JsonNode node) => node is System.Text.Json.Nodes.JsonObject map ? 1 + CountDepth(map["x"]!) : 0;
    }

    [Fact]
    public void A_hundred_thousand_appended_entries_decode_well_under_a_second()
    {
        // A generous bound, far from both sides: in linear time this takes a fraction of a second even on a busy
        // machine, while a scan of every key on each append takes minutes. The best of three keeps other tests
        // running alongside out of the figure.
        var fields = Enumerable.Range(0, 100_000).Select(i => new KeyValuePair<string, string>("section[]", "1")).ToList();
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            var json = PhpFormDecoder.Decode(fields);
            clock.Stop();
            Assert.Equal(100_000, json["section"]!.AsArray().Count);
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        Assert.True(best < TimeSpan.FromSeconds(2), "100,000 entries took " + best);
    }

    private static System.Text.Json.Nodes.JsonObject Decode(params (string Name, string Value)[] fields) =>
        PhpFormDecoder.Decode(fields.Select(field => KeyValuePair.Create(field.Name, field.Value)));

    [Theory]
    [InlineData("a", new[] { "a" })]
    [InlineData("", new string[0])]
    [InlineData("a[b][0]", new[] { "a", "b", "0" })]
    [InlineData("a[]", new[] { "a", "" })]
    [InlineData("a[b", new[] { "a[b" })]
    [InlineData("[x]", new string[0])]
    public void Names_split_like_php(string name, string[] path) => Assert.Equal(path, PhpFormDecoder.SplitPath(name));

    [Fact]
    public void The_encoder_writes_what_the_decoder_reads_back_as_a_portal_posts_an_event()
    {
        var payload = System.Text.Json.Nodes.JsonNode.Parse("""
            {"event":"ONCRMDEALADD","data":{"FIELDS":{"ID":"5","TAGS":["a","b"]}},"ts":"1734608169",
             "auth":{"member_id":"m1","application_token":"t"}}
            """)!.AsObject();

        var fields = PhpFormEncoder.Encode(payload);

        Assert.Contains(KeyValuePair.Create("data[FIELDS][ID]", "5"), fields);
        Assert.Contains(KeyValuePair.Create("data[FIELDS][TAGS][1]", "b"), fields);
        Assert.Contains(KeyValuePair.Create("auth[application_token]", "t"), fields);
        Assert.Equal(payload.ToJsonString(), PhpFormDecoder.Decode(fields).ToJsonString());
    }

    [Fact]
    public void The_encoder_writes_booleans_and_numbers_as_php_does_and_leaves_out_nulls_and_empty_containers()
    {
        var fields = PhpFormEncoder.Encode(System.Text.Json.Nodes.JsonNode.Parse("""{"a":true,"b":false,"c":1.5,"d":null,"e":{},"f":[]}""")!.AsObject());

        Assert.Equal(new[] { KeyValuePair.Create("a", "1"), KeyValuePair.Create("b", "0"), KeyValuePair.Create("c", "1.5") }, fields);
    }

    [Fact]
    public void The_encoder_takes_values_built_in_code_as_well_as_parsed_ones()
    {
        var fields = PhpFormEncoder.Encode(new System.Text.Json.Nodes.JsonObject
        {
            ["event"] = "ONCRMDEALADD",
            ["data"] = new System.Text.Json.Nodes.JsonObject { ["FIELDS"] = new System.Text.Json.Nodes.JsonObject { ["ID"] = 5 } },
            ["flag"] = true,
        });

        Assert.Equal(new[] { KeyValuePair.Create("event", "ONCRMDEALADD"), KeyValuePair.Create("data[FIELDS][ID]", "5"), KeyValuePair.Create("flag", "1") }, fields);
    }
}
