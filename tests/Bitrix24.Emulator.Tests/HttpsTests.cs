using System;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;
using System.Text;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

public class HttpsTests
{
    [Fact]
    public async Task The_portal_serves_https_with_the_certificate_it_exposes()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { UseHttps = true });
        using var handler = new HttpClientHandler
        {
            // Trust exactly the emulator's certificate, nothing else.
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == portal.Certificate!.Thumbprint,
        };
        using var http = new HttpClient(handler);

        var response = await http.PostAsync(new Uri(portal.WebhookUrl, "calendar.settings.get"), new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal("https", portal.WebhookUrl.Scheme);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_untrusting_client_refuses_the_self_signed_certificate()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { UseHttps = true });
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(portal.WebhookUrl, "calendar.settings.get")));

        Assert.IsType<AuthenticationException>(exception.InnerException);
    }

    [Fact]
    public async Task Plain_http_has_no_certificate()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();

        Assert.Equal("http", portal.WebhookUrl.Scheme);
        Assert.Null(portal.Certificate);
    }
}
