using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>One application installed on many portals, with the generated client per portal.</summary>
public class ManyPortalsTests
{
    [Fact]
    public async Task As_in_the_README_an_installed_portal_gets_a_generated_client_that_renews_its_tokens()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        var issued = portal.IssueTokens();
        var (memberId, domain, applicationToken) = ("member-1", portal.RestUrl.Authority, "application-token");
        var (accessToken, refreshToken, clientEndpoint) = (issued.AccessToken, issued.RefreshToken, portal.RestUrl);

        // As in the README's "Many portals", with the in-memory store the registration starts with.
        var services = new ServiceCollection();
        services.AddBitrix24Applications(o => o.OAuth = new Bitrix24OAuthOptions
            {
                ClientId = portal.OAuthClientId,
                ClientSecret = portal.OAuthClientSecret,
                TokenEndpoint = portal.OAuthTokenUrl,
            })
            .AddClient(connection => new Bitrix24Client(connection));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IBitrix24PortalStore>().AddOrUpdateAsync(
            new Bitrix24Portal(memberId, domain, applicationToken, new Bitrix24OAuthTokens(accessToken, refreshToken, clientEndpoint)),
            default);

        var client = await provider.GetRequiredService<IBitrix24ClientFactory<Bitrix24Client>>().ForPortalAsync(memberId);
        portal.ExpireAccessTokens();
        var settings = await client.Calendar.Settings.GetAsync();

        Assert.Equal(CalendarWeekday.Monday, settings.Value.WeekStart);
        Assert.Equal(1, portal.TokenRefreshCount);
        Assert.NotEqual(refreshToken, (await provider.GetRequiredService<IBitrix24PortalStore>().GetAsync(memberId, default))!.Tokens.RefreshToken);
    }
}
