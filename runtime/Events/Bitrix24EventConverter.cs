using System;
using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Events;

/// <summary>
/// Reads and writes an event's payload: <c>event</c>, <c>event_handler_id</c>, <c>data</c> (through the generated data
/// class), <c>ts</c> and <c>auth</c>. A portal posts the payload form-encoded, so every value may come as a string:
/// <c>"3"</c>, <c>"1734608169"</c>; numbers are read too. Other fields are skipped.
/// </summary>
/// <typeparam name="TEvent">The generated event class.</typeparam>
/// <typeparam name="TData">The generated class of its data.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class Bitrix24EventConverter<TEvent, TData> : JsonConverter<TEvent>
    where TEvent : Bitrix24Event<TData>, new()
    where TData : Bitrix24Object, IBitrix24Object, new()
{
    /// <summary>The shared instance.</summary>
    public static Bitrix24EventConverter<TEvent, TData> Instance { get; } = new();

    /// <inheritdoc/>
    public override TEvent? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Bitrix24EventJson.Expect(ref reader, JsonTokenType.StartObject, "an event payload");
        var result = new TEvent();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "event":
                    result.Event = Bitrix24EventJson.Text(ref reader) ?? string.Empty;
                    break;
                case "event_handler_id":
                    result.EventHandlerId = Bitrix24EventJson.Integer(ref reader) ?? 0;
                    break;
                case "ts":
                    result.Ts = DateTimeOffset.FromUnixTimeSeconds(Bitrix24EventJson.Long(ref reader) ?? 0);
                    break;
                case "data":
                    result.Data = Bitrix24ObjectConverter<TData>.Instance.Read(ref reader, typeof(TData), options) ?? new TData();
                    break;
                case "auth":
                    result.Auth = Bitrix24EventJson.Auth(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return result;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TEvent value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("event", value.Event);
        writer.WriteString("event_handler_id", value.EventHandlerId.ToString(CultureInfo.InvariantCulture));
        writer.WritePropertyName("data");
        Bitrix24ObjectConverter<TData>.Instance.Write(writer, value.Data, options);
        writer.WriteString("ts", value.Ts.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        if (value.Auth is { } auth)
        {
            writer.WritePropertyName("auth");
            Bitrix24EventJson.Write(writer, auth);
        }

        writer.WriteEndObject();
    }
}

/// <summary>The scalar and <c>auth</c> parts of an event payload, read as leniently as a form-encoded body needs.</summary>
internal static class Bitrix24EventJson
{
    public static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException("Expected " + what + ", found " + reader.TokenType + ".");
        }
    }

    public static string? Text(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray());
            case JsonTokenType.True or JsonTokenType.False:
                return reader.GetBoolean() ? "true" : "false";
            case JsonTokenType.Null:
                return null;
            default:
                reader.Skip();
                return null;
        }
    }

    public static long? Long(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
        {
            return number;
        }

        var text = Text(ref reader);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new JsonException("'" + text + "' is not a whole number.");
    }

    public static int? Integer(ref Utf8JsonReader reader) => Long(ref reader) is { } value ? checked((int)value) : null;

    public static Bitrix24EventAuth? Auth(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartObject, "the auth object");
        var auth = new Bitrix24EventAuth();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "access_token": auth.AccessToken = Text(ref reader); break;
                case "expires_in": auth.ExpiresIn = Integer(ref reader); break;
                case "scope": auth.Scope = Text(ref reader); break;
                case "domain": auth.Domain = Text(ref reader); break;
                case "server_endpoint": auth.ServerEndpoint = Text(ref reader); break;
                case "status": auth.Status = Text(ref reader); break;
                case "client_endpoint": auth.ClientEndpoint = Text(ref reader); break;
                case "member_id": auth.MemberId = Text(ref reader); break;
                case "refresh_token": auth.RefreshToken = Text(ref reader); break;
                case "application_token": auth.ApplicationToken = Text(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return auth;
    }

    public static void Write(Utf8JsonWriter writer, Bitrix24EventAuth auth)
    {
        writer.WriteStartObject();
        void Pair(string name, string? value)
        {
            if (value is not null)
            {
                writer.WriteString(name, value);
            }
        }

        Pair("access_token", auth.AccessToken);
        Pair("expires_in", auth.ExpiresIn?.ToString(CultureInfo.InvariantCulture));
        Pair("scope", auth.Scope);
        Pair("domain", auth.Domain);
        Pair("server_endpoint", auth.ServerEndpoint);
        Pair("status", auth.Status);
        Pair("client_endpoint", auth.ClientEndpoint);
        Pair("member_id", auth.MemberId);
        Pair("refresh_token", auth.RefreshToken);
        Pair("application_token", auth.ApplicationToken);
        writer.WriteEndObject();
    }
}
