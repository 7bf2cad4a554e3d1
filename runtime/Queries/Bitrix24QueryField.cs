using System;

namespace Bitrix24.Generated;

/// <summary>
/// A field of <typeparamref name="TEntity"/> that a REST 3.0 <c>select</c> may name: its wire path, a related object's
/// fields dotted (<c>responsible.name</c>). Generated <c>…Fields</c> classes hand these out.
/// </summary>
/// <typeparam name="TEntity">The object type the select lists fields of.</typeparam>
public abstract class Bitrix24QueryField<TEntity>
{
    private protected Bitrix24QueryField(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
    }

    /// <summary>The field's name on the wire, a related object's fields dotted (<c>responsible.name</c>).</summary>
    public string Path { get; }

    /// <summary>The wire path.</summary>
    /// <returns><see cref="Path"/>.</returns>
    public override string ToString() => Path;

    // A field known only by its path: one a select read back from JSON names.
    internal sealed class Named(string path) : Bitrix24QueryField<TEntity>(path);
}
