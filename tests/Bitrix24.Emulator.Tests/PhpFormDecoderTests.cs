using System.Collections.Generic;
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

    [Theory]
    [InlineData("a", new[] { "a" })]
    [InlineData("a[b][0]", new[] { "a", "b", "0" })]
    [InlineData("a[]", new[] { "a", "" })]
    [InlineData("a[b", new[] { "a[b" })]
    [InlineData("[x]", new string[0])]
    public void Names_split_like_php(string name, string[] path) => Assert.Equal(path, PhpFormDecoder.SplitPath(name));
}
