using System;

namespace Bitrix24.Generated;

/// <summary>
/// A value a REST 3.0 batch takes from the result of an earlier call of the same batch, resolved by the portal:
/// <c>{"$ref": "alias.item.id"}</c> (one value by a dotted path) or <c>{"$refArray": "alias.id"}</c> (one field
/// collected across the <c>items</c> of an earlier list call). Made by <see cref="Bitrix24Rest3BatchCall.Ref"/> and
/// <see cref="Bitrix24Rest3BatchCall.RefArray"/>, or from a whole path by <see cref="Ref(string)"/> and
/// <see cref="RefArray(string)"/>; put into a later call's query with <see cref="Bitrix24Rest3BatchQuery.Set"/>.
/// </summary>
public sealed class Bitrix24Rest3Reference
{
    private Bitrix24Rest3Reference(string path, bool isArray, object? batch, int index)
    {
        Path = path;
        IsArray = isArray;
        Batch = batch;
        Index = index;
    }

    /// <summary>The path as sent: the alias of the call referred to, then the path inside its result, e.g. <c>doc.item.id</c>.</summary>
    public string Path { get; }

    /// <summary>Whether this collects a field across the referred call's <c>items</c> (<c>$refArray</c>) rather than taking one value (<c>$ref</c>).</summary>
    public bool IsArray { get; }

    /// <summary>The alias the path starts with.</summary>
    public string Alias => Path.Split('.')[0];

    // The batch state and the position of the call a handle's reference points at; null and -1 for one made from a path.
    internal object? Batch { get; }

    internal int Index { get; }

    /// <summary>One value of an earlier call's result by a whole dotted path, alias first, e.g. <c>Ref("doc.item.id")</c>.</summary>
    /// <param name="path">The alias of an earlier call of the batch, then the path inside its result.</param>
    /// <exception cref="ArgumentException">The path is empty or has an empty segment.</exception>
    public static Bitrix24Rest3Reference Ref(string path)
    {
        CheckPath(path, nameof(path));
        return new Bitrix24Rest3Reference(path, isArray: false, batch: null, index: -1);
    }

    /// <summary>
    /// One field collected across the <c>items</c> of an earlier list call, by a path of its alias and the field,
    /// e.g. <c>RefArray("docs.id")</c>.
    /// </summary>
    /// <param name="path">The alias of an earlier call of the batch, a dot, then the field.</param>
    /// <exception cref="ArgumentException">The path has no dot (the portal refuses it) or an empty segment.</exception>
    public static Bitrix24Rest3Reference RefArray(string path)
    {
        CheckPath(path, nameof(path));
        if (!path.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A $refArray path names the call's alias and the field to collect, e.g. 'docs.id'; '{path}' has no dot.", nameof(path));
        }

        return new Bitrix24Rest3Reference(path, isArray: true, batch: null, index: -1);
    }

    /// <inheritdoc/>
    public override string ToString() => (IsArray ? "{\"$refArray\": \"" : "{\"$ref\": \"") + Path + "\"}";

    internal static Bitrix24Rest3Reference ToCall(object batch, int index, string alias, string path, bool isArray) =>
        new(alias + "." + path, isArray, batch, index);

    internal static void CheckPath(string path, string parameter)
    {
        ArgumentNullException.ThrowIfNull(path, parameter);
        if (path.Length == 0 || Array.Exists(path.Split('.'), segment => segment.Trim().Length == 0))
        {
            throw new ArgumentException($"'{path}' is not a dotted path: it is empty or has an empty segment.", parameter);
        }
    }
}
