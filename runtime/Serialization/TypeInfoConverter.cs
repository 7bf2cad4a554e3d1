using System;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Bitrix24.Generated.Serialization;

/// <summary>A caller's <see cref="JsonTypeInfo{T}"/> as a converter, so that calls with types of their own read like generated ones.</summary>
/// <typeparam name="T">The type.</typeparam>
internal sealed class TypeInfoConverter<T> : JsonConverter<T>
{
    private static readonly ConditionalWeakTable<JsonTypeInfo<T>, TypeInfoConverter<T>> Cache = new();
    private readonly JsonTypeInfo<T> _info;

    private TypeInfoConverter(JsonTypeInfo<T> info) => _info = info;

    public override bool HandleNull => true;

    public static JsonConverter<T> For(JsonTypeInfo<T> info) => Cache.GetValue(info, static i => new TypeInfoConverter<T>(i));

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => JsonSerializer.Deserialize(ref reader, _info);

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => JsonSerializer.Serialize(writer, value, _info);
}
