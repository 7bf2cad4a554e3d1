using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using Xunit.Abstractions;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>
/// Property-based: a call meets <c>expired_token</c> or redirects while the token endpoint answers garbage, fails or
/// hangs. Whatever happens, the call ends in time with its result or a <see cref="Bitrix24Exception"/>, no secret
/// shows in an exception or a log line, and nothing is sent to a host the connection does not allow.
/// </summary>
public class TokenRenewalFuzzTests
{
    private const string WebhookSecret = "hook-secret-4e7b1d";
    private const string FreshAccess = "fresh-access-91";
    private const string FreshRefresh = "fresh-refresh-92";

    // The secrets each kind of connection holds, and so must never show.
    private static readonly string[] OAuthSecrets = [FakeOAuthPortal.ClientSecret, FakeOAuthPortal.FirstAccessToken, FakeOAuthPortal.FirstRefreshToken];

    private static readonly string[] WebhookSecrets = [WebhookSecret];

    private static readonly string[] Locations =
    [
        "https://moved.bitrix24.de{path}", "https://b24-x1.bitrix24.com.br{path}", "https://moved.bitrix24.de:8443{path}",
        "https://portal.bitrix24.com{path}", "{path}", "//evil.example{path}", "https://evil.example{path}", "http://127.0.0.1{path}",
        "http://127.0.0.1:5025{path}", "http://localhost:5024{path}", "http://portal.bitrix24.com{path}", "http://moved.bitrix24.de{path}",
        "file:///etc/passwd", "file://{path}", "https://portal.bitrix24.com@evil.example{path}", "https://portal.bitrix24.com.evil.example{path}",
        "https://evilbitrix24.com{path}", "https://bitrix24.com{path}", "https://moved.bitrix24.de/rest/other/", "javascript:alert(1)", "",
        "https://[::1]{path}", "https://evil.example/?{path}", "https://moved.bitrix24.de.{path}", "https://moved\u3002bitrix24\u3002de{path}",
        "https://" + FakeOAuthPortal.ClientSecret + ".evil.example{path}", "https://evil.example/" + WebhookSecret, "https://" + WebhookSecret + ".evil.example{path}", "ftp://moved.bitrix24.de{path}",
        "https://evil.example\\@portal.bitrix24.com{path}", "https://xn--80ak6aa92e.bitrix24.com{path}", "calendar.settings.get", "\ud800",
    ];

    private static readonly string?[] Endpoints =
    [
        null, "\"https://portal.bitrix24.com/rest/\"", "\"https://moved.bitrix24.de/rest/\"", "\"https://moved.bitrix24.de/rest\"",
        "\"https://evil.example/rest/\"", "\"http://portal.bitrix24.com/rest/\"", "\"http://127.0.0.1:5024/rest/\"", "\"http://localhost:5024/rest/\"",
        "\"not a uri\"", "\"\"", "\"file:///etc/passwd\"", "\"//evil.example/rest/\"", "\"/rest/\"", "\"https://portal.bitrix24.com@evil.example/rest/\"",
        "\"https://portal.bitrix24.com.evil.example/rest/\"", "\"https://moved.bitrix24.de/rest/?next=1\"", "\"javascript:alert(1)\"",
        "\"https://[::1]/rest/\"", "\"https://moved.bitrix24.de/other/\"", "\"ftp://portal.bitrix24.com/rest/\"", "\"https://\\ud800.example/rest/\"",
        "\"https://" + FakeOAuthPortal.FirstRefreshToken + ".evil.example/rest/\"", "42", "null", "{}", "[\"https://portal.bitrix24.com/rest/\"]",
    ];

    private static readonly string?[] Tokens =
    [
        null, "91", "null", "{}", "[]", "\"\"", "\"\\ud800\"", "\"\\udc00x\"", "true", "\"x\\u0000y\"",
    ];

    private static readonly string?[] Numbers =
    [
        null, "1767225600", "\"1767225600\"", "1e300", "-1e300", "-99999999999999", "9223372036854775807", "9223372036854775808", "0", "-1",
        "1.5", "\"soon\"", "true", "{}", "[]", "null", "253402300799", "253402300800", "-62135596800", "-62135596801", "\"\"",
    ];

    private static readonly string?[] Errors =
    [
        null, null, null, "\"invalid_grant\"", "\"expired_token\"", "\"\"", "null", "42", "\"" + FakeOAuthPortal.FirstRefreshToken + "\"", "\"\\ud800\"",
        "\"" + FreshAccess + "\"",
    ];

    private static readonly string?[] Descriptions =
    [
        null, "\"Invalid grant\"", "\"echo " + FakeOAuthPortal.ClientSecret + " " + FakeOAuthPortal.FirstRefreshToken + " " + FakeOAuthPortal.FirstAccessToken + " " + FreshRefresh + "\"",
        "\"\\ud800\"", "{}", "null",
    ];

