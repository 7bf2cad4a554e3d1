using System;

namespace Bitrix24.Generated.Runtime.Tests;

public class WebhookTests
{
    private const string Secret = "s3cr3tcode77";

    [Theory]
    [InlineData("https://portal.bitrix24.com/rest/1/s3cr3tcode77/")]
    [InlineData("https://portal.bitrix24.com/rest/1/s3cr3tcode77")]
    [InlineData("  https://portal.bitrix24.com/rest/1/s3cr3tcode77/  ")]
    public void Parses_webhook_urls(string url)
    {
        var webhook = Bitrix24Webhook.Parse(url);

        Assert.Equal(new Uri("https://portal.bitrix24.com/rest/"), webhook.BaseAddress);
        Assert.Equal(1, webhook.UserId);
        Assert.Equal(new Uri("https://portal.bitrix24.com/rest/1/s3cr3tcode77/calendar.user.settings.set"), webhook.MethodUri("calendar.user.settings.set"));
    }

    [Fact]
    public void Accepts_plain_http_for_a_local_emulator()
    {
        var webhook = Bitrix24Webhook.Parse("http://127.0.0.1:5024/rest/7/abc/");

        Assert.Equal(7, webhook.UserId);
        Assert.Equal(new Uri("http://127.0.0.1:5024/rest/"), webhook.BaseAddress);
    }

    [Fact]
    public void ToString_hides_the_secret()
    {
        var webhook = Bitrix24Webhook.Parse("https://portal.bitrix24.com/rest/12/" + Secret + "/");

        Assert.Equal("https://portal.bitrix24.com/rest/12/***/", webhook.ToString());
        Assert.DoesNotContain(Secret, webhook.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("ftp://portal.bitrix24.com/rest/1/s3cr3tcode77/")]
    [InlineData("https://portal.bitrix24.com/api/1/s3cr3tcode77/")]
    [InlineData("https://portal.bitrix24.com/rest/x/s3cr3tcode77/")]
    [InlineData("https://portal.bitrix24.com/rest/0/s3cr3tcode77/")]
    [InlineData("https://portal.bitrix24.com/rest/1/s3cr3tcode77/extra/")]
    [InlineData("https://portal.bitrix24.com/rest/1/s3cr3tcode77/?auth=s3cr3tcode77")]
    public void Rejects_other_urls_without_repeating_the_secret(string url)
    {
        var exception = Assert.Throws<ArgumentException>(() => Bitrix24Webhook.Parse(url));

        Assert.DoesNotContain(Secret, exception.ToString(), StringComparison.Ordinal);
        Assert.False(Bitrix24Webhook.TryParse(url, out _));
    }
}
