using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Bitrix24.Emulator.Tests.Fuzzing;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// Requests the request fuzzer (<see cref="EmulatorRequestFuzzTests"/>) failed on, shrunk, each kept by name once
/// fixed; each is held to the fuzzer's property: an envelope, never a 5xx.
/// </summary>
public class FuzzRegressionTests
{
    private static readonly string Deep = string.Concat(Enumerable.Repeat("[x]", 1200));

    [Fact]
    public async Task A_query_field_nested_1200_levels_deep()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        await AssertEnvelopeAsync(portal, "GET", Webhook(portal) + "crm.deal.add?fields[TITLE]=a&fields[COMMENTS]" + Deep + "=1", null, null);
    }

    [Fact]
    public async Task A_batch_command_with_a_field_nested_1200_levels_deep()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        await AssertEnvelopeAsync(portal, "POST", Webhook(portal) + "batch", "application/json", "{\"cmd\":{\"a\":\"crm.deal.add?fields[TITLE]=a&fields[COMMENTS]" + Deep + "=1\",\"b\":\"crm.deal.list\"}}");
    }

    [Fact]
    public async Task A_multipart_body_under_another_boundary()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        await AssertEnvelopeAsync(portal, "POST", Webhook(portal) + "mail.message.createchat/", "multipart/form-data; boundary=other", "--XyZ\r\nContent-Disposition: form-data; name=\"%\"\r\n\r\n5");
    }

    [Fact]
    public async Task An_options_request_with_a_broken_multipart_body()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        await AssertEnvelopeAsync(portal, "OPTIONS", Webhook(portal) + "tasks.api.scrum.sprint.delete.json", "multipart/form-data; boundary=other",
            "--XyZ\r\nContent-Disposition: form-data; name=\"data[view]\"\r\n\r\n$result[\r\n--XyZ\r\nContent-Disposition: form-data; name=\"0[TITLE]\"\r\n\r\n$result[a]\r\n--XyZ--\r\n");
    }

    [Fact]
    public async Task A_path_starting_with_two_slashes()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        await AssertEnvelopeAsync(portal, "POST", "/c_-cacc_-~.ba~%25%25b%25/b_/c", "application/json", "}");
    }

    [Fact]
    public async Task A_request_line_over_8_kb_is_refused_by_the_server_alone()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        await AssertEnvelopeAsync(portal, "GET", Webhook(portal) + "landing.repo.unregister?halt]%5D=" + new string('7', 9000), null, null);
    }

    private static string Webhook(Bitrix24Emulator portal) => portal.WebhookUrl.AbsolutePath.TrimStart('/');

    private static async Task AssertEnvelopeAsync(Bitrix24Emulator portal, string verb, string path, string? contentType, string? body)
    {
        using var http = new HttpClient();
        await EmulatorRequestFuzzTests.AssertEnvelopeAsync(http, portal.BaseAddress, new FuzzRequest(verb, path, contentType, body is null ? null : Encoding.UTF8.GetBytes(body)));
    }
}
