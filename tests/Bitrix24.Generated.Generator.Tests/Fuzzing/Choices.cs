using System.Collections.Generic;

namespace Bitrix24.Generated.Generator.Tests.Fuzzing;

/// <summary>
/// The decisions a fuzz case is built from, taken in order; once they run out every decision is the first option.
/// Shrinking the numbers toward zero and the list toward empty makes a case simpler.
/// </summary>
internal sealed class Choices
{
    private readonly int[] _values;
    private int _next;

    public Choices(int[] values) => _values = values;

    /// <summary>A number below <paramref name="count"/>.</summary>
    public int Next(int count) => count <= 0 ? 0 : (_next < _values.Length ? _values[_next++] : 0) % count;

    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
