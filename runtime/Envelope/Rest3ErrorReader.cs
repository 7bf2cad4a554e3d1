using System.Collections.Generic;
using System.Text.Json;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Envelope;

/// <summary>
/// Reads REST 3.0's nested error, <c>{"code", "message", "validation": [{"field", "message"}]}</c>, which the
/// envelope reader meets under <c>error</c> in place of the classic code string.
/// </summary>
internal static class Rest3ErrorReader
{
    public static void Read(ref Utf8JsonReader reader, ref string? code, ref string? description, ref List<Bitrix24ValidationError>? validation)
    {
        code = string.Empty;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("code"u8))
            {
                reader.Read();
                code = Bitrix24Wire.ReadString(ref reader) ?? string.Empty;
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                description = Bitrix24Wire.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("validation"u8))
            {
                reader.Read();
                validation = ReadValidation(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private static List<Bitrix24ValidationError>? ReadValidation(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Bitrix24Wire.Unexpected(ref reader, "the 'validation' list");
        }

        var entries = new List<Bitrix24ValidationError>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Bitrix24Wire.Unexpected(ref reader, "a validation entry object");
            }

            string? field = null;
            string? message = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("field"u8))
                {
                    reader.Read();
                    field = Bitrix24Wire.ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("message"u8))
                {
                    reader.Read();
                    message = Bitrix24Wire.ReadString(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            entries.Add(new Bitrix24ValidationError(field, message ?? string.Empty));
        }

        return entries;
    }
}
