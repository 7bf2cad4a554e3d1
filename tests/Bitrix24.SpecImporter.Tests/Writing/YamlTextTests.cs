using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Specs.Reading;
using Bitrix24.SpecImporter.Writing;

namespace Bitrix24.SpecImporter.Tests.Writing;

public sealed class YamlTextTests
{
    [Theory]
    [InlineData("plain words", "plain words")]
    [InlineData("Y", "\"Y\"")]
    [InlineData("no", "\"no\"")]
    [InlineData("0.00", "\"0.00\"")]
    [InlineData("12", "\"12\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("#hash", "\"#hash\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("- item", "\"- item\"")]
    [InlineData("", "\"\"")]
    [InlineData("trailing ", "\"trailing \"")]
    [InlineData("line\nbreak", "\"line\\nbreak\"")]
    public void Scalars_are_plain_only_when_YAML_reads_them_back_as_the_same_string(string value, string expected)
    {
        var scalar = YamlText.Scalar(value);
        Assert.Equal(expected, scalar);

        var spec = SpecDocument.Read("x.yaml", $"method: a.b\nscope: a\nsummary: {scalar}\nresult:\n  type: string\n");
        Assert.Equal(value, spec.Method!.Summary);
    }

    [Fact]
    public void Json_is_single_quoted_with_quotes_doubled()
    {
        var json = """{"a":"it's"}""";
        var scalar = YamlText.Json(json);
        Assert.Equal("""'{"a":"it''s"}'""", scalar);

        var spec = SpecDocument.Read("x.yaml", $"method: a.b\nscope: a\nsummary: s\nresult:\n  type: string\nexamples:\n  - name: e\n    request: {scalar}\n");
        Assert.Equal(json, spec.Method!.Examples.Single().Request);
    }
}
