using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>
/// Answers that cannot be read fail as a typed exception that names the method and the place, and whose text, inner
/// exceptions included, never holds the webhook secret.
/// </summary>
public class UnreadableAnswerTests
{
    private const string Secret = "hidden5ecret";
    private const string Webhook = "https://portal.example/rest/1/" + Secret + "/";
    private const string Method = "calendar.settings.get";

    private static readonly Bitrix24Method<bool> Flag = new(Method, Bitrix24Converters.Boolean, idempotent: true);

    /// <summary>Bodies as text, with <c>&lt;FF&gt;</c> standing for a byte that is not UTF-8.</summary>
    [Theory]
    [InlineData("""{"result":true,"time":{"date_start":1e300}}""", "$.time.date_start")]
    [InlineData("""{"result":true,"time":{"date_start":-99999999999999999}}""", "$.time.date_start")]
    [InlineData("""{"result":true,"time":{"operating_reset_at":99999999999999999}}""", "$.time.operating_reset_at")]
    [InlineData("""{"result":true,"time":{"operating_reset_at":"1e300"}}""", "$.time.operating_reset_at")]
    [InlineData("""{"result":true,"time":{"start":1e400}}""", "$.time.start")]
    [InlineData("""{"result":true,"time":{"duration":"-1e400"}}""", "$.time.duration")]
    [InlineData("""{"result":true,"time":{"date_start":"\ud800"}}""", "$.time.date_start")]
    [InlineData("""{"result":true,"time":{"date_finish":"<FF>"}}""", "$.time.date_finish")]
    [InlineData("""{"error":"\ud800","error_description":"d"}""", "$.error")]
    [InlineData("""{"error":"<FF>","error_description":"d"}""", "$.error")]
    [InlineData("""{"error":"E","error_description":"\udc00"}""", "$.error_description")]
    [InlineData("""{"error":"E","error_description":"<FF>"}""", "$.error_description")]
    [InlineData("""{"result":true,"total":"\ud800"}""", "$.total")]
    [InlineData("""{"result":true,"next":"<FF>"}""", "$.next")]
    [InlineData("""{"result":"\ud800"}""", "$.result")]
    public async Task Unreadable_values_are_format_exceptions_naming_the_place(string body, string path)
    {
        var exception = await Assert.ThrowsAsync<Bitrix24ResponseFormatException>(() => Call(Flag, Bytes(body)));

        Assert.Equal(Method, exception.Method);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_does_not_fit_names_its_path_and_the_expected_type()
    {
        var list = new Bitrix24Method<IList<int>>(Method, Bitrix24Converters.List(Bitrix24Converters.Int32));
        var map = new Bitrix24Method<IDictionary<string, IList<int>>>(Method, Bitrix24Converters.Map(Bitrix24MapKeys.String, Bitrix24Converters.List(Bitrix24Converters.Int32)));

        var inList = await Assert.ThrowsAsync<Bitrix24ResponseFormatException>(() => Call(list, Bytes("""{"result":[1,2,{"a":1}]}""")));
        var inMap = await Assert.ThrowsAsync<Bitrix24ResponseFormatException>(() => Call(map, Bytes("""{"result":{"a":[1],"b c":[2,true]}}""")));

        Assert.Contains("$.result[2] does not fit: Expected an integer but found an object.", inList.Message, StringComparison.Ordinal);
        Assert.Contains("$.result['b c'][1] does not fit: Expected an integer but found true.", inMap.Message, StringComparison.Ordinal);
    }

    /// <summary>The webhook URL or its secret in a place that fails: not in any text of the exception.</summary>
    [Theory]
    [InlineData("""{"result":"https://portal.example/rest/1/hidden5ecret/calendar.settings.get"}""")]
    [InlineData("""{"result":"hidden5ecret"}""")]
    [InlineData("""{"result":true,"time":{"date_start":"see https://portal.example/rest/1/hidden5ecret/"}}""")]
    [InlineData("""{"result":true,"time":{"date_start":"hidden5ecret"}}""")]
    [InlineData("""{"result":{"hidden5ecret":1}}""")]
    [InlineData("""{"result":[1],"hidden5ecret":""")]
    [InlineData("""{"error":"hidden5ecret","error_description":"d"}""")]
    [InlineData("""{"error":{"code":"https://portal.example/rest/1/hidden5ecret/"},"error_description":"d"}""")]
    [InlineData("""{"result":true,"total":"hidden5ecret"}""")]
    public async Task The_secret_in_an_answer_stays_out_of_the_exception(string body)
    {
        var exception = await Assert.ThrowsAnyAsync<Bitrix24Exception>(() => Call(Flag, Bytes(body)));

        Assert.Equal(Method, exception.Method);
        Assert.DoesNotContain(Secret, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_at_the_end_of_the_excerpt_is_not_cut_into_a_piece()
    {
        // The excerpt is 200 characters; the secret starts just before the cut.
        var body = "<html>" + new string('x', 190) + Secret + "</html>";

        var exception = await Assert.ThrowsAsync<Bitrix24ResponseFormatException>(() => Call(Flag, Bytes(body)));

        Assert.DoesNotContain(Secret.Substring(0, 4), exception.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_error_keeps_its_cause_when_the_cause_quotes_nothing_secret()
    {
        var exception = await Assert.ThrowsAsync<Bitrix24ResponseFormatException>(() => Call(Flag, Bytes("""{"result":"maybe"}""")));

        var cause = Assert.IsType<System.Text.Json.JsonException>(exception.InnerException);
        Assert.Contains("a boolean", cause.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"result":{"result":{"cmd0":true},"result_error":[],"result_time":{"cmd0":{"date_start":1e300}}}}""", "$.result.result_time.cmd0.date_start")]
    [InlineData("""{"result":{"result":[],"result_error":{"cmd0":{"error":"\ud800","error_description":"d"}}}}""", "$.result.result_error.cmd0.error")]
    [InlineData("""{"result":{"result":[],"result_error":{"cmd0":{"error":"E","error_description":"<FF>"}}}}""", "$.result.result_error.cmd0")]
    [InlineData("""{"result":{"result":{"cmd0":"\ud800"}}}""", "$.result.result.cmd0")]
    [InlineData("""{"result":{"result":{"cmd0":[1]}}}""", "$.result.result.cmd0")]
    public async Task A_command_part_that_cannot_be_read_fails_that_command_naming_its_place(string body, string path)
    {
        var (batch, command) = OneCommandBatch(Bytes(body));

        await batch.ExecuteAsync();
        var exception = await Assert.ThrowsAsync<Bitrix24ResponseFormatException>(() => command);

        Assert.Equal(Method, exception.Method);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Section_names_that_cannot_be_read_fail_the_batch()
    {
        var (batch, command) = OneCommandBatch(Bytes("""{"result":{"result":{"\ud800":true}}}"""));

        var exception = await Assert.ThrowsAsync<Bitrix24ResponseFormatException>(() => batch.ExecuteAsync());

        Assert.Equal("batch", exception.Method);
        Assert.Same(exception, await Assert.ThrowsAsync<Bitrix24ResponseFormatException>(() => command));
    }

    [Theory]
    [InlineData("""{"result":{"result_error":{"cmd0":{"error":"hidden5ecret","error_description":"see https://portal.example/rest/1/hidden5ecret/"}}}}""")]
    [InlineData("""{"result":{"result_error":{"cmd0":"https://portal.example/rest/1/hidden5ecret/"}}}""")]
    [InlineData("""{"result":{"result":{"cmd0":"https://portal.example/rest/1/hidden5ecret/"}}}""")]
    [InlineData("""{"result":{"result":{"cmd0":true},"result_time":{"cmd0":{"date_start":"https://portal.example/rest/1/hidden5ecret/"}}}}""")]
    public async Task The_secret_in_a_batch_answer_stays_out_of_the_exception(string body)
    {
        var (batch, command) = OneCommandBatch(Bytes(body));

        await batch.ExecuteAsync();
        var exception = await Assert.ThrowsAnyAsync<Bitrix24Exception>(() => command);

        Assert.Equal(Method, exception.Method);
        Assert.DoesNotContain(Secret, exception.ToString(), StringComparison.Ordinal);
    }

    private static (Bitrix24Batch<Bitrix24Connection> Batch, Task<Bitrix24Response<bool>> Command) OneCommandBatch(byte[] answer)
    {
        var connection = Connect(answer);
        var batch = new Bitrix24Batch<Bitrix24Connection>(connection, c => c);
        return (batch, batch.Add(c => c.CallAsync(Flag)));
    }

    private static async Task<Bitrix24Response<T>> Call<T>(Bitrix24Method<T> method, byte[] answer)
    {
        using var connection = Connect(answer);
        return await connection.CallAsync(method);
    }

    private static Bitrix24Connection Connect(byte[] answer)
    {
        var handler = new RecordingHandler((_, _) =>
        {
            var content = new ByteArrayContent(answer);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(answer.Length > 0 && answer[0] == '<' ? HttpStatusCode.BadGateway : HttpStatusCode.OK) { Content = content });
        });
        return new Bitrix24Connection(new HttpClient(handler), Bitrix24Webhook.Parse(Webhook), new Bitrix24ConnectionOptions { Retry = null, RateLimiter = null });
    }

    // "<FF>" stands for the byte 0xFF, which no UTF-8 text holds.
    internal static byte[] Bytes(string body)
    {
        var parts = body.Split("<FF>");
        var bytes = new List<byte>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                bytes.Add(0xFF);
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(parts[i]));
        }

        return bytes.ToArray();
    }
}
