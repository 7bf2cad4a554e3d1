using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Bitrix24.Emulator.Dispatch;
using Bitrix24.Emulator.Requests;
using Bitrix24.Generated.Specs.Model;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Emulator.Rest3.Batch;

/// <summary>
/// <c>batch</c> at the REST 3.0 address: a JSON array of <c>{"method", "query", "as"}</c> run in order, each command
/// as a single REST 3.0 call runs, with <c>$ref</c> and <c>$refArray</c> resolved against the results so far. All or
/// nothing in the answer: <c>{"result": [each command's result]}</c>, or the first failing command's error for the
/// whole batch. An application's batch comes as an object keyed by position with its token beside the commands,
/// <c>{"auth", "0", "1", …}</c>, since an array has no field for the token.
/// </summary>
internal sealed class Rest3BatchEndpoint
{
    private readonly RequestReader _reader;
    private readonly Rest3Admission _admission;
    private readonly MethodDispatcher _dispatcher;
    private readonly Rest3Answers _answers;
    private readonly TimeProvider _time;

    public Rest3BatchEndpoint(RequestReader reader, Rest3Admission admission, MethodDispatcher dispatcher, Rest3Answers answers, TimeProvider time)
    {
        _reader = reader;
        _admission = admission;
        _dispatcher = dispatcher;
        _answers = answers;
        _time = time;
    }

    /// <summary>Answers a batch whose body is read already; the REST 3.0 endpoint has dealt with a moved portal.</summary>
    public async Task HandleAsync(HttpContext context, string method, string body, DateTimeOffset started)
    {
        JsonNode? root = null;
        var readable = !context.Request.HasFormContentType && !HttpMethods.IsGet(context.Request.Method);
        if (readable)
        {
            try
            {
                root = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
            }
            catch (JsonException)
            {
                readable = false;
            }
        }

        // The caller: a webhook by its path, an application by the body's auth, which only the keyed form can carry.
        var credentials = root is JsonObject { } keyed ? (JsonObject)keyed.DeepClone() : new JsonObject();

        var request = _reader.Record(context.Request, method, readable ? body : string.Empty, credentials);
        if (!await _admission.AdmitAsync(context, method, readable ? request.Caller : null, "The request body is not JSON").ConfigureAwait(false))
        {
            return;
        }

        var (commands, code, message) = Rest3BatchCommand.Read(root);
        if (commands is null)
        {
            await Rest3Answers.WriteErrorAsync(context, 400, code!, message!).ConfigureAwait(false);
            return;
        }

        StoredAnswer Run() => Answer(commands, request.Caller, started);
        var hasWrite = commands.Any(command => _dispatcher.Spec(command.Method, rest3: true) is { } spec && Rest3Methods.IsWrite(spec));
        if (Rest3Answers.HasKey(context) && hasWrite)
        {
            // As for a single write, with batch as the method.
            await _answers.WriteOnceAsync(context, request.Caller, method, Fingerprint(root!), Run).ConfigureAwait(false);
            return;
        }

        await Rest3Answers.WriteAsync(context, Run()).ConfigureAwait(false);
    }

    // Each command in order; the first that fails (or whose reference cannot be resolved) answers for the batch.
    private StoredAnswer Answer(List<Rest3BatchCommand> commands, Caller caller, DateTimeOffset started)
    {
        var byAlias = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var results = new JsonArray();
        foreach (var command in commands)
        {
            JsonObject query;
            try
            {
                // A reference standing for the whole query must give an object too.
                query = Rest3References.Resolve(command.Query, byAlias) as JsonObject
                    ?? throw new UnresolvedReferenceException("the query is a reference to something that is not an object");
            }
            catch (UnresolvedReferenceException unresolved)
            {
                return Error(400, Rest3BatchErrors.InvalidSelect, $"Batch command '{command.Method}': {unresolved.Message}");
            }

            var commandStarted = _time.GetUtcNow();
            var outcome = _dispatcher.Execute(command.Method, caller, query, rest3: true);
            var envelope = Rest3EnvelopeWriter.Envelope(outcome, commandStarted, _time.GetUtcNow() - commandStarted, Rest3Answers.IsPlain(_dispatcher.Spec(command.Method, rest3: true)));
            if (outcome.IsError || outcome.Problem is not null)
            {
                return new StoredAnswer(Rest3EnvelopeWriter.ErrorStatus(outcome), EnvelopeWriter.ToWire(envelope));
            }

            var result = envelope["result"]?.DeepClone();
            results.Add(result);
            if (command.Alias is { } alias)
            {
                byAlias[alias] = result?.DeepClone();
            }
        }

        var finished = _time.GetUtcNow();
        var answer = new JsonObject
        {
            ["result"] = results,
            ["time"] = EnvelopeWriter.Time(started, finished, (finished - started).TotalSeconds, 0, started),
        };
        return new StoredAnswer(200, EnvelopeWriter.ToWire(answer));
    }

    // The commands as sent, without the token: a replay after a renewal carries another one.
    private static string Fingerprint(JsonNode root)
    {
        if (root is not JsonObject keyed)
        {
            return root.ToJsonString();
        }

        var commands = (JsonObject)keyed.DeepClone();
        commands.Remove("auth");
        return commands.ToJsonString();
    }


    private static StoredAnswer Error(int status, string code, string message) =>
        new(status, EnvelopeWriter.ToWire(Rest3EnvelopeWriter.Error(code, message)));
}
