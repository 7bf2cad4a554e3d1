using System;
using System.Net;
using System.Text;
using System.Text.Json;
using Bitrix24.Generated.Envelope;

namespace Bitrix24.Generated.Batch;

/// <summary>Reads a value at a reader's token.</summary>
/// <typeparam name="T">What is read.</typeparam>
internal delegate T PartReader<out T>(ref Utf8JsonReader reader);

/// <summary>
/// Reads one part of a batch's answer (a command's result, time or error) as the envelope reads a whole answer: any
/// failure becomes a <see cref="Bitrix24ResponseFormatException"/> naming the command's method and the part's path.
/// </summary>
internal static class BatchPart
{
    public static T Read<T>(string method, JsonElement part, string path, Func<string, string> redact, PartReader<T> read)
    {
        byte[] json = [];
        var reader = default(Utf8JsonReader);
        try
        {
            json = Encoding.UTF8.GetBytes(part.GetRawText());
            reader = new Utf8JsonReader(json, EnvelopeReader.ReaderOptions);
            reader.Read();
            return read(ref reader);
        }
        catch (Exception exception) when (AnswerSource.IsReadFailure(exception))
        {
            throw new AnswerSource(method, HttpStatusCode.OK, "application/json", json, redact, path).Unreadable(exception, reader.TokenStartIndex);
        }
    }

    /// <summary>A failure to read a part that was not read token by token.</summary>
    public static Bitrix24ResponseFormatException Unreadable(string method, JsonElement part, string path, Func<string, string> redact, Exception cause) =>
        new AnswerSource(method, HttpStatusCode.OK, "application/json", RawBytes(part), redact, path).Unreadable(cause, readerPosition: 0);

    // The part's JSON for the excerpt; none when its text cannot even be copied out (bytes that are not UTF-8).
    private static byte[] RawBytes(JsonElement part)
    {
        try
        {
            return Encoding.UTF8.GetBytes(part.GetRawText());
        }
        catch (InvalidOperationException)
        {
            return [];
        }
    }
}