    private static readonly byte[][] Garbage =
    [
        [], "<html>Bad gateway</html>"u8.ToArray(), "null"u8.ToArray(), "[]"u8.ToArray(), "\"str\""u8.ToArray(), "{\"access_token\":"u8.ToArray(),
        [0xEF, 0xBB, 0xBF, .. "{\"access_token\":\"a\",\"refresh_token\":\"b\"}"u8], [0xFF, 0xFE, 0x7B, 0x00], "{}"u8.ToArray(), "{\"error\":}"u8.ToArray(),
    ];

    private static readonly byte[][] InvalidUtf8 = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x00]];

    private readonly ITestOutputHelper _output;

    public TokenRenewalFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Token_renewal_and_redirects_survive_hostile_answers()
    {
        var tried = 0;
        var failed = 0;
        try
        {
            await CaseGen.SampleAsync(
                async fuzzCase =>
                {
                    Interlocked.Increment(ref tried);
                    if (await RunAsync(fuzzCase) is { } problem)
                    {
                        Interlocked.Increment(ref failed);
                        throw new InvalidOperationException(problem);
                    }
                },
                iter: 6000);
        }
        finally
        {
            _output.WriteLine($"Fuzz token renewal and redirects: {tried} cases tried, {failed} failed");
        }
    }

    /// <summary>Runs one case; returns what went wrong, or null.</summary>
    internal static async Task<string?> RunAsync(FuzzCase fuzzCase)
    {
        var handler = new FuzzHandler(fuzzCase);
        var logger = new CapturingLogger();
        using var client = new HttpClient(handler);
        var portal = fuzzCase.Local ? "http://127.0.0.1:5024/rest/" : "https://portal.bitrix24.com/rest/";
        Bitrix24Authentication authentication = fuzzCase.OAuth
            ? new Bitrix24OAuth(FakeOAuthPortal.Options(), new InMemoryBitrix24TokenStore(new Bitrix24OAuthTokens(FakeOAuthPortal.FirstAccessToken, FakeOAuthPortal.FirstRefreshToken, new Uri(portal))), client)
            : Bitrix24Webhook.Parse(portal + "7/" + WebhookSecret + "/");
        var options = new Bitrix24ConnectionOptions { RateLimiter = null, Retry = null, Timeout = TimeSpan.FromMilliseconds(250) };
        using var connection = new Bitrix24Connection(client, authentication, options, logger);

        Exception? failure = null;
        try
        {
            await connection.CallAsync("calendar.settings.get", TestJson.Boolean, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            return "the call did not end within 10 s";
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        if (failure is not null and not Bitrix24Exception)
        {
            return "a raw exception: " + failure;
        }

        string[] secrets = fuzzCase.OAuth ? [.. OAuthSecrets, .. handler.IssuedTokens] : WebhookSecrets;
        foreach (var text in logger.Texts.Append(failure?.ToString() ?? string.Empty))
        {
            if (secrets.FirstOrDefault(secret => text.Contains(secret, StringComparison.Ordinal)) is { } secret)
            {
                return $"the secret '{secret}' shows in: {text}";
            }
        }

        return handler.Violations.IsEmpty ? null : string.Join("; ", handler.Violations);
    }

    private static Gen<PortalStep> PortalStepGen { get; } = Gen.Frequency(
        (3, Gen.Const<PortalStep>(new Expired())),
        (4, Gen.Select(Gen.OneOf(301, 302, 303, 307, 308), Gen.OneOf(Locations), (status, location) => (PortalStep)new Redirect(status, location))),
        (1, Gen.Const<PortalStep>(new Ok())));

    private static Gen<byte[]> TokenObjectGen { get; } = Gen.Select(
        Gen.Frequency((3, Gen.Const<string?>("\"" + FreshAccess + "\"")), (1, Gen.OneOf(Tokens))),
        Gen.Frequency((3, Gen.Const<string?>("\"" + FreshRefresh + "\"")), (1, Gen.OneOf(Tokens))),
        Gen.OneOf(Endpoints),
        Gen.OneOf(Endpoints),
        Gen.OneOf(Numbers),
        Gen.OneOf(Numbers),
        Gen.OneOf(Errors),
        Gen.OneOf(Descriptions),
        Gen.Bool,
        (access, refresh, endpoint, server, expires, expiresIn, error, description, nested) =>
        {
            var fields = new (string Name, string? Value)[]
            {
                ("access_token", access), ("expires", expires), ("expires_in", expiresIn), ("client_endpoint", endpoint), ("server_endpoint", server),
                ("refresh_token", refresh), ("error", error), ("error_description", description), ("scope", "\"crm\""),
                ("member_id", nested ? "{\"a\":[1,{\"b\":null},\"\\ud800\"]}" : null),
            };
            return Encoding.UTF8.GetBytes("{" + string.Join(",", fields.Where(f => f.Value is not null).Select(f => "\"" + f.Name + "\":" + f.Value)) + "}");
        });

    private static Gen<byte[]> TokenBodyGen { get; } = Gen.Frequency(
        (6, TokenObjectGen),
        (2, Gen.Select(TokenObjectGen, Gen.Int[0, 400], (body, cut) => body[..Math.Min(cut, body.Length)])),
        (2, Gen.Select(TokenObjectGen, Gen.Int[0, 400], Gen.OneOf(InvalidUtf8), (body, at, bad) => Splice(body, at, bad))),
        (1, Gen.Select(TokenObjectGen, Gen.Int[0, 400], Gen.Byte, (body, at, value) => Replace(body, at, value))),
        (1, Gen.Byte.Array[0, 64]),
        (1, Gen.OneOf(Garbage)));

    private static Gen<TokenStep> TokenStepGen { get; } = Gen.Frequency(
        (12, Gen.Select(
            Gen.Frequency((8, Gen.Const(200)), (1, Gen.OneOf(201, 204, 301, 302, 400, 401, 403, 404, 429, 500, 502, 503)), (1, Gen.Int[100, 599])),
            TokenBodyGen,
            (status, body) => (TokenStep)new TokenAnswer(status, body))),
        (3, Gen.OneOf("io", "http", "socket", "timeout", "body-io").Select(kind => (TokenStep)new TokenThrows(kind))),
        (1, Gen.Const<TokenStep>(new TokenHangs())));

    internal static Gen<FuzzCase> CaseGen { get; } = Gen.Select(
        Gen.Frequency((3, Gen.Const(true)), (1, Gen.Const(false))),
        Gen.Frequency((1, Gen.Const(true)), (4, Gen.Const(false))),
        PortalStepGen.Array[1, 3],
        TokenStepGen.Array[0, 2],
        (oauth, local, portal, tokens) => new FuzzCase(oauth, local, portal, tokens));

    private static byte[] Splice(byte[] body, int at, byte[] inserted)
    {
        var index = Math.Min(at, body.Length);
        return [.. body.AsSpan(0, index), .. inserted, .. body.AsSpan(index)];
    }

    private static byte[] Replace(byte[] body, int at, byte value)
    {
        var copy = body.ToArray();
        if (copy.Length > 0)
        {
            copy[at % copy.Length] = value;
        }

        return copy;
    }

    /// <summary>One call: whether over OAuth or a webhook, a local or cloud portal, what the portal and the token endpoint answer in turn.</summary>
    internal sealed record FuzzCase(bool OAuth, bool Local, PortalStep[] Portal, TokenStep[] Tokens)
    {

        public override string ToString() =>
            $"{(OAuth ? "OAuth" : "webhook")} to a {(Local ? "local" : "cloud")} portal; portal answers [{string.Join(", ", Portal.Select(s => s.ToString()))}]; token endpoint [{string.Join(", ", Tokens.Select(s => s.ToString()))}]";
    }

    internal abstract record PortalStep;

    internal sealed record Ok : PortalStep;

    internal sealed record Expired : PortalStep;

    internal sealed record Redirect(int Status, string Location) : PortalStep;

    internal abstract record TokenStep;

    internal sealed record TokenAnswer(int Status, byte[] Body) : TokenStep
    {
        public override string ToString() => $"TokenAnswer {{ Status = {Status}, Body = {Convert.ToHexString(Body)} ({Encoding.UTF8.GetString(Body)}) }}";
    }

    internal sealed record TokenThrows(string Kind) : TokenStep;

    internal sealed record TokenHangs : TokenStep;

    /// <summary>Plays a case: steps in turn, then a portal that answers and a token endpoint that renews. Notes every request that should not have been sent.</summary>
    private sealed class FuzzHandler : HttpMessageHandler
    {
        private readonly FuzzCase _case;
        private int _portal;
        private int _token;

        public FuzzHandler(FuzzCase fuzzCase) => _case = fuzzCase;

        public ConcurrentQueue<string> Violations { get; } = new();

        /// <summary>The tokens the answers served so far issued: secrets from then on (a string an answer only quotes is none).</summary>
        public ConcurrentQueue<string> IssuedTokens { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            if (uri.IsAbsoluteUri && uri.Scheme == Uri.UriSchemeHttps && uri.IdnHost == "oauth.bitrix.info")
            {
                if (uri.AbsolutePath != "/oauth/token/")
                {
                    Violations.Enqueue("a request to the OAuth server that is not a renewal: " + uri);
                }

                var step = Interlocked.Increment(ref _token) - 1;
                var tokenStep = step < _case.Tokens.Length ? _case.Tokens[step] : null;
                NoteIssued(tokenStep);
                return await Answer(tokenStep, request, cancellationToken);
            }

            if (!Allowed(uri))
            {
                Violations.Enqueue("a request to a host the connection does not allow: " + uri.Scheme + "://" + (uri.IsAbsoluteUri ? uri.Authority : "?"));
            }

            if (uri.OriginalString.Contains(FakeOAuthPortal.ClientSecret, StringComparison.Ordinal) || uri.OriginalString.Contains("refresh", StringComparison.Ordinal))
            {
                Violations.Enqueue("the client secret or a refresh token was sent to the portal");
            }

            var index = Interlocked.Increment(ref _portal) - 1;
            return index < _case.Portal.Length ? Answer(_case.Portal[index], uri) : FakeOAuthPortal.Json(HttpStatusCode.OK, """{"result":true}""");
        }

        private void NoteIssued(TokenStep? step)
        {
            if (step is null)
            {
                IssuedTokens.Enqueue(FreshAccess);
                IssuedTokens.Enqueue(FreshRefresh);
                return;
            }

            if (step is not TokenAnswer answer)
            {
                return;
            }

            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(answer.Body);
                foreach (var name in new[] { "access_token", "refresh_token" })
                {
                    if (document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object &&
                        document.RootElement.TryGetProperty(name, out var token) && token.ValueKind == System.Text.Json.JsonValueKind.String &&
                        token.GetString() is { Length: > 0 } text)
                    {
                        IssuedTokens.Enqueue(text);
                    }
                }
            }
            catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
            {
                // Not JSON: it issued nothing.
            }
        }

        private bool Allowed(Uri uri)
        {
            if (!uri.IsAbsoluteUri || uri.UserInfo.Length > 0)
            {
                return false;
            }

            var host = uri.IdnHost;
            if (uri.Scheme == Uri.UriSchemeHttp)
            {
                return _case.Local && host == "127.0.0.1";
            }

            return uri.Scheme == Uri.UriSchemeHttps &&
                (host == (_case.Local ? "127.0.0.1" : "portal.bitrix24.com") || host.EndsWith(".bitrix24.de", StringComparison.Ordinal) ||
                 host.EndsWith(".bitrix24.com", StringComparison.Ordinal) || host.EndsWith(".bitrix24.com.br", StringComparison.Ordinal));
        }

        private static HttpResponseMessage Answer(PortalStep step, Uri uri)
        {
            switch (step)
            {
                case Expired:
                    return FakeOAuthPortal.Json(HttpStatusCode.Unauthorized, """{"error":"expired_token","error_description":"The access token provided has expired."}""");
                case Redirect redirect:
                    var response = new HttpResponseMessage((HttpStatusCode)redirect.Status);
                    response.Headers.TryAddWithoutValidation("Location", redirect.Location.Replace("{path}", uri.PathAndQuery, StringComparison.Ordinal));
                    return response;
                default:
                    return FakeOAuthPortal.Json(HttpStatusCode.OK, """{"result":true}""");
            }
        }

        private static async Task<HttpResponseMessage> Answer(TokenStep? step, HttpRequestMessage request, CancellationToken cancellationToken)
        {
            switch (step)
            {
                case null:
                    return FakeOAuthPortal.Json(HttpStatusCode.OK, $$"""{"access_token":"{{FreshAccess}}","refresh_token":"{{FreshRefresh}}","expires":1767225600}""");
                case TokenAnswer answer:
                    return new HttpResponseMessage((HttpStatusCode)answer.Status) { Content = new ByteArrayContent(answer.Body) };
                case TokenHangs:
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    throw new InvalidOperationException("The delay ended without its cancellation.");
                case TokenThrows { Kind: "io" }:
                    throw new IOException("Unable to read data from the transport connection: Connection reset by peer.");
                case TokenThrows { Kind: "http" }:
                    // As some handlers do: the message quotes the request, secrets and all.
                    throw new HttpRequestException("An error occurred while sending the request to " + request.RequestUri);
                case TokenThrows { Kind: "socket" }:
                    throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (oauth.bitrix.info:443)", new SocketException((int)SocketError.ConnectionRefused));
                case TokenThrows { Kind: "timeout" }:
                    throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.", new TimeoutException());
                default:
                    return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new FailingStream()) };
            }
        }
    }

    /// <summary>A body the connection drops halfway through.</summary>
    private sealed class FailingStream : Stream
    {
        private bool _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent)
            {
                throw new IOException("The response ended prematurely.");
            }

            _sent = true;
            buffer[offset] = (byte)'{';
            return 1;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
