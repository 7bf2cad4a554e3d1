using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>The walk over a list whose answer wraps each page in an object.</summary>
public class WrappedPageTests
{
    private sealed class Request
    {
        public int? Start { get; set; }
    }

    private sealed class Page
    {
        public IList<int>? Items { get; set; }
    }

    [Fact]
    public async Task Every_page_s_wrapped_items_are_yielded_until_the_portal_gives_no_next()
    {
        var starts = new List<int?>();

        Task<Bitrix24Response<Page>> Call(Request r, CancellationToken token)
        {
            starts.Add(r.Start);
            var start = r.Start ?? 0;
            var page = new Page { Items = Enumerable.Range(start, start == 100 ? 7 : 50).ToList() };
            return Task.FromResult(new Bitrix24Response<Page>(page, null, 107, start == 100 ? null : start + 50));
        }

        var items = new List<int>();
        await foreach (var item in Bitrix24Paging.EnumerateAsync(new Request(), static (r, start) => r.Start = start, Call, static page => page.Items))
        {
            items.Add(item);
        }

        Assert.Equal(Enumerable.Range(0, 107), items);
        Assert.Equal([0, 50, 100], starts);
    }

    /// <summary>A page whose wrapper has no list, or no wrapper at all (<c>{"result": null}</c> reads as null).</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_page_without_its_list_ends_the_walk(bool pageIsNull)
    {
        var wrapper = pageIsNull ? null! : new Page();
        var items = new List<int>();
        await foreach (var item in Bitrix24Paging.EnumerateAsync(
            new Request(),
            static (r, start) => r.Start = start,
            (Request r, CancellationToken token) => Task.FromResult(new Bitrix24Response<Page>(wrapper, null, null, 50)),
            static page => page.Items))
        {
            items.Add(item);
        }

        Assert.Empty(items);
    }
}
