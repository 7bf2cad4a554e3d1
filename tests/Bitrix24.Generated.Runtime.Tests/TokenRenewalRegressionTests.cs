using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using static Bitrix24.Generated.Runtime.Tests.TokenRenewalFuzzTests;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>The failures the token renewal and redirect fuzzing found, shrunk to their cause and kept.</summary>
public class TokenRenewalRegressionTests
{
    private static readonly Dictionary<string, FuzzCase> Cases = new()
    {
        ["a redirect to a file address with the REST path"] = Call(local: true, [new Redirect(301, "file://{path}")]),
        ["a redirect to another host with the webhook code in its path"] = Call(local: true, [new Redirect(302, "https://evil.example/hook-secret-4e7b1d")]),
        ["a redirect to a host named after the client secret"] = Call(local: false, [new Redirect(302, "https://client-secret-5f2a9c.evil.example{path}")]),
        ["a webhook redirected to a host named after its code"] = new(false, false, [new Redirect(307, "https://hook-secret-4e7b1d.evil.example{path}")], []),
        ["a lone high surrogate as the access token"] = Renewal("""{"access_token":"\ud800","refresh_token":"fresh-refresh-92","expires":1767225600}"""),
        ["a lone low surrogate as the access token"] = Renewal("""{"access_token":"\udc00x","refresh_token":"fresh-refresh-92","expires":1767225600}"""),
        ["invalid UTF-8 in the client endpoint"] = Renewal([.. "{\"access_token\":\"fresh-access-91\",\"refresh_token\":\"fresh-refresh-92\",\"client_endpoint\":\"http://127.0.0.1"u8, 0x85, .. "5024/rest/\"}"u8]),
        ["expires 1e300"] = Renewal("""{"access_token":"fresh-access-91","refresh_token":"fresh-refresh-92","expires":1e300}"""),
        ["expires before the year 1"] = Renewal("""{"access_token":"fresh-access-91","refresh_token":"fresh-refresh-92","expires":-62135596801}"""),
        ["a client endpoint that is a number"] = Renewal("""{"access_token":"fresh-access-91","refresh_token":"fresh-refresh-92","client_endpoint":42}"""),
        ["an empty client endpoint with an error status"] = Renewal("""{"access_token":91,"refresh_token":"fresh-refresh-92","client_endpoint":""}""", 416),
        ["an error code that is the answer's own access token"] = Renewal("""{"access_token":"fresh-access-91","refresh_token":"fresh-refresh-92","error":"fresh-access-91"}"""),
        ["an error code that is the refresh token sent"] = Renewal("""{"access_token":"fresh-access-91","refresh_token":"fresh-refresh-92","error":"refresh-token-0-b3c8"}"""),
        ["an error description quoting the answer's own refresh token"] = Renewal("""{"access_token":"fresh-access-91","refresh_token":"fresh-refresh-92","error":42,"error_description":"echo fresh-refresh-92"}"""),
        ["a second renewal's error quoting the tokens the first one replaced"] = Call(
            local: false,
            [new Expired(), new Expired(), new Expired()],
            new TokenAnswer(200, Encoding.UTF8.GetBytes("""{"access_token":"fresh-access-91","refresh_token":"fresh-refresh-92","expires":1767225600}""")),
            new TokenAnswer(200, Encoding.UTF8.GetBytes("""{"error":"invalid_grant","error_description":"echo refresh-token-0-b3c8 access-token-0-7d1e"}"""))),
        ["an IOException from the token endpoint"] = Call(local: false, [new Expired()], new TokenThrows("io")),
        ["the token endpoint's HttpClient timing out"] = Call(local: false, [new Expired()], new TokenThrows("timeout")),
        ["a token endpoint that never answers"] = Call(local: false, [new Expired()], new TokenHangs()),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_case_the_fuzzing_found_holds(string name) => Assert.Null(await RunAsync(Cases[name]));

    private static FuzzCase Call(bool local, PortalStep[] portal, params TokenStep[] tokens) => new(true, local, portal, tokens);

    private static FuzzCase Renewal(string body, int status = 200) => Renewal(Encoding.UTF8.GetBytes(body), status);

    private static FuzzCase Renewal(byte[] body, int status = 200) => new(true, false, [new Expired()], [new TokenAnswer(status, body)]);
}
