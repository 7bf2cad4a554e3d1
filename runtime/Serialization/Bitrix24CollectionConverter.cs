using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitrix24.Generated.Serialization;

/// <summary>
/// Reads and writes a collection result (<c>"result": [...]</c> or <c>"result": {"34": [...]}</c>) with the
/// reader and writer generated for its type. An empty answer (<c>null</c>, <c>false</c>, <c>""</c>) reads as an
/// empty collection, never as null.
/// </summary>
/// <typeparam name="T">The collection type.</typeparam>
public sealed class Bitrix24CollectionConverter<T> : JsonConverter<T>
    where T : class
{
    private readonly Bitrix24ValueReader<T?> _read;
    private readonly Func<T> _empty;
    private readonly Action<Utf8JsonWriter, T, JsonSerializerOptions> _write;

    /// <summary>Creates the converter.</summary>
    /// <param name="read">Reads the collection; returns null for an empty answer.</param>
    /// <param name="empty">Makes an empty collection.</param>
    /// <param name="write">Writes the collection.</param>
    public Bitrix24CollectionConverter(Bitrix24ValueReader<T?> read, Func<T> empty, Action<Utf8JsonWriter, T, JsonSerializerOptions> write)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _empty = empty ?? throw new ArgumentNullException(nameof(empty));
        _write = write ?? throw new ArgumentNullException(nameof(write));
    }

    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        _read(ref reader, options) ?? _empty();

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        _write(writer, value ?? _empty(), options);
}
