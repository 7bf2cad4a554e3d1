using System.Text;
using Bitrix24.Generated.Batch;

namespace Bitrix24.Generated.Runtime.Tests;

public class QueryStringWriterTests
{
    [Theory]
    [InlineData("{}", "")]
    [InlineData("""{"id":5,"name":"a b"}""", "id=5&name=a%20b")]
    [InlineData("""{"flag":true,"off":false,"none":null}""", "flag=1&off=0")]
    [InlineData("""{"settings":{"view":"month","reminders":[{"type":"min","count":15}]}}""", "settings%5Bview%5D=month&settings%5Breminders%5D%5B0%5D%5Btype%5D=min&settings%5Breminders%5D%5B0%5D%5Bcount%5D=15")]
    [InlineData("""{"ids":[],"text":"&=?"}""", "text=%26%3D%3F")]
    public void Json_becomes_php_style_query_strings(string json, string query) =>
        Assert.Equal(query, QueryStringWriter.Write(Encoding.UTF8.GetBytes(json)));
}
