using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated.Batch;
using Bitrix24.Generated.Batch.Rest3;
using Bitrix24.Generated.Envelope;

namespace Bitrix24.Generated;

/// <summary>
/// REST 3.0 calls collected to be sent together in one request to <c>/rest/api/…/batch</c>, whose body is a JSON array
/// of <c>{"method", "query", "as"}</c>. Add calls through the client this batch hands you; a later call may take values
/// of an earlier call's result, which the portal puts in:
/// <code>
/// var batch = client.Rest3Batch();
/// var added = batch.Add(c =&gt; c.Note.Document.AddAsync(new NoteDocumentAddFields { CollectionId = 1, Title = "Plan" }), "doc");
/// var read = batch.Add(c =&gt; c.Note.Document.GetAsync(0), references: q =&gt; q.Set("id", added.Ref("item.id")));
/// await batch.ExecuteAsync();
/// var title = (await read).Value.Item;
/// </code>
/// The portal answers every call's result or, when one call fails, one error for the whole batch: every call's task
/// then fails with the same <see cref="Bitrix24Rest3BatchException"/>.
/// </summary>
/// <remarks>
/// REST 3.0's documentation gives no limit on the number of calls in one batch, so none is imposed here: all the calls
/// go in one request. (Bitrix24's JavaScript SDK refuses more than 50, the classic batch's limit; a portal may too.)
/// A batch with a call that is not idempotent carries one <c>Idempotency-Key</c> for all its attempts, as a single
/// REST 3.0 write does, and is retried like a read. Through OAuth the array goes as an object keyed by position with
/// the token beside the commands, <c>{"auth", "0", "1", …}</c>, since an array has no <c>auth</c> field.
/// </remarks>
/// <typeparam name="TClient">The generated client type.</typeparam>
public sealed class Bitrix24Rest3Batch<TClient>
{
    private static readonly JsonConverter<JsonElement> ElementType = new ElementConverter();
    private readonly Bitrix24Connection _connection;
    private readonly BatchCollector _collector = new(Bitrix24ApiVersion.Rest3);
    private readonly TClient _capturingClient;
    private readonly Rest3BatchState _state = new();
    private readonly List<Rest3BatchEntry> _entries = new();
    private bool _executed;

