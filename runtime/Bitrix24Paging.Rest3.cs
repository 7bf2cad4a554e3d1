using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated;

public static partial class Bitrix24Paging
{
    /// <summary>The most items a REST 3.0 list method gives in one page.</summary>
    public const int MaxRest3PageSize = 1000;

    /// <summary>
    /// Yields the items of every page of a REST 3.0 list method (<c>result.items</c>), asking for page 1, 2, … with
    /// the request's <c>pagination</c>, until a page comes back short: REST 3.0 answers carry no total nor next.
    /// </summary>
    /// <typeparam name="TRequest">The method's request class.</typeparam>
    /// <typeparam name="TResult">The result object, <c>{"items": [...]}</c>.</typeparam>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="request">The parameters; its pagination is set for each page.</param>
    /// <param name="setPagination">Sets the request's <c>pagination.page</c> (from 1) and <c>pagination.limit</c>.</param>
    /// <param name="call">Calls the method for one page.</param>
    /// <param name="items">The page's <c>items</c>; null reads as none.</param>
    /// <param name="pageSize">How many items to ask for per page, 1 to <see cref="MaxRest3PageSize"/>.</param>
    /// <param name="limit">Stops after this many items; null for all.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public static IAsyncEnumerable<T> EnumerateRest3Async<TRequest, TResult, T>(
        TRequest request,
        Action<TRequest, int, int> setPagination,
        Func<TRequest, CancellationToken, Task<Bitrix24Response<TResult>>> call,
        Func<TResult, IList<T>?> items,
        int pageSize = PageSize,
        int? limit = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(setPagination);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxRest3PageSize);
        CheckLimit(limit);

        var fetch = Unwrapped(call, items);

        // A short or empty page is the last.
        return WalkAsync(
            1,
            (page, token) =>
            {
                setPagination(request, page, pageSize);
                return fetch(request, token);
            },
            (page, answer) => answer.Value.Count >= pageSize ? (true, page + 1) : (false, page),
            limit,
            cancellationToken);
    }
}
