using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>Redirects: a portal's move is followed, anything else ends the call before a secret leaves.</summary>
public class PortalMoveTests
{
    private const string Webhook = "https://portal.bitrix24.com/rest/1/code123/";
    private const string Path = "/rest/1/code123/calendar.settings.get";

    [Theory]
    [InlineData(302, "https://other-host.example" + Path)]
    [InlineData(301, "//other-host.example" + Path)]
    [InlineData(307, "http://127.0.0.1" + Path)]
    [InlineData(308, "file:///etc/passwd")]
    [InlineData(302, "file://" + Path)]
    [InlineData(302, "http://new.bitrix24.com" + Path)]
    [InlineData(302, "https://new.bitrix24.com/rest/1/other/calendar.settings.get")]
    [InlineData(302, "https://new.bitrix24.com/")]
    [InlineData(302, "https://portal.bitrix24.com@evil.example" + Path)]
    [InlineData(302, "https://portal.bitrix24.com.evil.example" + Path)]
    [InlineData(302, "https://evilbitrix24.com" + Path)]
    [InlineData(302, "https://bitrix24.com" + Path)]
    [InlineData(302, "javascript:alert(1)")]
    [InlineData(302, "calendar.user.settings.get")]
    [InlineData(302, null)]
    public async Task A_redirect_that_is_not_a_portal_move_is_refused_and_nothing_follows_it(int status, string? location)
    {
        var sent = 0;
        var handler = new RecordingHandler((_, _) => Task.FromResult(Interlocked.Increment(ref sent) == 1 ? Redirect(status, location) : Ok()));
        var logger = new CapturingLogger();
        using var connection = new Bitrix24Connection(new HttpClient(handler), Bitrix24Webhook.Parse(Webhook), Options(), logger);

        var exception = await Assert.ThrowsAsync<Bitrix24RedirectException>(() => connection.CallAsync("calendar.settings.get", TestJson.Boolean, CancellationToken.None));
        await connection.CallAsync("calendar.settings.get", TestJson.Boolean, CancellationToken.None);

        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Equal("calendar.settings.get", exception.Method);
        Assert.DoesNotContain("code123", exception.ToString(), StringComparison.Ordinal);
        Assert.All(logger.Texts, line => Assert.DoesNotContain("code123", line, StringComparison.Ordinal));
        Assert.Equal(["portal.bitrix24.com", "portal.bitrix24.com"], handler.Requests.Select(r => r.Request.RequestUri!.Host));
    }

