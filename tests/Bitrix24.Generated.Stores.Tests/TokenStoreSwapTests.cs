using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Stores.Tests;

/// <summary>The compare-and-swap of one portal's token stores: the shipped in-memory one, and a store of your own that only reads and saves.</summary>
public class TokenStoreSwapTests
{
    [Fact]
    public async Task The_in_memory_token_store_saves_a_renewal_of_the_stored_refresh_token_only()
    {
        IBitrix24TokenStore store = new InMemoryBitrix24TokenStore(Portals.Tokens("first"));

        var stale = await store.SwapAsync("refresh-other", Portals.Tokens("stale"), CancellationToken.None);
        var fresh = await store.SwapAsync("refresh-first", Portals.Tokens("second"), CancellationToken.None);

        Assert.Equal(new Bitrix24TokenSwap(false, Portals.Tokens("first")), stale);
        Assert.Equal(new Bitrix24TokenSwap(true, Portals.Tokens("second")), fresh);
        Assert.Equal(Portals.Tokens("second"), await store.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_store_of_your_own_that_only_reads_and_saves_gets_a_swap_that_compares_first()
    {
        var own = new OwnStore(Portals.Tokens("first"));
        IBitrix24TokenStore store = own;

        var stale = await store.SwapAsync("refresh-other", Portals.Tokens("stale"), CancellationToken.None);
        Assert.False(stale.Swapped);
        Assert.Equal(Portals.Tokens("first"), stale.Tokens);
        Assert.Equal(0, own.Saves);

        var fresh = await store.SwapAsync("refresh-first", Portals.Tokens("second"), CancellationToken.None);
        Assert.True(fresh.Swapped);
        Assert.Equal(1, own.Saves);
        Assert.Equal(Portals.Tokens("second"), await store.GetAsync(CancellationToken.None));
    }

    private sealed class OwnStore(Bitrix24OAuthTokens tokens) : IBitrix24TokenStore
    {
        public int Saves { get; private set; }

        public ValueTask<Bitrix24OAuthTokens> GetAsync(CancellationToken cancellationToken) => new(tokens);

        public ValueTask SaveAsync(Bitrix24OAuthTokens renewed, CancellationToken cancellationToken)
        {
            tokens = renewed;
            Saves++;
            return default;
        }
    }
}
