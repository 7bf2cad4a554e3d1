using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Envelope;

/// <summary>
/// Reads <c>{result, time, total, next}</c> or <c>{error, error_description}</c> in one forward pass, and REST 3.0's
/// <c>{result, time}</c> or <c>{error: {code, message, validation}}</c> the same way (its <c>result</c> is read whole),
/// turning anything else, and any failure to read it, into a <see cref="Bitrix24ResponseFormatException"/>.
/// </summary>
internal static class EnvelopeReader
{
    // The fields of the time block, compared as UTF-8 without making strings.
    private const string UnixTime = "a Unix time in seconds within the years 1 to 9999";
    private const double MinUnixMilliseconds = -62135596800000;
    private const double MaxUnixMilliseconds = 253402300799999;

    private static readonly Bitrix24NameTable TimeFields = new("start", "finish", "duration", "processing", "operating", "date_start", "date_finish", "operating_reset_at");

    /// <summary>How answers are tokenized: comments, which PHP never writes but proxies might, are skipped.</summary>
    internal static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    public static Bitrix24Response<T> Read<T>(
        string method,
        HttpStatusCode status,
        MediaTypeHeaderValue? contentType,
        ReadOnlySpan<byte> body,
        JsonConverter<T> result,
        Bitrix24ErrorMap? errors,
        Func<string, string> redact)
    {
        var answer = new AnswerSource(method, status, contentType?.ToString(), body, redact);
        var hasResult = false;
        T value = default!;
        Bitrix24Time? time = null;
        int? total = null;
        int? next = null;
        string? errorCode = null;
        string? errorDescription = null;
        List<Bitrix24ValidationError>? validation = null;

        var firstByte = body.TrimStart(" \t\r\n"u8);
        if (!firstByte.IsEmpty && firstByte[0] != (byte)'{')
        {
            // An HTML error page from a proxy, or plain text: say so rather than quote a parser error.
            throw answer.Malformed("the body is not a JSON object.");
        }

        var reader = new Utf8JsonReader(body, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw answer.Malformed("the body is not a JSON object.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("result"u8))
                {
                    reader.Read();
                    value = Bitrix24Converters.ReadValue(result, ref reader);
                    hasResult = true;
                }
                else if (reader.ValueTextEquals("time"u8))
                {
                    reader.Read();
                    time = ReadTime(ref reader);
                }
                else if (reader.ValueTextEquals("total"u8))
                {
                    reader.Read();
                    total = Bitrix24Wire.ReadInt32(ref reader);
                }
                else if (reader.ValueTextEquals("next"u8))
                {
                    reader.Read();
                    next = Bitrix24Wire.ReadInt32(ref reader);
                }
                else if (reader.ValueTextEquals("error"u8))
                {
                    reader.Read();
                    ReadError(ref reader, ref errorCode, ref errorDescription, ref validation);
                }
                else if (reader.ValueTextEquals("error_description"u8))
                {
                    reader.Read();
                    errorDescription = Bitrix24Wire.ReadString(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                throw answer.Malformed("the envelope is not a JSON object.");
            }

            if (reader.Read())
            {
                throw answer.Malformed("there is data after the JSON object.");
            }
        }
        catch (Exception exception) when (AnswerSource.IsReadFailure(exception))
        {
            // Whatever failed, from the parser to a converter of the result: one typed, redacted exception.
            throw answer.Unreadable(exception, reader.TokenStartIndex);
        }

        if (errorCode is not null)
        {
            // The code is shown in the message too, so it is redacted as the description is.
            var code = redact(errorCode);
            var description = redact(errorDescription ?? string.Empty);
            var exception = errors?.CreateException(method, status, code, description)
                ?? new Bitrix24ApiException(method, status, code, description);
            if (validation is not null)
            {
                exception.Validation = validation.ConvertAll(entry => new Bitrix24ValidationError(entry.Field is null ? null : redact(entry.Field), redact(entry.Message)));
            }

            throw exception;
        }

        if ((int)status < 200 || (int)status > 299)
        {
            throw answer.Malformed("the HTTP status is an error but the body carries no error code.");
        }

        if (!hasResult)
        {
            throw answer.Malformed("the envelope has neither 'result' nor 'error'.");
        }

        return new Bitrix24Response<T>(value, time, total, next);
    }

    private static void ReadError(ref Utf8JsonReader reader, ref string? code, ref string? description, ref List<Bitrix24ValidationError>? validation)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            Rest3ErrorReader.Read(ref reader, ref code, ref description, ref validation);
            return;
        }

        code = Bitrix24Wire.ReadString(ref reader) ?? string.Empty;
    }

    internal static Bitrix24Time? ReadTime(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Bitrix24Wire.Unexpected(ref reader, "the 'time' object");
        }

        double start = 0, finish = 0, duration = 0, processing = 0;
        double? operating = null;
        DateTimeOffset? dateStart = null, dateFinish = null, operatingResetAt = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = TimeFields.Find(ref reader, -1);
            reader.Read();
            switch (field)
            {
                case 0:
                    start = Bitrix24Wire.ReadDouble(ref reader) ?? 0;
                    break;
                case 1:
                    finish = Bitrix24Wire.ReadDouble(ref reader) ?? 0;
                    break;
                case 2:
                    duration = Bitrix24Wire.ReadDouble(ref reader) ?? 0;
                    break;
                case 3:
                    processing = Bitrix24Wire.ReadDouble(ref reader) ?? 0;
                    break;
                case 4:
                    operating = Bitrix24Wire.ReadDouble(ref reader);
                    break;
                case 5:
                    dateStart = ReadDate(ref reader);
                    break;
                case 6:
                    dateFinish = ReadDate(ref reader);
                    break;
                case 7:
                    operatingResetAt = ReadDate(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new Bitrix24Time
        {
            Start = start,
            Finish = finish,
            Duration = duration,
            Processing = processing,
            Operating = operating,
            DateStart = dateStart,
            DateFinish = dateFinish,
            OperatingResetAt = operatingResetAt,
        };
    }

    // Dates come as ISO strings; operating_reset_at usually as Unix seconds.
    private static DateTimeOffset? ReadDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetDouble(out var number) ? FromUnixSeconds(number, ref reader) : throw Bitrix24Wire.Unexpected(ref reader, UnixTime);
        }

        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var iso))
        {
            return iso;
        }

        var text = Bitrix24Wire.ReadString(ref reader);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return FromUnixSeconds(seconds, ref reader);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date;
        }

        throw Bitrix24Wire.Unexpected(ref reader, "a date (ISO 8601 or Unix seconds)");
    }

    // DateTimeOffset holds the years 1 to 9999; a number outside them (or NaN) is no date a portal means.
    private static DateTimeOffset FromUnixSeconds(double seconds, ref Utf8JsonReader reader)
    {
        var milliseconds = seconds * 1000;
        if (!(milliseconds >= MinUnixMilliseconds && milliseconds <= MaxUnixMilliseconds))
        {
            throw Bitrix24Wire.Unexpected(ref reader, UnixTime);
        }

        return DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
    }
}