    [Theory]
    [InlineData("https://new.bitrix24.de" + Path, "https://new.bitrix24.de")]
    [InlineData("https://B24-X1.BITRIX24.COM.BR" + Path, "https://b24-x1.bitrix24.com.br")]
    [InlineData("https://portal.bitrix24.com:8443" + Path, "https://portal.bitrix24.com:8443")]
    [InlineData("//new.bitrix24.de" + Path, "https://new.bitrix24.de")]
    [InlineData("https://crm.example.org" + Path, "https://crm.example.org")]
    [InlineData("https://b24.corp.example.net" + Path, "https://b24.corp.example.net")]
    public async Task A_move_over_https_to_the_same_path_on_an_allowed_host_is_followed_and_logged_as_a_warning(string location, string portal)
    {
        var handler = new RecordingHandler((request, _) => Task.FromResult(
            request.RequestUri!.Host == "portal.bitrix24.com" && request.RequestUri.Port == 443 ? Redirect(302, location) : Ok()));
        var logger = new CapturingLogger();
        var options = Options();
        options.AllowedPortalHosts.Add("crm.example.org");
        options.AllowedPortalHosts.Add("*.corp.example.net");
        using var connection = new Bitrix24Connection(new HttpClient(handler), Bitrix24Webhook.Parse(Webhook), options, logger);

        Assert.True((await connection.CallAsync("calendar.settings.get", TestJson.Boolean, CancellationToken.None)).Value);

        Assert.Equal(portal + Path, handler.Requests[^1].Request.RequestUri!.ToString());
        var warning = Assert.Single(logger.Lines, line => line.Level == LogLevel.Warning);
        Assert.Contains(new Uri(portal).Authority, warning.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("code123", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_on_premise_host_is_not_allowed_unless_the_setting_names_it()
    {
        var handler = new RecordingHandler((request, _) => Task.FromResult(
            request.RequestUri!.Host == "portal.bitrix24.com" ? Redirect(302, "https://crm.example.org" + Path) : Ok()));
        using var connection = new Bitrix24Connection(new HttpClient(handler), Bitrix24Webhook.Parse(Webhook), Options());

        var exception = await Assert.ThrowsAsync<Bitrix24RedirectException>(() => connection.CallAsync("calendar.settings.get", TestJson.Boolean, CancellationToken.None));

        Assert.Equal("crm.example.org", exception.Host);
        Assert.Contains(nameof(Bitrix24ConnectionOptions.AllowedPortalHosts), exception.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_local_portal_over_plain_http_may_move_to_another_port_of_its_host_but_not_to_another_host()
    {
        var handler = new RecordingHandler((request, _) => Task.FromResult(request.RequestUri!.Port switch
        {
            5024 => Redirect(302, "http://127.0.0.1:5025" + Path),
            5025 => Redirect(302, "http://localhost:5026" + Path),
            _ => Ok(),
        }));
        using var connection = new Bitrix24Connection(new HttpClient(handler), Bitrix24Webhook.Parse("http://127.0.0.1:5024/rest/1/code123/"), Options());

        var exception = await Assert.ThrowsAsync<Bitrix24RedirectException>(() => connection.CallAsync("calendar.settings.get", TestJson.Boolean, CancellationToken.None));

        Assert.Equal("localhost", exception.Host);
        Assert.Equal([5024, 5025], handler.Requests.Select(r => r.Request.RequestUri!.Port));
    }

    [Fact]
    public async Task A_redirect_past_the_limit_is_refused()
    {
        var hop = 0;
        var handler = new RecordingHandler((_, _) => Task.FromResult(Redirect(302, "https://hop" + Interlocked.Increment(ref hop) + ".bitrix24.com" + Path)));
        var options = Options();
        options.MaxRedirects = 2;
        using var connection = new Bitrix24Connection(new HttpClient(handler), Bitrix24Webhook.Parse(Webhook), options);

        var exception = await Assert.ThrowsAsync<Bitrix24RedirectException>(() => connection.CallAsync("calendar.settings.get", TestJson.Boolean, CancellationToken.None));

        Assert.Contains(nameof(Bitrix24ConnectionOptions.MaxRedirects), exception.Message, StringComparison.Ordinal);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task An_oauth_move_rebases_only_the_calls_made_for_the_address_that_moved()
    {
        var store = new InMemoryBitrix24TokenStore(new Bitrix24OAuthTokens("access-1", "refresh-1", new Uri("https://old.bitrix24.com/rest/")));
        var handler = new RecordingHandler((request, _) => Task.FromResult(
            request.RequestUri!.Host == "old.bitrix24.com" ? Redirect(302, "https://new.bitrix24.com" + request.RequestUri.PathAndQuery) : Ok()));
        var client = new HttpClient(handler);
        using var connection = new Bitrix24Connection(client, new Bitrix24OAuth(new Bitrix24OAuthOptions(), store, client), Options());

        await connection.CallAsync("calendar.settings.get", TestJson.Boolean, CancellationToken.None);
        await connection.CallAsync("calendar.settings.get", TestJson.Boolean, CancellationToken.None);
        await store.SaveAsync(new Bitrix24OAuthTokens("access-2", "refresh-2", new Uri("https://third.bitrix24.com/rest/")), CancellationToken.None);
        await connection.CallAsync("calendar.settings.get", TestJson.Boolean, CancellationToken.None);

        Assert.Equal(["old.bitrix24.com", "new.bitrix24.com", "new.bitrix24.com", "third.bitrix24.com"], handler.Requests.Select(r => r.Request.RequestUri!.Host));
    }

    [Fact]
    public async Task A_client_endpoint_that_is_a_file_address_is_refused_before_anything_is_sent()
    {
        var store = new InMemoryBitrix24TokenStore(new Bitrix24OAuthTokens("access-1", "refresh-1", new Uri("file:///rest/")));
        var handler = new RecordingHandler((_, _) => Task.FromResult(Ok()));
        var client = new HttpClient(handler);
        using var connection = new Bitrix24Connection(client, new Bitrix24OAuth(new Bitrix24OAuthOptions(), store, client), Options());

        var exception = await Assert.ThrowsAsync<Bitrix24InsecureTransportException>(() => connection.CallAsync("calendar.settings.get", TestJson.Boolean, CancellationToken.None));

        Assert.DoesNotContain("access-1", exception.ToString(), StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    private static Bitrix24ConnectionOptions Options() => new() { RateLimiter = null, Retry = null };

    private static HttpResponseMessage Ok() => new(HttpStatusCode.OK) { Content = new StringContent("""{"result":true}""", Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Redirect(int status, string? location)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status);
        if (location is not null)
        {
            response.Headers.TryAddWithoutValidation("Location", location);
        }

        return response;
    }
}
