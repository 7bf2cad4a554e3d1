using System;
using System.Collections.Generic;

namespace Bitrix24.Generated;

/// <summary>
/// The references a call of a REST 3.0 batch takes from earlier calls' results, each put at a dotted path of its
/// query in place of whatever the call itself set there, e.g.
/// <c>q =&gt; q.Set("id", doc.Ref("item.id")).Set("fields.parentId", folder.Ref("item.id"))</c>.
/// </summary>
public sealed class Bitrix24Rest3BatchQuery
{
    private readonly List<KeyValuePair<string, Bitrix24Rest3Reference>> _references = new();

    internal Bitrix24Rest3BatchQuery()
    {
    }

    internal IReadOnlyList<KeyValuePair<string, Bitrix24Rest3Reference>> References => _references;

    /// <summary>Puts a reference at a parameter of the call's query.</summary>
    /// <param name="path">The parameter as sent (its JSON name), dotted into nested objects, e.g. <c>id</c> or <c>fields.parentId</c>; a number steps into an array the call set.</param>
    /// <param name="reference">What the portal puts there: a value of an earlier call's result.</param>
    /// <returns>This query, for the next reference.</returns>
    /// <exception cref="ArgumentException">The path is empty or has an empty segment.</exception>
    public Bitrix24Rest3BatchQuery Set(string path, Bitrix24Rest3Reference reference)
    {
        Bitrix24Rest3Reference.CheckPath(path, nameof(path));
        ArgumentNullException.ThrowIfNull(reference);
        _references.Add(new KeyValuePair<string, Bitrix24Rest3Reference>(path, reference));
        return this;
    }
}
