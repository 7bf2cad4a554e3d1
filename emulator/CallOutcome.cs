using System;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator;

/// <summary>How one call ended: a result with its timing, or a Bitrix24 error.</summary>
internal sealed record CallOutcome(int Status, JsonNode? Result, JsonObject? Time, string? ErrorCode, string? ErrorDescription, int? Total = null, int? Next = null, FieldProblem? Problem = null)
{
    public bool IsError => ErrorCode is not null;

    public static CallOutcome Success(JsonNode? result, JsonObject? time, int? total = null, int? next = null) => new(200, result, time, null, null, total, next);

    public static CallOutcome Failure(int status, string code, string description, FieldProblem? problem = null) => new(status, null, null, code, description, Problem: problem);

    /// <summary>The response envelope; the outer timing of a request is measured around the whole of it.</summary>
    public JsonObject ToEnvelope(DateTimeOffset started, TimeSpan elapsed)
    {
        if (IsError)
        {
            return EnvelopeWriter.Error(ErrorCode!, ErrorDescription!);
        }

        var envelope = new JsonObject { ["result"] = Result };
        if (Next is { } next)
        {
            envelope["next"] = next;
        }

        if (Total is { } total)
        {
            envelope["total"] = total;
        }

        envelope["time"] = Time ?? EnvelopeWriter.Time(started, started + elapsed, elapsed.TotalSeconds, 0, started);
        return envelope;
    }
}
