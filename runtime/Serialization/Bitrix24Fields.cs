using System;
using System.ComponentModel;
using System.Text.Json;

namespace Bitrix24.Generated.Serialization;

/// <summary>The fields of a generated object type; see <see cref="Bitrix24Fields{TSelf}"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class Bitrix24Fields
{
    // Only the typed table exists.
    private protected Bitrix24Fields(Bitrix24NameTable names, string? userFields)
    {
        Names = names;
        UserFields = userFields;
    }

    internal Bitrix24NameTable Names { get; }

    /// <summary>The prefix of the custom fields kept in <see cref="IBitrix24UserFields.UserFields"/>, or null.</summary>
    internal string? UserFields { get; }

    internal int Count => Names.Count;
}

/// <summary>
/// The fields of a generated object type, as generated code declares them: each a wire name, a wire form and the
/// property it reads into and writes from. <see cref="Bitrix24ObjectConverter{T}"/> serializes the type through it.
/// </summary>
/// <typeparam name="TSelf">The generated type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class Bitrix24Fields<TSelf> : Bitrix24Fields
    where TSelf : Bitrix24Object
{
    private readonly Bitrix24Field<TSelf>[] _fields;

    /// <summary>Creates the table.</summary>
    /// <param name="declare">Declares the fields with the builder it is given, in wire order.</param>
    public Bitrix24Fields(Func<Bitrix24FieldBuilder<TSelf>, Bitrix24Field<TSelf>[]> declare)
        : this(Declare(declare), null)
    {
    }

    /// <summary>Creates the table of a type that keeps the portal's custom fields (<see cref="IBitrix24UserFields"/>).</summary>
    /// <param name="userFields">
    /// The prefix of the custom fields' names, e.g. <c>UF_</c>: a field that starts with it and that the table does not
    /// declare is read into <see cref="IBitrix24UserFields.UserFields"/>.
    /// </param>
    /// <param name="declare">Declares the fields with the builder it is given, in wire order.</param>
    public Bitrix24Fields(string userFields, Func<Bitrix24FieldBuilder<TSelf>, Bitrix24Field<TSelf>[]> declare)
        : this(Declare(declare), Prefix(userFields))
    {
    }

    private Bitrix24Fields(Bitrix24Field<TSelf>[] fields, string? userFields)
        : base(new Bitrix24NameTable(Array.ConvertAll(fields, field => field.Name)), userFields)
    {
        _fields = fields;
    }

    internal Bitrix24Field<TSelf> this[int index] => _fields[index];

    private static string Prefix(string userFields)
    {
        ArgumentException.ThrowIfNullOrEmpty(userFields);
        return userFields;
    }

    private static Bitrix24Field<TSelf>[] Declare(Func<Bitrix24FieldBuilder<TSelf>, Bitrix24Field<TSelf>[]> declare)
    {
        ArgumentNullException.ThrowIfNull(declare);
        return declare(Bitrix24FieldBuilder<TSelf>.Instance);
    }

    /// <summary>Writes every field that has a value; <paramref name="written"/> notes which, when it is not empty.</summary>
    internal void Write(Utf8JsonWriter writer, TSelf value, Span<bool> written)
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            if (_fields[i].Write(writer, value, Names.Encoded(i)) && !written.IsEmpty)
            {
                written[i] = true;
            }
        }
    }
}
