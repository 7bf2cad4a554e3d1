using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Rest3.Query;

/// <summary>
/// A list's <c>pagination</c>, <c>{page, limit, offset}</c>: <c>limit</c> items (50 unless given, at most 1000)
/// from <c>offset</c>, or from <c>(page - 1) * limit</c> when a page is given.
/// </summary>
internal readonly record struct Pagination(int Offset, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public static Pagination Of(JsonNode? pagination)
    {
        if (pagination is null || pagination.GetValueKind() == JsonValueKind.Null)
        {
            return new Pagination(0, DefaultLimit);
        }

        if (pagination is not JsonObject values)
        {
            throw QueryErrors.Invalid("pagination", "The pagination must be an object {page, limit, offset}");
        }

        var limit = Whole(values, "limit", 1, MaxLimit) ?? DefaultLimit;
        var offset = Whole(values, "offset", 0, int.MaxValue) ?? 0;
        if (Whole(values, "page", 1, int.MaxValue) is { } page)
        {
            offset = (int)System.Math.Min(int.MaxValue, (long)(page - 1) * limit);
        }

        return new Pagination(offset, limit);
    }

    private static int? Whole(JsonObject values, string name, int min, int max)
    {
        var node = values[name];
        if (node is null || node.GetValueKind() == JsonValueKind.Null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number) && number >= min && number <= max)
        {
            return (int)number;
        }

        throw QueryErrors.Invalid("pagination." + name, "`pagination." + name + "` must be an integer from " + min + (max == int.MaxValue ? " up" : " to " + max));
    }
}
