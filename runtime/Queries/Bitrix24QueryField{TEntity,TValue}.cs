namespace Bitrix24.Generated;

/// <summary>
/// A field of <typeparamref name="TEntity"/> holding values of <typeparamref name="TValue"/>, that a REST 3.0
/// <c>select</c> may name; <see cref="Bitrix24FilterField{TEntity, TValue}"/> is one a filter may compare too.
/// </summary>
/// <typeparam name="TEntity">The object type the select lists fields of.</typeparam>
/// <typeparam name="TValue">The field's values.</typeparam>
public class Bitrix24QueryField<TEntity, TValue> : Bitrix24QueryField<TEntity>
{
    /// <summary>Creates the field.</summary>
    /// <param name="path">The field's name on the wire, a related object's fields dotted (<c>responsible.name</c>).</param>
    public Bitrix24QueryField(string path)
        : base(path)
    {
    }
}
