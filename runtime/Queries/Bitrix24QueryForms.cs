using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated;

/// <summary>
/// The wire forms of a request's filter and select: written as their JSON arrays; read back as conditions kept as
/// sent and fields known by their paths, which write the same JSON again.
/// </summary>
/// <typeparam name="TEntity">The object type queried.</typeparam>
internal static class Bitrix24QueryForms<TEntity>
{
    public static readonly Bitrix24Form<Bitrix24Filter<TEntity>?> Filter = new FilterForm();
    public static readonly Bitrix24Form<Bitrix24Select<TEntity>?> Select = new SelectForm();

    private sealed class FilterForm : Bitrix24Form<Bitrix24Filter<TEntity>?>
    {
        public override Bitrix24Filter<TEntity>? Read(ref Utf8JsonReader reader)
        {
            if (Bitrix24Wire.ReadJson(ref reader) is not JsonArray conditions)
            {
                return null;
            }

            var filter = new Bitrix24Filter<TEntity>();
            foreach (var condition in conditions)
            {
                filter.Add(new Bitrix24Condition<TEntity>.Raw(condition?.DeepClone()));
            }

            return filter;
        }

        public override void Write(Utf8JsonWriter writer, Bitrix24Filter<TEntity>? value) => value!.WriteTo(writer);
    }

    private sealed class SelectForm : Bitrix24Form<Bitrix24Select<TEntity>?>
    {
        public override Bitrix24Select<TEntity>? Read(ref Utf8JsonReader reader)
        {
            if (Bitrix24Wire.ReadJson(ref reader) is not JsonArray fields)
            {
                return null;
            }

            var select = new Bitrix24Select<TEntity>();
            foreach (var field in fields)
            {
                if (field is JsonValue value && value.TryGetValue<string>(out var path) && path.Length > 0)
                {
                    select.Add(new Bitrix24QueryField<TEntity>.Named(path));
                }
            }

            return select;
        }

        public override void Write(Utf8JsonWriter writer, Bitrix24Select<TEntity>? value) => value!.WriteTo(writer);
    }
}
