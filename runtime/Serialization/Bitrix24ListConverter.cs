using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitrix24.Generated.Serialization;

/// <summary>Reads and writes a list result (<c>"result": [...]</c>) with the item reader and writer generated for its type.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Bitrix24ListConverter<T> : JsonConverter<IList<T>>
{
    private readonly Bitrix24ValueReader<T> _readItem;
    private readonly Action<Utf8JsonWriter, T, JsonSerializerOptions> _writeItem;

    /// <summary>Creates the converter.</summary>
    /// <param name="readItem">Reads one item.</param>
    /// <param name="writeItem">Writes one item.</param>
    public Bitrix24ListConverter(Bitrix24ValueReader<T> readItem, Action<Utf8JsonWriter, T, JsonSerializerOptions> writeItem)
    {
        _readItem = readItem ?? throw new ArgumentNullException(nameof(readItem));
        _writeItem = writeItem ?? throw new ArgumentNullException(nameof(writeItem));
    }

    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override IList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        (IList<T>?)Bitrix24Collections.ReadList(ref reader, options, _readItem) ?? new List<T>();

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IList<T> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (var item in value ?? Array.Empty<T>())
        {
            _writeItem(writer, item, options);
        }

        writer.WriteEndArray();
    }
}
