using System;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Bitrix24.Generated.Envelope;

/// <summary>
/// An answer being read, and the one way a failure to read it leaves the runtime: as a
/// <see cref="Bitrix24ResponseFormatException"/> that names the method, the JSON path and what was expected, with every
/// text taken from the answer redacted. Whatever the cause (malformed JSON, a value of the wrong type, text that is not
/// valid UTF-8, a number out of range), callers see this exception and nothing else.
/// </summary>
internal readonly ref struct AnswerSource
{
    private const int ExcerptLength = 200;
    private const int CauseLength = 300;

    // Enough bytes to hold the excerpt's characters and any secret that starts inside it, so redaction sees it whole.
    private const int ExcerptBytes = ExcerptLength * 4 + 1024;

    private readonly string _method;
    private readonly HttpStatusCode _status;
    private readonly string? _contentType;
    private readonly ReadOnlySpan<byte> _body;
    private readonly Func<string, string> _redact;
    private readonly string _path;

    /// <summary>Describes an answer.</summary>
    /// <param name="method">The method the answer is to.</param>
    /// <param name="status">Its HTTP status.</param>
    /// <param name="contentType">Its content type.</param>
    /// <param name="body">The JSON being read.</param>
    /// <param name="redact">Hides the connection's secrets in a text.</param>
    /// <param name="path">Where <paramref name="body"/> sits in the whole answer, e.g. a batch command's result.</param>
    public AnswerSource(string method, HttpStatusCode status, string? contentType, ReadOnlySpan<byte> body, Func<string, string> redact, string path = "$")
    {
        _method = method;
        _status = status;
        _contentType = contentType;
        _body = body;
        _redact = redact;
        _path = path;
    }

    /// <summary>
    /// Whether an exception thrown while reading is a failure to read the answer: anything but the runtime's own
    /// exceptions (already typed) and running out of memory.
    /// </summary>
    public static bool IsReadFailure(Exception exception) => exception is not (Bitrix24Exception or OutOfMemoryException);

    /// <summary>The answer is not what it should be, for a reason the reader states.</summary>
    public Bitrix24ResponseFormatException Malformed(string problem) => Create(problem, inner: null);

    /// <summary>
    /// Reading failed with <paramref name="cause"/> at or near <paramref name="readerPosition"/>. The cause is kept as
    /// the inner exception only when it is a JSON error whose text holds no secret: the runtime's readers never quote
    /// more of a value than a short excerpt, and other exceptions are not theirs to vouch for.
    /// </summary>
    public Bitrix24ResponseFormatException Unreadable(Exception cause, long readerPosition)
    {
        var path = Join(_path, AnswerPath.At(_body, AnswerPath.PositionOf(cause, _body, readerPosition), _redact));
        var problem = IsMalformedJson(cause)
            ? "the JSON is malformed or cut off at " + path + " (" + Describe(cause) + ")."
            : "the value at " + path + " does not fit: " + Describe(cause);
        return Create(problem, KeepsSecretsOut(cause) ? cause : null);
    }

    // The reader itself reports where the text stopped being JSON; converters report no position.
    private static bool IsMalformedJson(Exception cause)
    {
        for (var exception = cause; exception is not null; exception = exception.InnerException)
        {
            if (exception is JsonException { LineNumber: not null, Path: null })
            {
                return true;
            }
        }

        return false;
    }

    private static string Join(string outer, string inner) => inner.Length == 1 ? outer : outer + inner.Substring(1);

    private string Describe(Exception cause)
    {
        var text = _redact(cause.Message);
        if (text.Length > CauseLength)
        {
            text = text.Substring(0, CauseLength) + "…";
        }

        return cause is JsonException ? text : text + " (" + cause.GetType().Name + ")";
    }

    private bool KeepsSecretsOut(Exception cause)
    {
        if (cause is not JsonException)
        {
            return false;
        }

        var text = cause.ToString();
        return _redact(text) == text;
    }

    private Bitrix24ResponseFormatException Create(string problem, Exception? inner)
    {
        var text = Encoding.UTF8.GetString(_body.Slice(0, Math.Min(_body.Length, ExcerptBytes)));

        // Redacted before it is cut, so that no piece of a secret is left at the cut.
        text = _redact(text);
        if (text.Length > ExcerptLength)
        {
            text = text.Substring(0, ExcerptLength) + "…";
        }

        return new Bitrix24ResponseFormatException(_method, _status, _contentType, text.Length == 0 ? "(empty)" : text, _redact(problem), inner);
    }
}