    /// <summary>Creates a batch; generated clients do this in their <c>Rest3Batch()</c> method.</summary>
    /// <param name="connection">The connection the batch request goes through.</param>
    /// <param name="createClient">Makes a client over a given connection.</param>
    public Bitrix24Rest3Batch(Bitrix24Connection connection, Func<Bitrix24Connection, TClient> createClient)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        ArgumentNullException.ThrowIfNull(createClient);
        _capturingClient = createClient(Bitrix24Connection.Capturing(_collector));
    }

    /// <summary>How many calls were added.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// Adds one REST 3.0 call, e.g. <c>batch.Add(c =&gt; c.Note.Document.GetAsync(7), "doc")</c>, optionally named
    /// and taking values from earlier calls' results: <c>references: q =&gt; q.Set("id", doc.Ref("item.parentId"))</c>.
    /// A reference replaces whatever the call itself set at that path, so a required parameter may be given any value.
    /// </summary>
    /// <typeparam name="T">What the call returns.</typeparam>
    /// <param name="call">Exactly one call of the client it is given, of a REST 3.0 method.</param>
    /// <param name="alias">The name the call goes by in the batch (<c>as</c>), for references by path; none is needed for <see cref="Bitrix24Rest3BatchCall.Ref"/>.</param>
    /// <param name="references">Puts references to earlier calls of this batch into the call's query.</param>
    /// <returns>The call: its result once the batch has run, and references to that result.</returns>
    /// <exception cref="NotSupportedException">The call is of a classic method; those go in <c>Batch()</c>.</exception>
    /// <exception cref="ArgumentException">
    /// The alias is used already or is not a name (empty, or with a dot or a space); a reference is to a call of another
    /// batch, or names no earlier call; a reference's place is not in an object of the query; the delegate makes no call
    /// or more than one.
    /// </exception>
    public Bitrix24Rest3BatchCall<T> Add<T>(Func<TClient, Task<T>> call, string? alias = null, Action<Bitrix24Rest3BatchQuery>? references = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (_executed)
        {
            throw new InvalidOperationException("The batch has run already; start a new one.");
        }

        var index = _entries.Count;
        CheckAlias(alias);
        Bitrix24Rest3BatchQuery? query = null;
        if (references is not null)
        {
            query = new Bitrix24Rest3BatchQuery();
            references(query);
            foreach (var (_, reference) in query.References)
            {
                CheckReference(reference, index);
            }
        }

        var before = _collector.Commands.Count;
        var task = call(_capturingClient);
        if (task.IsFaulted && _collector.Commands.Count == before)
        {
            // The call was refused before it could be collected (e.g. a classic method): say why.
            task.GetAwaiter().GetResult();
        }

        if (_collector.Commands.Count != before + 1)
        {
            _collector.Commands.RemoveRange(before, _collector.Commands.Count - before);
            throw new ArgumentException("A batch entry must make exactly one call of the client it is given.", nameof(call));
        }

        var command = _collector.Commands[before];
        Rest3BatchEntry entry;
        try
        {
            entry = new Rest3BatchEntry(command, query is null || query.References.Count == 0 ? null : Rest3BatchRequest.Apply(command.Body, query.References));
        }
        catch (ArgumentException)
        {
            _collector.Commands.RemoveAt(before);
            throw;
        }

        _entries.Add(entry);
        _state.Append(alias);
        return new Bitrix24Rest3BatchCall<T>(_state, index, command.Method.Name, task);
    }

    /// <summary>Sends the calls in one request and completes each call's task with its result, or all of them with the batch's error.</summary>
    /// <param name="cancellationToken">Cancels the batch; its calls fail with the cancellation.</param>
    /// <exception cref="Bitrix24Rest3BatchException">The portal answered the batch with an error; every call fails with it.</exception>
    /// <exception cref="Bitrix24Exception">The request itself failed (network, answer); every call fails with the same exception.</exception>
    public async Task ExecuteAsync(CancellationToken cancellationToken = default)
    {
        if (_executed)
        {
            throw new InvalidOperationException("The batch has run already; start a new one.");
        }

        _executed = true;
        if (_entries.Count == 0)
        {
            return;
        }

        var methods = _entries.Select(entry => entry.Command.Method.Name).ToArray();
        var batch = new Bitrix24Method("batch", idempotent: _entries.All(entry => entry.Command.Method.IsIdempotent), api: Bitrix24ApiVersion.Rest3);
        Bitrix24Response<JsonElement> response;
        try
        {
            response = await _connection.CallRawAsync(batch, Rest3BatchRequest.Write(_entries, _state), ElementType, cancellationToken).ConfigureAwait(false);
        }
        catch (Bitrix24ApiException error)
        {
            var failure = new Bitrix24Rest3BatchException(error, methods);
            FailAll(failure);
            throw failure;
        }
        catch (Exception exception)
        {
            FailAll(exception);
            throw;
        }

        var redact = _connection.Authentication.Redact;
        var results = response.Value;
        if (results.ValueKind != JsonValueKind.Array || results.GetArrayLength() != _entries.Count)
        {
            var failure = BatchPart.Unreadable(batch.Name, results, "$.result", redact, new JsonException(
                $"A batch of {_entries.Count.ToString(CultureInfo.InvariantCulture)} calls expects an array of as many results."));
            FailAll(failure);
            throw failure;
        }

        var i = 0;
        foreach (var result in results.EnumerateArray())
        {
            var command = _entries[i].Command;
            try
            {
                // A REST 3.0 batch has one time block for the whole request: every call gets it.
                command.Complete(result, "$.result[" + i.ToString(CultureInfo.InvariantCulture) + "]", redact, response.Time, null, null, response.Replayed);
            }
            catch (Bitrix24ResponseFormatException exception)
            {
                // This call's result could not be read; the other calls keep theirs.
                command.Fail(exception);
            }

            i++;
        }
    }

    private void FailAll(Exception exception)
    {
        foreach (var entry in _entries)
        {
            entry.Command.Fail(exception);
        }
    }

    private void CheckAlias(string? alias)
    {
        if (alias is null)
        {
            return;
        }

        if (alias.Length == 0 || alias.Any(c => c == '.' || char.IsWhiteSpace(c)))
        {
            throw new ArgumentException($"'{alias}' cannot be an alias: it must be a non-empty name without dots or spaces.", nameof(alias));
        }

        if (_state.IsTaken(alias))
        {
            throw new ArgumentException($"The alias '{alias}' is used by an earlier call of this batch; each call needs its own.", nameof(alias));
        }
    }

    private void CheckReference(Bitrix24Rest3Reference reference, int index)
    {
        if (reference.Batch is not null)
        {
            if (!ReferenceEquals(reference.Batch, _state))
            {
                throw new ArgumentException($"The reference {reference} is to a call of another batch; a batch refers only to its own calls.", "references");
            }

            if (reference.Index >= index)
            {
                throw new ArgumentException($"The reference {reference} is to a call that is not before this one; a call refers only to earlier calls.", "references");
            }

            return;
        }

        if (!_state.IsTaken(reference.Alias))
        {
            throw new ArgumentException($"The reference {reference} names no earlier call of this batch: no call before this one goes by '{reference.Alias}'.", "references");
        }
    }

    // The batch's answer is read as a JSON tree first: each call's result has its own type.
    private sealed class ElementConverter : JsonConverter<JsonElement>
    {
        public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => JsonElement.ParseValue(ref reader);

        public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => value.WriteTo(writer);
    }
}
