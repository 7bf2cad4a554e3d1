using System;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Rest3;

/// <summary>
/// Builds the REST 3.0 envelopes: every <c>result</c> is an object (<c>item</c> for one entity, <c>items</c> for a
/// list, <c>result</c> for anything else), and every error is <c>{"error": {"code", "message", "validation"?}}</c>
/// with a 4xx status.
/// </summary>
internal static class Rest3EnvelopeWriter
{
    public const string InvalidJson = "BITRIX_REST_V3_EXCEPTION_INVALIDJSONEXCEPTION";
    public const string RequestValidation = "BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION";

    /// <summary>
    /// The envelope of a call's outcome; the outer timing of a request is measured around the whole of it. A plain
    /// value stays plain when <paramref name="plainResult"/>: the method's spec says its result is that value.
    /// </summary>
    public static JsonObject Envelope(CallOutcome outcome, DateTimeOffset started, TimeSpan elapsed, bool plainResult = false)
    {
        if (outcome.Problem is { } problem)
        {
            return Error(RequestValidation, "Error validating request object", problem);
        }

        if (outcome.IsError)
        {
            return Error(outcome.ErrorCode!, outcome.ErrorDescription!);
        }

        return new JsonObject
        {
            ["result"] = outcome.Result is JsonValue && plainResult ? outcome.Result : Unified(outcome.Result),
            ["time"] = outcome.Time ?? EnvelopeWriter.Time(started, started + elapsed, elapsed.TotalSeconds, 0, started),
        };
    }

    /// <summary>An error envelope, with the parameter at fault when there is one.</summary>
    public static JsonObject Error(string code, string message, FieldProblem? problem = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (problem is not null)
        {
            error["validation"] = new JsonArray(new JsonObject { ["message"] = problem.Message, ["field"] = problem.Field });
        }

        return new JsonObject { ["error"] = error };
    }

    /// <summary>The status REST 3.0 answers an error with: the portal's, brought into 4xx, since it never answers a call's error otherwise.</summary>
    public static int ErrorStatus(CallOutcome outcome) => outcome.Problem is not null ? 400 : outcome.Status is >= 400 and < 500 ? outcome.Status : 400;

    // What a handler answers, as REST 3.0 wraps it: an answer already wrapped stays, an entity is the item, a list the
    // items, and a plain value (true, an id) the result.
    private static JsonObject Unified(JsonNode? result) => result switch
    {
        JsonObject wrapped when wrapped.Count == 1 && (wrapped.ContainsKey("item") || wrapped.ContainsKey("items") || wrapped.ContainsKey("result")) => wrapped,
        JsonObject entity => new JsonObject { ["item"] = entity },
        JsonArray list => new JsonObject { ["items"] = list },
        _ => new JsonObject { ["result"] = result },
    };
}
