using System;
using System.Collections.Generic;
using System.Globalization;

namespace Bitrix24.Generated.Batch.Rest3;

/// <summary>The names (<c>as</c>) the calls of one REST 3.0 batch go by, given or made up; each used once.</summary>
internal sealed class Rest3BatchState
{
    private readonly List<string?> _aliases = new();
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public int Count => _aliases.Count;

    public string? AliasOf(int index)
    {
        lock (_aliases)
        {
            return _aliases[index];
        }
    }

    /// <summary>The call's alias, made up (<c>call0</c>, <c>call1</c>, …) when it was added without one.</summary>
    public string EnsureAlias(int index)
    {
        lock (_aliases)
        {
            if (_aliases[index] is { } alias)
            {
                return alias;
            }

            var made = "call" + index.ToString(CultureInfo.InvariantCulture);
            for (var suffix = 1; _taken.Contains(made); suffix++)
            {
                made = "call" + index.ToString(CultureInfo.InvariantCulture) + "_" + suffix.ToString(CultureInfo.InvariantCulture);
            }

            _taken.Add(made);
            _aliases[index] = made;
            return made;
        }
    }

    /// <summary>Whether an earlier call goes by <paramref name="alias"/>.</summary>
    public bool IsTaken(string alias)
    {
        lock (_aliases)
        {
            return _taken.Contains(alias);
        }
    }

    /// <summary>Registers the next call, by the alias it was added with (already checked to be free) or none.</summary>
    public void Append(string? alias)
    {
        lock (_aliases)
        {
            _aliases.Add(alias);
            if (alias is not null)
            {
                _taken.Add(alias);
            }
        }
    }
}
