using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Bitrix24.Generated.Envelope;

/// <summary>
/// Names the place in an answer where reading stopped as a JSON path, e.g. <c>$.result[3].DATE_FROM</c>, found by
/// reading the answer again up to that place. Property names come from the answer: they are redacted and shortened.
/// </summary>
internal static class AnswerPath
{
    private const int NameLength = 40;

    /// <summary>The path of the value that starts at or holds <paramref name="position"/>; "$" when it is the whole answer.</summary>
    public static string At(ReadOnlySpan<byte> json, long position, Func<string, string> redact)
    {
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(json, EnvelopeReader.ReaderOptions);
        try
        {
            while (reader.Read())
            {
                var top = frames.Count > 0 ? frames[^1] : null;
                if (top is { IsArray: true } && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.EndObject))
                {
                    top.Index++;
                }

                if (reader.TokenStartIndex >= position)
                {
                    break;
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        top!.Name = NameOf(ref reader, redact);
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed from here on: the path so far is the place.
        }

        return Render(frames);
    }

    /// <summary>Where a failure happened: the position a JSON reader error reports, or else the reader's last token.</summary>
    public static long PositionOf(Exception cause, ReadOnlySpan<byte> json, long readerPosition)
    {
        for (var exception = cause; exception is not null; exception = exception.InnerException)
        {
            // The serializer (Path set) counts from where it was handed the reader, not from the answer's start.
            if (exception is JsonException { LineNumber: { } line, BytePositionInLine: { } column, Path: null })
            {
                return LineStart(json, line) + column;
            }
        }

        return readerPosition;
    }

    private static long LineStart(ReadOnlySpan<byte> json, long line)
    {
        var start = 0;
        for (var i = 0L; i < line; i++)
        {
            var newline = json.Slice(start).IndexOf((byte)'\n');
            if (newline < 0)
            {
                break;
            }

            start += newline + 1;
        }

        return start;
    }

    private static string NameOf(ref Utf8JsonReader reader, Func<string, string> redact)
    {
        string name;
        try
        {
            name = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Not valid UTF-8 or UTF-16: shown with replacement characters.
            name = Encoding.UTF8.GetString(reader.ValueSpan);
        }

        name = redact(name);
        return name.Length <= NameLength ? name : name.Substring(0, NameLength) + "…";
    }

    private static string Render(List<Frame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames)
        {
            if (frame.IsArray)
            {
                path.Append('[').Append(Math.Max(frame.Index, 0)).Append(']');
            }
            else if (frame.Name is { } name)
            {
                if (IsPlain(name))
                {
                    path.Append('.').Append(name);
                }
                else
                {
                    path.Append("['").Append(name.Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
                }
            }
        }

        return path.ToString();
    }

    private static bool IsPlain(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    // One object or array around the place: an array counts its items, an object remembers its last property.
    private sealed class Frame
    {
        public Frame(bool isArray) => IsArray = isArray;

        public bool IsArray { get; }

        public int Index { get; set; } = -1;

        public string? Name { get; set; }
    }
}
