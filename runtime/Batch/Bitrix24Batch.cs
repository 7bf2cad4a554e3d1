using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated.Batch;
using Bitrix24.Generated.Envelope;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated;

/// <summary>
/// Calls collected to be sent together through the <c>batch</c> method: 50 to a request, more in further
/// requests. Add calls through the client this batch hands you; each returns a task that completes with that
/// call's own result, timing or typed error when <see cref="ExecuteAsync"/> has run.
/// </summary>
/// <typeparam name="TClient">The generated client type.</typeparam>
public sealed class Bitrix24Batch<TClient>
{
    /// <summary>The most commands one batch request may carry.</summary>
    public const int MaxCommandsPerRequest = 50;

    private static readonly JsonConverter<JsonElement> ElementType = new ElementConverter();
    private readonly Bitrix24Connection _connection;
    private readonly BatchCollector _collector = new();
    private readonly TClient _capturingClient;
    private readonly bool _haltOnError;
    private bool _executed;

    /// <summary>Creates a batch; generated clients do this in their <c>Batch()</c> method.</summary>
    /// <param name="connection">The connection the batch requests go through.</param>
    /// <param name="createClient">Makes a client over a given connection.</param>
    /// <param name="haltOnError">Whether the portal stops at the first failing command; the later ones then fail as not run.</param>
    public Bitrix24Batch(Bitrix24Connection connection, Func<Bitrix24Connection, TClient> createClient, bool haltOnError = false)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        ArgumentNullException.ThrowIfNull(createClient);
        _haltOnError = haltOnError;
        _capturingClient = createClient(Bitrix24Connection.Capturing(_collector));
    }

    /// <summary>How many calls were added.</summary>
    public int Count => _collector.Commands.Count;

    /// <summary>Adds one call, e.g. <c>batch.Add(c =&gt; c.Calendar.Settings.GetAsync())</c>.</summary>
    /// <typeparam name="T">What the call returns.</typeparam>
    /// <param name="call">Exactly one call of the client it is given.</param>
    /// <returns>The call's result, once the batch has run.</returns>
    public Task<T> Add<T>(Func<TClient, Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (_executed)
        {
            throw new InvalidOperationException("The batch has run already; start a new one.");
        }

        var before = _collector.Commands.Count;
        var task = call(_capturingClient);
        if (task.IsFaulted && _collector.Commands.Count == before)
        {
            // The call was refused before it could be collected (e.g. a REST 3.0 method): say why.
            task.GetAwaiter().GetResult();
        }

        if (_collector.Commands.Count != before + 1)
        {
            throw new ArgumentException("A batch entry must make exactly one call of the client it is given.", nameof(call));
        }

        return task;
    }

    /// <summary>Sends the calls, 50 to a request, and completes each call's task.</summary>
    /// <param name="cancellationToken">Cancels the batch; calls not yet answered are cancelled too.</param>
    /// <exception cref="Bitrix24Exception">A batch request itself failed; every call of it fails with the same exception.</exception>
    public async Task ExecuteAsync(CancellationToken cancellationToken = default)
    {
        if (_executed)
        {
            throw new InvalidOperationException("The batch has run already; start a new one.");
        }

        _executed = true;
        var commands = _collector.Commands;
        for (var start = 0; start < commands.Count; start += MaxCommandsPerRequest)
        {
            var chunk = commands.Skip(start).Take(MaxCommandsPerRequest).ToList();
            bool failed;
            try
            {
                failed = await ExecuteChunkAsync(chunk, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                foreach (var command in commands.Skip(start))
                {
                    command.Fail(exception);
                }

                throw;
            }

            if (failed && _haltOnError)
            {
                foreach (var command in commands.Skip(start + chunk.Count))
                {
                    command.Fail(NotRun(command));
                }

                return;
            }
        }
    }

    /// <summary>Runs one request of up to 50 commands; returns whether any of them failed.</summary>
    private async Task<bool> ExecuteChunkAsync(List<BatchCommand> chunk, CancellationToken cancellationToken)
    {
        var method = new Bitrix24Method("batch", idempotent: chunk.All(c => c.Method.IsIdempotent));
        var response = await _connection.CallRawAsync(method, BuildRequest(chunk), ElementType, cancellationToken).ConfigureAwait(false);
        var answer = response.Value;
        var redact = _connection.Authentication.Redact;
        Dictionary<string, JsonElement> results, errors, times, totals, nexts;
        try
        {
            results = Section(answer, "result");
            errors = Section(answer, "result_error");
            times = Section(answer, "result_time");
            totals = Section(answer, "result_total");
            nexts = Section(answer, "result_next");
        }
        catch (Exception exception) when (AnswerSource.IsReadFailure(exception))
        {
            throw BatchPart.Unreadable(method.Name, answer, "$.result", redact, exception);
        }

        var failed = false;
        for (var i = 0; i < chunk.Count; i++)
        {
            var key = Key(i);
            var command = chunk[i];
            var name = command.Method.Name;
            try
            {
                if (errors.TryGetValue(key, out var error))
                {
                    failed = true;
                    command.Fail(BatchPart.Read(name, error, "$.result.result_error." + key, redact, (ref Utf8JsonReader reader) => ToException(command.Method, ref reader, redact)));
                }
                else if (results.TryGetValue(key, out var result))
                {
                    var time = times.TryGetValue(key, out var timePart)
                        ? BatchPart.Read(name, timePart, "$.result.result_time." + key, redact, EnvelopeReader.ReadTime)
                        : null;
                    command.Complete(result, "$.result.result." + key, redact, time, Number(totals, key), Number(nexts, key));
                }
                else
                {
                    failed = true;
                    command.Fail(NotRun(command));
                }
            }
            catch (Bitrix24ResponseFormatException exception)
            {
                // This command's part of the answer could not be read; the other commands keep theirs.
                command.Fail(exception);
            }
        }

        return failed;
    }

    private byte[] BuildRequest(List<BatchCommand> chunk)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("halt", _haltOnError ? 1 : 0);
            writer.WriteStartObject("cmd");
            for (var i = 0; i < chunk.Count; i++)
            {
                var query = QueryStringWriter.Write(chunk[i].Body);
                writer.WriteString(Key(i), query.Length == 0 ? chunk[i].Method.Name : chunk[i].Method.Name + "?" + query);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static string Key(int index) => "cmd" + index.ToString(CultureInfo.InvariantCulture);

    // PHP writes an empty collection as [] and a full one as an object keyed by command.
    private static Dictionary<string, JsonElement> Section(JsonElement answer, string name)
    {
        var section = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                section[property.Name] = property.Value.Clone();
            }
        }

        return section;
    }

    private static int? Number(Dictionary<string, JsonElement> section, string key) =>
        section.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    // {"error": "...", "error_description": "..."}, or the description alone as a string.
    private static Bitrix24ApiException ToException(Bitrix24Method method, ref Utf8JsonReader reader, Func<string, string> redact)
    {
        string? code = null, description = null;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCode = reader.ValueTextEquals("error"u8);
                var isDescription = !isCode && reader.ValueTextEquals("error_description"u8);
                reader.Read();
                if (isCode || isDescription)
                {
                    var text = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? JsonElement.ParseValue(ref reader).GetRawText() : Bitrix24Wire.ReadString(ref reader);
                    code = isCode ? text : code;
                    description = isDescription ? text : description;
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        else
        {
            description = reader.TokenType is JsonTokenType.StartArray ? JsonElement.ParseValue(ref reader).GetRawText() : Bitrix24Wire.ReadString(ref reader);
        }

        // As in a whole answer's error, the texts are the portal's and are shown: redacted.
        code = redact(code ?? string.Empty);
        description = redact(description ?? string.Empty);

        // Inside a batch a command has no HTTP status of its own; use the one its code is documented with.
        var status = (HttpStatusCode)(Bitrix24ErrorCodes.DefaultHttpStatus(Bitrix24ErrorCodes.Parse(code)) ?? 400);
        return method.Errors?.CreateException(method.Name, status, code, description)
            ?? new Bitrix24ApiException(method.Name, status, code, description);
    }

    private static Bitrix24BatchCommandNotRunException NotRun(BatchCommand command) => new(command.Method.Name);

    // The batch's answer is read as a JSON tree first: each command's part has its own type.
    private sealed class ElementConverter : JsonConverter<JsonElement>
    {
        public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => JsonElement.ParseValue(ref reader);

        public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => value.WriteTo(writer);
    }
}
