using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Bitrix24.Generated.Serialization;

/// <summary>
/// Reads and writes a generated object in its Bitrix24 wire form through its field table: lenient reading (no
/// object as <c>null</c>, <c>false</c> or <c>""</c>, an empty PHP array for an empty object), the portal's custom
/// fields of a type that has them kept in <see cref="IBitrix24UserFields.UserFields"/>, other fields not in the spec,
/// fields that read as empty and fields whose value does not fit their type kept in
/// <see cref="Bitrix24Object.AdditionalProperties"/>, exact writing.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
public sealed class Bitrix24ObjectConverter<T> : JsonConverter<T>
    where T : Bitrix24Object, IBitrix24Object, new()
{
    // Every instance of a type hands out the same table; asked once, of the first one made.
    private static Bitrix24Fields<T>? s_fields;

    /// <summary>The shared instance.</summary>
    public static Bitrix24ObjectConverter<T> Instance { get; } = new();

    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadObject(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        WriteObject(writer, value);
    }

    /// <summary>Reads an object at the reader's token; null when the portal sent none.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static T? ReadObject(ref Utf8JsonReader reader)
    {
        if (Bitrix24Wire.IsNoValue(ref reader))
        {
            // E.g. RRULE of a single event.
            return null;
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                // An empty PHP array stands for an empty object.
                reader.Skip();
                return new T();
            case JsonTokenType.StartObject:
                break;
            default:
                throw Bitrix24Wire.Unexpected(ref reader, "an object (" + typeof(T).Name + ")");
        }

        var value = new T();
        var table = Fields(value);
        var userFields = table.UserFields;
        var expected = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = table.Names.Find(ref reader, expected);
            var unknown = index < 0 ? reader.GetString()! : null;
            reader.Read();
            try
            {
                if (unknown is not null)
                {
                    if (userFields is not null && unknown.StartsWith(userFields, StringComparison.Ordinal))
                    {
                        KeepUserField(value, unknown, ref reader);
                    }
                    else
                    {
                        Keep(value, unknown, ref reader);
                    }

                    continue;
                }

                expected = index + 1;
                if (!ReadField(table[index], value, ref reader))
                {
                    // Kept as sent, so that writing the object back loses nothing.
                    Keep(value, table[index].Name, ref reader);
                }
            }
            catch (JsonException exception) when (exception.Path is null)
            {
                // Only JSON that cannot be read at all gets here; name the field, so that it is found without a debugger.
                // A name the spec does not give comes from the answer: shown only when short.
                throw new JsonException(typeof(T).Name + "." + (unknown is null ? table[index].Name : Bitrix24Wire.Name(unknown)) + ": " + exception.Message, exception);
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("The JSON ends inside " + typeof(T).Name + ".");
        }

        return value;
    }

    /// <summary>
    /// Writes an object: its fields with values, then its user fields whose property was not written, then the kept
    /// fields whose property or user field was not written.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void WriteObject(Utf8JsonWriter writer, T value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var table = Fields(value);
        var userFields = table.UserFields is null ? null : ((IBitrix24UserFields)value).UserFields;
        var kept = value.AdditionalProperties;
        var tracked = kept is { Count: > 0 } || userFields is { Count: > 0 };
        Span<bool> written = !tracked ? default : table.Count <= 256 ? stackalloc bool[table.Count] : new bool[table.Count];
        writer.WriteStartObject();
        table.Write(writer, value, written);
        if (userFields is not null)
        {
            foreach (var field in userFields)
            {
                if (IsWritten(table, written, field.Key))
                {
                    // A property the spec names wins over the map.
                    continue;
                }

                writer.WritePropertyName(field.Key);
                Bitrix24Wire.WriteJson(writer, field.Value);
            }
        }

        if (kept is not null)
        {
            foreach (var field in kept)
            {
                if (IsWritten(table, written, field.Key) || userFields?.ContainsKey(field.Key) == true)
                {
                    // A kept value gives way once its property or a user field of its name has one.
                    continue;
                }

                writer.WritePropertyName(field.Key);
                field.Value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static Bitrix24Fields<T> Fields(T value) => s_fields ??= Table(value);

    private static Bitrix24Fields<T> Table(T value)
    {
        if (value.Fields is not Bitrix24Fields<T> table)
        {
            throw new InvalidOperationException(typeof(T).Name + " must declare its fields as Bitrix24Fields<" + typeof(T).Name + ">.");
        }

        if (table.UserFields is not null && value is not IBitrix24UserFields)
        {
            throw new InvalidOperationException(typeof(T).Name + " declares user fields, so it must implement IBitrix24UserFields.");
        }

        return table;
    }

    private static bool IsWritten(Bitrix24Fields<T> table, Span<bool> written, string name)
    {
        var index = table.Names.IndexOf(name);
        return index >= 0 && written[index];
    }

    /// <summary>
    /// Reads a field's value into its property; false when the value is empty or does not fit the field's type (a
    /// spec may be wrong about a type, and one such field must not fail a whole answer), and then the reader is back
    /// at the value, for keeping it as sent. Malformed JSON fails again when the value is kept.
    /// </summary>
    private static bool ReadField(Bitrix24Field<T> field, T value, ref Utf8JsonReader reader)
    {
        // The reader is a struct: a copy is a bookmark, and costs no allocation.
        var start = reader;
        try
        {
            return field.Read(ref reader, value);
        }
        catch (JsonException)
        {
            reader = start;
            return false;
        }
    }

    private static void Keep(T value, string name, ref Utf8JsonReader reader) =>
        (value.AdditionalProperties ??= new Dictionary<string, JsonElement>())[name] = JsonElement.ParseValue(ref reader);

    // Keys as sent, compared exactly.
    private static void KeepUserField(T value, string name, ref Utf8JsonReader reader) =>
        (((IBitrix24UserFields)value).UserFields ??= new Dictionary<string, JsonNode?>(StringComparer.Ordinal))[name] = Bitrix24Wire.ReadJson(ref reader);
}
