using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator;

namespace Bitrix24.Generated.Stores.Tests;

/// <summary>
/// What every portal store does, run against each: in memory, SQLite, PostgreSQL. Each test has a storage of its
/// own; <see cref="InstanceAsync"/> gives another instance over it, as another process of the application would have.
/// </summary>
public abstract class PortalStoreContract : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A new instance of the store over this test's storage.</summary>
    protected abstract Task<IBitrix24PortalStore> InstanceAsync();

    /// <inheritdoc/>
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc/>
    public virtual Task DisposeAsync() => Task.CompletedTask;

    [StoreFact]
    public async Task An_unknown_portal_is_not_there_and_removing_it_says_so()
    {
        var store = await InstanceAsync();

        Assert.Null(await store.GetAsync("unknown", None));
        Assert.False(await store.RemoveAsync("unknown", None));
        await Assert.ThrowsAsync<Bitrix24PortalNotFoundException>(async () => await store.SwapTokensAsync("unknown", "refresh", Portals.Tokens("new"), None));
    }

    [StoreFact]
    public async Task A_portal_reads_back_as_it_was_saved_from_another_instance()
    {
        var expiresAt = new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.FromHours(3));
        var portal = new Bitrix24Portal("member-a", "a.bitrix24.com", "application-token", Portals.Tokens("one", new Uri("https://a.bitrix24.com/rest/"), expiresAt));
        var withoutToken = new Bitrix24Portal("member-b", "b.bitrix24.com", null, Portals.Tokens("two"));

        await (await InstanceAsync()).AddOrUpdateAsync(portal, None);
        await (await InstanceAsync()).AddOrUpdateAsync(withoutToken, None);
        var other = await InstanceAsync();

        Assert.Equal(portal, await other.GetAsync("member-a", None));
        Assert.Equal(withoutToken, await other.GetAsync("member-b", None));
        Assert.Equal(expiresAt, (await other.GetAsync("member-a", None))!.Tokens.ExpiresAt);
    }

    [StoreFact]
    public async Task A_reinstall_replaces_everything_and_an_uninstall_removes_the_portal()
    {
        var store = await InstanceAsync();
        await store.AddOrUpdateAsync(new Bitrix24Portal("member", "old.bitrix24.com", "old", Portals.Tokens("old")), None);

        var reinstalled = new Bitrix24Portal("member", "new.bitrix24.com", "new", Portals.Tokens("new", new Uri("https://new.bitrix24.com/rest/")));
        await (await InstanceAsync()).AddOrUpdateAsync(reinstalled, None);

        Assert.Equal(reinstalled, await store.GetAsync("member", None));
        Assert.True(await (await InstanceAsync()).RemoveAsync("member", None));
        Assert.Null(await store.GetAsync("member", None));
    }

    [StoreFact]
    public async Task A_swap_saves_when_the_used_refresh_token_is_still_stored()
    {
        var store = await InstanceAsync();
        await store.AddOrUpdateAsync(new Bitrix24Portal("member", "a.bitrix24.com", "app", Portals.Tokens("first")), None);

        var swap = await store.SwapTokensAsync("member", "refresh-first", Portals.Tokens("second"), None);

        Assert.True(swap.Swapped);
        Assert.Equal(Portals.Tokens("second"), swap.Tokens);
        var stored = await (await InstanceAsync()).GetAsync("member", None);
        Assert.Equal(Portals.Tokens("second"), stored!.Tokens);
        Assert.Equal("app", stored.ApplicationToken);
    }

    [StoreFact]
    public async Task A_swap_with_a_refresh_token_used_already_keeps_the_newer_tokens_and_returns_them()
    {
        var store = await InstanceAsync();
        await store.AddOrUpdateAsync(new Bitrix24Portal("member", "a.bitrix24.com", "app", Portals.Tokens("first")), None);
        await store.SwapTokensAsync("member", "refresh-first", Portals.Tokens("winner"), None);

        var swap = await (await InstanceAsync()).SwapTokensAsync("member", "refresh-first", Portals.Tokens("loser"), None);

        Assert.False(swap.Swapped);
        Assert.Equal(Portals.Tokens("winner"), swap.Tokens);
        Assert.Equal(Portals.Tokens("winner"), (await store.GetAsync("member", None))!.Tokens);
    }

    [StoreFact]
    public async Task Of_two_instances_swapping_at_once_exactly_one_wins_and_the_other_gets_its_tokens()
    {
        var first = await InstanceAsync();
        var second = await InstanceAsync();
        await first.AddOrUpdateAsync(new Bitrix24Portal("member", "a.bitrix24.com", "app", Portals.Tokens("0")), None);

        for (var round = 0; round < 10; round++)
        {
            using var start = new Barrier(2);
            Task<Bitrix24TokenSwap> Swap(IBitrix24PortalStore store, string name) => Task.Run(async () =>
            {
                start.SignalAndWait();
                return await store.SwapTokensAsync("member", "refresh-" + round, Portals.Tokens(name), None);
            });

            var swaps = await Task.WhenAll(Swap(first, round + 1 + "a"), Swap(second, round + 1 + "b"));

            var winner = Assert.Single(swaps, s => s.Swapped);
            var loser = Assert.Single(swaps, s => !s.Swapped);
            Assert.Equal(winner.Tokens, loser.Tokens);
            Assert.Equal(winner.Tokens, (await first.GetAsync("member", None))!.Tokens);

            // The next round renews from the winner's refresh token, under a name both sides agree on.
            await first.SwapTokensAsync("member", winner.Tokens.RefreshToken, Portals.Tokens((round + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), None);
        }
    }

    [StoreFact]
    public async Task The_token_store_of_one_portal_reads_saves_and_swaps_that_portal()
    {
        var portals = await InstanceAsync();
        await portals.AddOrUpdateAsync(new Bitrix24Portal("member", "a.bitrix24.com", "app", Portals.Tokens("first")), None);
        IBitrix24TokenStore tokens = new Bitrix24PortalTokenStore(portals, "member");

        Assert.Equal(Portals.Tokens("first"), await tokens.GetAsync(None));
        await tokens.SaveAsync(Portals.Tokens("saved"), None);
        Assert.False((await tokens.SwapAsync("refresh-first", Portals.Tokens("stale"), None)).Swapped);
        Assert.True((await tokens.SwapAsync("refresh-saved", Portals.Tokens("swapped"), None)).Swapped);
        Assert.Equal(new Bitrix24Portal("member", "a.bitrix24.com", "app", Portals.Tokens("swapped")), await portals.GetAsync("member", None));

        await portals.RemoveAsync("member", None);
        var missing = await Assert.ThrowsAsync<Bitrix24PortalNotFoundException>(async () => await tokens.GetAsync(None));
        Assert.Equal("member", missing.MemberId);
    }

    [StoreFact]
    public async Task Two_instances_renewing_one_portal_at_once_refresh_it_once_and_both_calls_succeed()
    {
        await using var emulator = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        var installed = Portals.Installed(emulator, "member");
        await (await InstanceAsync()).AddOrUpdateAsync(installed, None);

        // Both instances read the same refresh token and ask the token endpoint at once: it grants one and refuses
        // the other, which then finds the winner's tokens in the store.
        using var gate = new TokenRequestGate(2);
        using var http = new HttpClient(gate) { Timeout = Timeout.InfiniteTimeSpan };
        var first = new Bitrix24OAuth(Portals.OAuth(emulator), new Bitrix24PortalTokenStore(await InstanceAsync(), "member"), http);
        var second = new Bitrix24OAuth(Portals.OAuth(emulator), new Bitrix24PortalTokenStore(await InstanceAsync(), "member"), http);
        using var a = new Bitrix24Connection(http, first, Portals.Unpaced());
        using var b = new Bitrix24Connection(http, second, Portals.Unpaced());
        Assert.Null(await Portals.CallAsync(a));

        emulator.ExpireAccessTokens();
        var results = await Task.WhenAll(Portals.CallAsync(a), Portals.CallAsync(b));

        Assert.All(results, Assert.Null);
        Assert.Equal(2, gate.Arrived);
        Assert.Equal(1, emulator.TokenRefreshCount);
        Assert.Equal(1, first.RenewalCount + second.RenewalCount);
        var stored = (await (await InstanceAsync()).GetAsync("member", None))!;
        Assert.NotEqual(installed.Tokens.RefreshToken, stored.Tokens.RefreshToken);

        // The stored tokens are the valid ones: a third instance calls with them without renewing.
        using var c = new Bitrix24Connection(http, new Bitrix24OAuth(Portals.OAuth(emulator), new Bitrix24PortalTokenStore(await InstanceAsync(), "member"), http), Portals.Unpaced());
        Assert.Null(await Portals.CallAsync(c));
        Assert.Equal(1, emulator.TokenRefreshCount);
    }

    [StoreFact]
    public async Task Two_instances_that_both_got_new_tokens_keep_the_ones_saved_first()
    {
        await using var emulator = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        var installed = Portals.Installed(emulator, "member");
        await (await InstanceAsync()).AddOrUpdateAsync(installed, None);

        // A token endpoint that grants the same refresh token twice: the store alone decides which renewal counts.
        // (Issued when asked, after the expiry below.)
        using var gate = new TokenRequestGate(2, arrived => arrived == 2 ? TokenRequestGate.TokenAnswer(emulator.IssueTokens()) : null);
        using var http = new HttpClient(gate) { Timeout = Timeout.InfiniteTimeSpan };
        var first = new Bitrix24OAuth(Portals.OAuth(emulator), new Bitrix24PortalTokenStore(await InstanceAsync(), "member"), http);
        var second = new Bitrix24OAuth(Portals.OAuth(emulator), new Bitrix24PortalTokenStore(await InstanceAsync(), "member"), http);
        using var a = new Bitrix24Connection(http, first, Portals.Unpaced());
        using var b = new Bitrix24Connection(http, second, Portals.Unpaced());

        emulator.ExpireAccessTokens();
        var results = await Task.WhenAll(Portals.CallAsync(a), Portals.CallAsync(b));

        Assert.All(results, Assert.Null);
        Assert.Equal(1, first.RenewalCount + second.RenewalCount);
        var stored = (await (await InstanceAsync()).GetAsync("member", None))!.Tokens;
        Assert.NotEqual(installed.Tokens.RefreshToken, stored.RefreshToken);

        // Both instances go on with the stored tokens: the next calls renew nothing.
        var before = emulator.TokenRefreshCount;
        Assert.All(await Task.WhenAll(Portals.CallAsync(a), Portals.CallAsync(b)), Assert.Null);
        Assert.Equal(before, emulator.TokenRefreshCount);
        Assert.Equal(stored, (await (await InstanceAsync()).GetAsync("member", None))!.Tokens);
    }

    [StoreFact]
    public async Task A_refused_renewal_with_nothing_newer_in_the_store_fails_without_secrets()
    {
        await using var emulator = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        var installed = Portals.Installed(emulator, "member");

        // The refresh token was used elsewhere, and nothing newer was ever saved.
        var stale = installed with { Tokens = installed.Tokens with { RefreshToken = "used-refresh-token" } };
        await (await InstanceAsync()).AddOrUpdateAsync(stale, None);
        using var http = Bitrix24Connection.CreateHttpClient();
        using var connection = new Bitrix24Connection(http, new Bitrix24OAuth(Portals.OAuth(emulator), new Bitrix24PortalTokenStore(await InstanceAsync(), "member"), http), Portals.Unpaced());

        emulator.ExpireAccessTokens();
        var exception = await Assert.ThrowsAsync<Bitrix24AuthenticationException>(() => connection.CallAsync("calendar.settings.get", TestJson.Default.JsonElement, None));

        Assert.Equal("invalid_grant", exception.Error);
        foreach (var secret in new[] { installed.Tokens.AccessToken, "used-refresh-token", emulator.OAuthClientSecret, "app-member" })
        {
            Assert.DoesNotContain(secret, exception.ToString(), StringComparison.Ordinal);
        }
    }

    [StoreFact]
    public async Task Descriptions_of_portals_and_swaps_hide_every_secret()
    {
        var store = await InstanceAsync();
        var portal = new Bitrix24Portal("member", "a.bitrix24.com", "the-application-token", Portals.Tokens("secret"));
        await store.AddOrUpdateAsync(portal, None);
        var swap = await store.SwapTokensAsync("member", "refresh-secret", Portals.Tokens("renewed"), None);

        foreach (var text in new[] { portal.ToString(), swap.ToString(), store.ToString()!, new Bitrix24PortalTokenStore(store, "member").ToString() })
        {
            Assert.DoesNotContain("the-application-token", text, StringComparison.Ordinal);
            Assert.DoesNotContain("-secret", text, StringComparison.Ordinal);
            Assert.DoesNotContain("-renewed", text, StringComparison.Ordinal);
        }
    }
}

public sealed class InMemoryStoreTests : PortalStoreContract
{
    private readonly InMemoryBitrix24PortalStore _store = new();

    // One process: every instance is the same store.
    protected override Task<IBitrix24PortalStore> InstanceAsync() => Task.FromResult<IBitrix24PortalStore>(_store);
}
