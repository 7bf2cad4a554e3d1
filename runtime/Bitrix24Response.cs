namespace Bitrix24.Generated;

/// <summary>
/// The result of a call together with the envelope around it: timing and, for list methods, paging.
/// Converts implicitly to the result, so <c>bool ok = await ...</c> works.
/// </summary>
/// <typeparam name="T">The type of <c>result</c>.</typeparam>
public sealed class Bitrix24Response<T>
{
    /// <summary>Creates a response.</summary>
    public Bitrix24Response(T value, Bitrix24Time? time, int? total, int? next)
    {
        Value = value;
        Time = time;
        Total = total;
        Next = next;
    }

    /// <summary>The method's result.</summary>
    public T Value { get; }

    /// <summary>The envelope's <c>time</c> block, when the portal sent one.</summary>
    public Bitrix24Time? Time { get; }

    /// <summary>For list methods: the number of items in the whole list.</summary>
    public int? Total { get; }

    /// <summary>For list methods: the <c>start</c> of the next page, or null on the last page.</summary>
    public int? Next { get; }

    /// <summary>
    /// True when a REST 3.0 portal answered a repeated write from its store (<c>Idempotent-Replayed: true</c>): the
    /// method ran once, on an earlier attempt whose answer was lost, and this is that run's answer.
    /// </summary>
    public bool Replayed { get; internal set; }

    /// <summary>Returns the result.</summary>
    public static implicit operator T(Bitrix24Response<T> response) => response.Value;

    /// <inheritdoc/>
    public override string ToString() => "Bitrix24Response { Value = " + Value + " }";
}
