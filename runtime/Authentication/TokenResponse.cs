using System;
using System.Text.Json;

namespace Bitrix24.Generated;

/// <summary>
/// What the token endpoint answered, read without trusting it: fields of the wrong type, broken UTF-8 or JSON and
/// unusable times make it <see cref="Problem"/>, never an exception, and no value is ever quoted (they are secrets).
/// </summary>
internal readonly record struct TokenResponse(
    string? AccessToken,
    string? RefreshToken,
    string? ClientEndpoint,
    DateTimeOffset? ExpiresAt,
    string? Error,
    string? Description,
    string? Problem)
{
    private static readonly long MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static TokenResponse Read(ReadOnlySpan<byte> body)
    {
        try
        {
            return ReadObject(body);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Cut-off or malformed JSON, or strings that are not valid UTF-8/UTF-16.
            return Failed("the body is not valid JSON text.");
        }
    }

    private static TokenResponse ReadObject(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return Failed("the body is not a JSON object.");
        }

        var answer = default(TokenResponse);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueTextEquals("access_token"u8) ? 1
                : reader.ValueTextEquals("refresh_token"u8) ? 2
                : reader.ValueTextEquals("client_endpoint"u8) ? 3
                : reader.ValueTextEquals("expires"u8) ? 4
                : reader.ValueTextEquals("error"u8) ? 5
                : reader.ValueTextEquals("error_description"u8) ? 6
                : 0;
            reader.Read();
            if (field == 0)
            {
                reader.Skip();
                continue;
            }

            if (field == 4)
            {
                if (!TryReadUnixTime(ref reader, out var expiresAt))
                {
                    return Failed("expires is not a Unix time in seconds.");
                }

                answer = answer with { ExpiresAt = expiresAt };
                continue;
            }

            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
            {
                return Failed("a token, endpoint or error field is not a string.");
            }

            var text = reader.GetString();
            answer = field switch
            {
                1 => answer with { AccessToken = text },
                2 => answer with { RefreshToken = text },
                3 => answer with { ClientEndpoint = text },
                5 => answer with { Error = text },
                _ => answer with { Description = text },
            };
        }

        // Text after the object (or a second value) means the answer is not the token response it looks like.
        return reader.TokenType == JsonTokenType.EndObject && !reader.Read() ? answer : Failed("the body is more than one JSON object.");
    }

    private static bool TryReadUnixTime(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        value = null;
        long seconds;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.Number when reader.TryGetInt64(out seconds):
            case JsonTokenType.String when long.TryParse(reader.GetString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out seconds):
                break;
            default:
                return false;
        }

        if (seconds < MinUnixSeconds || seconds > MaxUnixSeconds)
        {
            return false;
        }

        value = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    private static TokenResponse Failed(string problem) => new(null, null, null, null, null, null, problem);
}
