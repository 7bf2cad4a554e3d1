using Bitrix24.Generated.Generator.Emitting;
using Bitrix24.Generated.Specs.Naming;

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
    public void Wire_names_become_dotnet_names(string wire, string expected) => Assert.Equal(expected, Names.ToPascalCase(wire));

    [Theory]
    [InlineData("calendar", "Calendar")]
    [InlineData("sign.b2e", "SignB2e")]
    [InlineData("pay_system", "PaySystem")]
    [InlineData("task", "TaskScope")]
    public void Scopes_become_namespaces_that_stand_in_for_no_type(string scope, string expected) => Assert.Equal(expected, Names.ScopeNamespace(scope));

    [Theory]
    [InlineData("Settings", true)]
    [InlineData("class", false)]
    [InlineData("1st", false)]
    [InlineData("with space", false)]
    [InlineData("_private", true)]
    [InlineData("Ünïcode", true)]
    [InlineData("a-b", false)]
    [InlineData("", false)]
    public void Identifiers_are_checked_like_the_compiler_does(string name, bool valid) => Assert.Equal(valid, Names.IsValidIdentifier(name));

    [Theory]
    [InlineData("Use `true` & <b>", "Use <c>true</c> &amp; &lt;b&gt;")]
    [InlineData("an open `quote", "an open <c>quote</c>")]
    [InlineData(null, "")]
    public void Descriptions_become_safe_xml(string? text, string expected) => Assert.Equal(expected, DocComments.Escape(text));

    [Fact]
    public void Long_descriptions_wrap()
    {
        var lines = DocComments.Wrap(string.Join(" ", System.Linq.Enumerable.Repeat("word", 60)), 100);

        Assert.True(lines.Count > 1);
        Assert.All(lines, line => Assert.True(line.Length <= 100));
    }

    [Theory]
    [InlineData("var", "@var")]
    [InlineData("class", "@class")]
    [InlineData("nameof", "@nameof")]
    [InlineData("settings", "settings")]
    public void Keywords_are_escaped_where_they_become_parameters(string name, string expected) => Assert.Equal(expected, CSharpKeywords.Escape(name));

    [Theory]
    [InlineData("Task", true)]
    [InlineData("IList", true)]
    [InlineData("Bitrix24Object", true)]
    [InlineData("JsonElement", true)]
    [InlineData("JsonNode", true)]
    [InlineData("Dictionary", true)]
    [InlineData("IAsyncEnumerable", true)]
    [InlineData("Bitrix24FieldReader", false)]
    [InlineData("JsonObject", true)]
    [InlineData("JsonArray", true)]
    [InlineData("JsonValue", true)]
    [InlineData("record", true)]
    [InlineData("CalendarEvent", false)]
    public void Names_the_generated_code_uses_are_reserved(string name, bool reserved) => Assert.Equal(reserved, ReservedNames.IsReservedTypeName(name));

    [Theory]
    [InlineData("line\u2028separator", "line\nseparator")]
    [InlineData("next\u0085line", "next\nline")]
    [InlineData("bell\u0007", "bell\ufffd")]
    [InlineData("pair \ud83d\ude00 \uffff", "pair \ud83d\ude00 \ufffd")]
    public void Line_separators_cannot_end_a_doc_comment_line(string text, string expected) => Assert.Equal(expected, DocComments.Escape(text));

    [Theory]
    [InlineData("say \"hi\"\n", "\"say \\\"hi\\\"\\n\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    [InlineData("a\u2028b", "\"a\\u2028b\"")]
    [InlineData("pair \ud83d\ude00", "\"pair \ud83d\ude00\"")]
    [InlineData("bom \ufeff, none \uffff", "\"bom \\ufeff, none \\uffff\"")]
    public void String_literals_escape_what_they_must(string text, string expected) => Assert.Equal(expected, DocComments.Literal(text));

    // Lone surrogates are built here: theory data would pass them through UTF-8, which replaces them.
    [Fact]
    public void Lone_surrogates_are_spelled_out_in_literals_and_replaced_in_docs()
    {
        var text = "lone " + (char)0xD800 + " high, " + (char)0xDC00 + " low";

        Assert.Equal("\"lone \\ud800 high, \\udc00 low\"", DocComments.Literal(text));
        Assert.Equal("lone \ufffd high, \ufffd low", DocComments.Escape(text));
    }
}
