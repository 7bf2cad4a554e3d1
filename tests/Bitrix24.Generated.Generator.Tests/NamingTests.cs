using Bitrix24.Generated.Generator.Emitting;
using Bitrix24.Generated.Generator.Validation;

namespace Bitrix24.Generated.Generator.Tests;

public class NamingTests
{
    [Theory]
    [InlineData("showDeclined", "ShowDeclined")]
    [InlineData("work_time_start", "WorkTimeStart")]
    [InlineData("timezoneOffsetUTC", "TimezoneOffsetUTC")]
    [InlineData("DATE_FROM", "DateFrom")]
    [InlineData("ID", "Id")]
    [InlineData("UF_CRM_CAL_EVENT", "UfCrmCalEvent")]
    [InlineData("~USER_OFFSET_FROM", "UserOffsetFrom")]
    [InlineData("month", "Month")]
    [InlineData("3_9", "Value39")]
    [InlineData("get.nearest", "GetNearest")]
    public void Wire_names_become_dotnet_names(string wire, string expected) => Assert.Equal(expected, Naming.ToPascalCase(wire));

    [Theory]
    [InlineData("Settings", true)]
    [InlineData("class", false)]
    [InlineData("1st", false)]
    [InlineData("with space", false)]
    public void Identifiers_are_checked_like_the_compiler_does(string name, bool valid) => Assert.Equal(valid, Naming.IsValidIdentifier(name));

    [Theory]
    [InlineData("Use `true` & <b>", "Use <c>true</c> &amp; &lt;b&gt;")]
    [InlineData("an open `quote", "an open <c>quote</c>")]
    [InlineData(null, "")]
    public void Descriptions_become_safe_xml(string? text, string expected) => Assert.Equal(expected, DocComments.Escape(text));

    [Fact]
    public void Long_descriptions_wrap()
    {
        var lines = DocComments.Wrap(string.Join(" ", System.Linq.Enumerable.Repeat("word", 60)));

        Assert.True(lines.Count > 1);
        Assert.All(lines, line => Assert.True(line.Length <= 100));
    }

    [Theory]
    [InlineData("say \"hi\"\n", "\"say \\\"hi\\\"\\n\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    public void String_literals_escape_what_they_must(string text, string expected) => Assert.Equal(expected, DocComments.Literal(text));
}
