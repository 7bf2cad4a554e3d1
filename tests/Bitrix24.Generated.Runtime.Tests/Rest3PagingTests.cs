using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Runtime.Tests;

public class Rest3PagingTests
{
    [Theory]
    [InlineData(5, 2, 3)]
    [InlineData(4, 2, 3)]
    [InlineData(0, 50, 1)]
    public async Task Walks_the_items_of_every_page_until_a_short_one(int count, int pageSize, int requests)
    {
        var handler = Portal(count);
        using var connection = Rest3ConnectionTests.Connect(handler);

        var ids = await Walk(connection, pageSize).ToListAsync();

        Assert.Equal(Enumerable.Range(1, count), ids);
        Assert.Equal(requests, handler.Requests.Count);
        Assert.Equal(
            Enumerable.Range(1, requests).Select(page => "{\"pagination\":{\"page\":" + page + ",\"limit\":" + pageSize + "}}"),
            handler.Requests.Select(request => request.Body));
    }

    [Fact]
    public async Task Stops_at_the_limit_without_asking_for_more_pages()
    {
        var handler = Portal(10);
        using var connection = Rest3ConnectionTests.Connect(handler);

        var ids = await Walk(connection, 2, limit: 3).ToListAsync();

        Assert.Equal([1, 2, 3], ids);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void A_page_size_outside_what_the_portal_gives_is_refused(int pageSize)
    {
        using var connection = Rest3ConnectionTests.Connect(Portal(1));

        Assert.Throws<ArgumentOutOfRangeException>(() => Walk(connection, pageSize));
    }

    private static IAsyncEnumerable<int> Walk(Bitrix24Connection connection, int pageSize, int? limit = null) =>
        Bitrix24Paging.EnumerateRest3Async(
            new V3TaskList(),
            (request, page, size) => request.Pagination = new V3Pagination { Page = page, Limit = size },
            (request, token) => connection.CallAsync(Rest3.List, request, token),
            result => result.Items,
            pageSize,
            limit).Select(task => task.Id ?? 0);

    /// <summary>A portal holding tasks 1 to <paramref name="count"/> that answers a page as REST 3.0 does.</summary>
    private static RecordingHandler Portal(int count) => new(async (request, token) =>
    {
        var pagination = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(token)).RootElement.GetProperty("pagination");
        var page = pagination.GetProperty("page").GetInt32();
        var size = pagination.GetProperty("limit").GetInt32();
        var items = Enumerable.Range(((page - 1) * size) + 1, size).Where(id => id <= count).Select(id => "{\"id\":" + id + "}");
        return Rest3.Json(HttpStatusCode.OK, "{\"result\":{\"items\":[" + string.Join(",", items) + "]}}");
    });
}
