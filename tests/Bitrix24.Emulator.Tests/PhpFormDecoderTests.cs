using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Bitrix24.Emulator.Requests;

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
        var json = PhpFormDecoder.Decode(new[]
        {
            new KeyValuePair<string, string>("a[5]", "x"),
            new KeyValuePair<string, string>("a[]", "y"),
            new KeyValuePair<string, string>("a[007]", "z"),
            new KeyValuePair<string, string>("a[]", "w"),
        });

        Assert.Equal("""{"a":{"5":"x","6":"y","007":"z","7":"w"}}""", json.ToJsonString());
    }

    [Fact]
    public void Positional_parameters_stay_parameters_by_name_and_a_nameless_field_is_dropped()
    {
        var json = PhpFormDecoder.Decode(new[]
        {
            new KeyValuePair<string, string>("0", "123"),
            new KeyValuePair<string, string>("1[POST_MESSAGE]", "test"),
            new KeyValuePair<string, string>("", "1"),
        });

        Assert.Equal("""{"0":"123","1":{"POST_MESSAGE":"test"}}""", json.ToJsonString());
    }

    [Fact]
    public void Appending_takes_time_in_proportion_to_the_entries()
    {
        // Measured by growth more than by a bound in seconds: ten times the entries take about ten times as long,
        // never the hundred times a scan of every key on each append takes; the best of five runs, each after a
        // collection, keeps other tests running alongside out of the figures.
        static TimeSpan Decode(int count)
        {
            var fields = Enumerable.Range(0, count).Select(i => new KeyValuePair<string, string>("section[]", "1")).ToList();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var clock = Stopwatch.StartNew();
            var json = PhpFormDecoder.Decode(fields);
            clock.Stop();
            Assert.Equal(count, json["section"]!.AsArray().Count);
            return clock.Elapsed;
        }

        Decode(10_000);
        var small = Enumerable.Range(0, 5).Min(_ => Decode(10_000));
        var large = Enumerable.Range(0, 5).Min(_ => Decode(100_000));

        Assert.True(large < TimeSpan.FromSeconds(2), "100,000 entries took " + large);
        Assert.True(large.Ticks < small.Ticks * 50, "10,000 entries took " + small + ", 100,000 took " + large);
    }

    [Theory]
    [InlineData("a", new[] { "a" })]
    [InlineData("", new string[0])]
    [InlineData("a[b][0]", new[] { "a", "b", "0" })]
    [InlineData("a[]", new[] { "a", "" })]
    [InlineData("a[b", new[] { "a[b" })]
    [InlineData("[x]", new string[0])]
    public void Names_split_like_php(string name, string[] path) => Assert.Equal(path, PhpFormDecoder.SplitPath(name));
}
