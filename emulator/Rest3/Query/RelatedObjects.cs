using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Rest3.Query;

/// <summary>Where the entities of one kind are kept, for a select to read a related one from.</summary>
internal interface IRelatedSource
{
    /// <summary>The entity's name in errors (<c>UserDto</c>).</summary>
    string EntityName { get; }

    /// <summary>The family's prefix (<c>note.collection</c>); empty for users.</summary>
    string Prefix { get; }

    /// <summary>The fields an entity of the kind has.</summary>
    IReadOnlyCollection<string> Fields { get; }

    /// <summary>The entity with the id, or null.</summary>
    JsonObject? Find(long id);
}

/// <summary>
/// The emulator's stores a related object is read from: the REST 3.0 entity families and the portal's users, found
/// by the related type the spec declares (the family whose item type it is, users for a user type) or, without one,
/// by the related field's name (<c>collection</c> of <c>note.document</c> is <c>note.collection</c>).
/// </summary>
internal sealed class RelatedObjects
{
    private readonly List<IRelatedSource> _sources = [];

    public RelatedObjects(IRelatedSource users) => Users = users;

    public IRelatedSource Users { get; }

    public void Add(IRelatedSource source)
    {
        lock (_sources)
        {
            _sources.Add(source);
        }
    }

    /// <summary>The store of the entities a relation of an entity of <paramref name="prefix"/> names, or null.</summary>
    public IRelatedSource? Of(Relation relation, string prefix)
    {
        List<IRelatedSource> sources;
        lock (_sources)
        {
            sources = [.. _sources];
        }

        if (relation.TypeName is { } type)
        {
            return sources.FirstOrDefault(source => source.EntityName == type)
                ?? (type.Contains("User", StringComparison.OrdinalIgnoreCase) ? Users : null);
        }

        var scope = prefix[..Math.Max(0, prefix.IndexOf('.'))];
        var named = sources.Where(source => source.Prefix.EndsWith("." + relation.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        return named.FirstOrDefault(source => source.Prefix.StartsWith(scope + ".", StringComparison.Ordinal)) ?? named.FirstOrDefault()
            ?? (relation.Name.EndsWith("By", StringComparison.Ordinal) || relation.Name is "responsible" or "creator" or "author" or "owner" or "user" ? Users : null);
    }
}
