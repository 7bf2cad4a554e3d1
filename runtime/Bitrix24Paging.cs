using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated;

/// <summary>Walks a list method page by page: 50 items a page, the next page from the answer's <c>next</c> or the last id.</summary>
public static partial class Bitrix24Paging
{
    /// <summary>How many items a page of a list method holds.</summary>
    public const int PageSize = 50;

    /// <summary>Yields the items of every page, asking for the next page only when the last item was taken.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="fetchPage">Asks for the page that starts at the given offset.</param>
    /// <param name="limit">Stops after this many items; null for all.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public static IAsyncEnumerable<T> EnumerateAsync<T>(
        Func<int, CancellationToken, Task<Bitrix24Response<IList<T>>>> fetchPage,
        int? limit = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        CheckLimit(limit);

        // A portal that answers with no next page, or one that does not move on, ends the walk.
        return WalkAsync(
            0,
            fetchPage,
            static (start, page) => page.Next is { } next && next > start && page.Value.Count > 0 ? (true, next) : (false, start),
            limit,
            cancellationToken);
    }

    /// <summary>
    /// The fast walk for big lists: no total is counted (<c>start=-1</c>); each page asks for items whose id is
    /// above the last one seen, sorted by id, until a page comes back short.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="fetchPage">Asks for the first page of items with an id above the given one (null: from the start).</param>
    /// <param name="idOf">The id of an item.</param>
    /// <param name="limit">Stops after this many items; null for all.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public static IAsyncEnumerable<T> EnumerateByIdAsync<T>(
        Func<long?, CancellationToken, Task<Bitrix24Response<IList<T>>>> fetchPage,
        Func<T, long?> idOf,
        int? limit = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(idOf);
        CheckLimit(limit);

        // A short page is the last; an id that does not grow would loop forever.
        return WalkAsync(
            (long?)null,
            fetchPage,
            (after, page) =>
            {
                var last = page.Value.Count > 0 ? idOf(page.Value[page.Value.Count - 1]) : null;
                return page.Value.Count >= PageSize && last is { } id && (after is null || id > after) ? (true, last) : (false, after);
            },
            limit,
            cancellationToken);
    }

    /// <summary>Yields the items of every page of a generated list method, setting the request's <c>start</c> page by page.</summary>
    /// <typeparam name="TRequest">The method's request class.</typeparam>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="request">The parameters; its <c>start</c> is set for each page.</param>
    /// <param name="setStart">Sets the request's <c>start</c>.</param>
    /// <param name="call">Calls the method for one page.</param>
    /// <param name="limit">Stops after this many items; null for all.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public static IAsyncEnumerable<T> EnumerateAsync<TRequest, T>(
        TRequest request,
        Action<TRequest, int> setStart,
        Func<TRequest, CancellationToken, Task<Bitrix24Response<IList<T>>>> call,
        int? limit = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(setStart);
        ArgumentNullException.ThrowIfNull(call);
        return EnumerateAsync(
            (start, token) =>
            {
                setStart(request, start);
                return call(request, token);
            },
            limit,
            cancellationToken);
    }

    /// <summary>
    /// Yields the items of every page of a generated list method whose result wraps the page
    /// (<c>{"items": [...]}</c>), setting the request's <c>start</c> page by page.
    /// </summary>
    /// <typeparam name="TRequest">The method's request class.</typeparam>
    /// <typeparam name="TResult">The result object that holds a page.</typeparam>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="request">The parameters; its <c>start</c> is set for each page.</param>
    /// <param name="setStart">Sets the request's <c>start</c>.</param>
    /// <param name="call">Calls the method for one page.</param>
    /// <param name="items">The page's items in the result; null reads as none, and is not asked of a null result.</param>
    /// <param name="limit">Stops after this many items; null for all.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public static IAsyncEnumerable<T> EnumerateAsync<TRequest, TResult, T>(
        TRequest request,
        Action<TRequest, int> setStart,
        Func<TRequest, CancellationToken, Task<Bitrix24Response<TResult>>> call,
        Func<TResult, IList<T>?> items,
        int? limit = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(items);
        return EnumerateAsync(request, setStart, Unwrapped(call, items), limit, cancellationToken);
    }

    /// <summary>A page call whose result wraps the page, as one that answers with the page itself.</summary>
    private static Func<TRequest, CancellationToken, Task<Bitrix24Response<IList<T>>>> Unwrapped<TRequest, TResult, T>(
        Func<TRequest, CancellationToken, Task<Bitrix24Response<TResult>>> call,
        Func<TResult, IList<T>?> items) =>
        async (r, token) =>
        {
            var page = await call(r, token).ConfigureAwait(false);
            // A page sent as null (no wrapper at all) holds no items, as one without its list does.
            var list = page.Value is null ? null : items(page.Value);
            return new Bitrix24Response<IList<T>>(list ?? Array.Empty<T>(), page.Time, page.Total, page.Next) { Replayed = page.Replayed };
        };

    /// <summary>
    /// The fast walk over a generated list method: <c>start=-1</c> (no total counted), the filter's <c>&gt;ID</c>
    /// set to the last id seen and, when the method takes an order, the order by id; other filter entries are kept.
    /// </summary>
    /// <typeparam name="TRequest">The method's request class.</typeparam>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="request">The parameters; its paging fields are set for each page.</param>
    /// <param name="idField">The items' id field on the wire, e.g. <c>ID</c>.</param>
    /// <param name="setStart">Sets the request's <c>start</c>.</param>
    /// <param name="filter">The request's filter, made when it has none.</param>
    /// <param name="order">The request's order, made when it has none; null when the method takes no order.</param>
    /// <param name="call">Calls the method for one page.</param>
    /// <param name="idOf">The id of an item.</param>
    /// <param name="limit">Stops after this many items; null for all.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public static IAsyncEnumerable<T> EnumerateByIdAsync<TRequest, T>(
        TRequest request,
        string idField,
        Action<TRequest, int> setStart,
        Func<TRequest, IDictionary<string, string>> filter,
        Func<TRequest, IDictionary<string, string>>? order,
        Func<TRequest, CancellationToken, Task<Bitrix24Response<IList<T>>>> call,
        Func<T, long?> idOf,
        int? limit = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return EnumerateById(request, idField, setStart, (r, key, id) => SetAbove(filter(r), key, id?.ToString(System.Globalization.CultureInfo.InvariantCulture)), order, call, idOf, limit, cancellationToken);
    }

    /// <summary>
    /// The fast walk over a generated list method whose filter takes any JSON values (<c>type: any</c>): as the
    /// other overload, with the last id seen written as a number.
    /// </summary>
    /// <typeparam name="TRequest">The method's request class.</typeparam>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="request">The parameters; its paging fields are set for each page.</param>
    /// <param name="idField">The items' id field on the wire, e.g. <c>ID</c>.</param>
    /// <param name="setStart">Sets the request's <c>start</c>.</param>
    /// <param name="filter">The request's filter, made when it has none.</param>
    /// <param name="order">The request's order, made when it has none; null when the method takes no order.</param>
    /// <param name="call">Calls the method for one page.</param>
    /// <param name="idOf">The id of an item.</param>
    /// <param name="limit">Stops after this many items; null for all.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public static IAsyncEnumerable<T> EnumerateByIdAsync<TRequest, T>(
        TRequest request,
        string idField,
        Action<TRequest, int> setStart,
        Func<TRequest, IDictionary<string, JsonNode?>> filter,
        Func<TRequest, IDictionary<string, string>>? order,
        Func<TRequest, CancellationToken, Task<Bitrix24Response<IList<T>>>> call,
        Func<T, long?> idOf,
        int? limit = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return EnumerateById(request, idField, setStart, (r, key, id) => SetAbove(filter(r), key, id is { } value ? JsonValue.Create(value) : null), order, call, idOf, limit, cancellationToken);
    }

    private static IAsyncEnumerable<T> EnumerateById<TRequest, T>(
        TRequest request,
        string idField,
        Action<TRequest, int> setStart,
        Action<TRequest, string, long?> setAbove,
        Func<TRequest, IDictionary<string, string>>? order,
        Func<TRequest, CancellationToken, Task<Bitrix24Response<IList<T>>>> call,
        Func<T, long?> idOf,
        int? limit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(idField);
        ArgumentNullException.ThrowIfNull(setStart);
        ArgumentNullException.ThrowIfNull(call);
        var above = ">" + idField;
        return EnumerateByIdAsync(
            (after, token) =>
            {
                setStart(request, -1);
                if (order is not null)
                {
                    order(request)[idField] = "ASC";
                }

                setAbove(request, above, after);
                return call(request, token);
            },
            idOf,
            limit,
            cancellationToken);
    }

    // The filter's ">ID" entry: the last id seen, or none on the first page.
    private static void SetAbove<TValue>(IDictionary<string, TValue> entries, string key, TValue? value)
    {
        entries.Remove(key);
        if (value is not null)
        {
            entries[key] = value;
        }
    }

    private static async IAsyncEnumerable<T> WalkAsync<T, TCursor>(
        TCursor cursor,
        Func<TCursor, CancellationToken, Task<Bitrix24Response<IList<T>>>> fetchPage,
        Func<TCursor, Bitrix24Response<IList<T>>, (bool More, TCursor Next)> advance,
        int? limit,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var taken = 0;
        while (limit is null || taken < limit)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetchPage(cursor, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Value)
            {
                if (taken == limit)
                {
                    yield break;
                }

                // Cancelled mid-page: stop at once rather than finish the page.
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
                taken++;
            }

            var (more, next) = advance(cursor, page);
            if (!more)
            {
                yield break;
            }

            cursor = next;
        }
    }

    private static void CheckLimit(int? limit)
    {
        if (limit is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit cannot be negative.");
        }
    }
}
