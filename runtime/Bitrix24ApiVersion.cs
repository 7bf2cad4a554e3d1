namespace Bitrix24.Generated;

/// <summary>Which of the two REST APIs a portal serves a method through.</summary>
public enum Bitrix24ApiVersion
{
    /// <summary>
    /// The classic API at <c>/rest/</c>: each module answers in its own shape; writes carry no protection
    /// against running twice.
    /// </summary>
    Classic = 0,

    /// <summary>
    /// REST 3.0 at <c>/rest/api/</c>: JSON bodies only, one envelope for every method
    /// (<c>result.item</c>, <c>result.items</c>, <c>result.result</c>), errors with per-field validation entries,
    /// and writes that can be repeated safely with an <c>Idempotency-Key</c>.
    /// </summary>
    Rest3 = 1,
}
