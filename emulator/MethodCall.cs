using System.Text.Json.Nodes;

namespace Bitrix24.Emulator;

/// <summary>One call a handler answers: who called which method with which parameters.</summary>
/// <param name="Method">The method name, lower case, without a <c>.json</c> suffix.</param>
/// <param name="UserId">The user of the webhook.</param>
/// <param name="Parameters">The parameters as a JSON object, whatever form they came in.</param>
public sealed record MethodCall(string Method, int UserId, JsonObject Parameters)
{
    /// <summary>
    /// Whether the call came with an application's OAuth token rather than through a webhook: some methods (the
    /// event methods) work only in an application's context.
    /// </summary>
    public bool ByApplication { get; init; }
}

/// <summary>A Bitrix24 error a handler answers with.</summary>
public sealed class Bitrix24EmulatorError : System.Exception
{
    /// <summary>Creates the error.</summary>
    public Bitrix24EmulatorError(int status, string code, string description)
        : base(description)
    {
        Status = status;
        Code = code;
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>The <c>error</c> code (may be empty, as calendar methods use it).</summary>
    public string Code { get; }

    /// <summary>For a parameter missing or of the wrong form, which one and what is wrong: REST 3.0 lists it under <c>validation</c>.</summary>
    internal FieldProblem? Problem { get; init; }

    /// <summary>The message for a missing required parameter, worded as the portal words it.</summary>
    public static Bitrix24EmulatorError MissingParameter(string method, string parameter) =>
        new(400, string.Empty, $"The required parameter \"{parameter}\" for the method \"{method}\" is not set");
}

/// <summary>A parameter the call got wrong, as REST 3.0 reports it in <c>error.validation[]</c>.</summary>
/// <param name="Field">The parameter's wire name.</param>
/// <param name="Message">What is wrong with it.</param>
internal sealed record FieldProblem(string Field, string Message);

/// <summary>Answers one method: returns the <c>result</c> (a JSON value converts implicitly) or throws <see cref="Bitrix24EmulatorError"/>.</summary>
/// <param name="call">The call.</param>
public delegate MethodResult MethodHandler(MethodCall call);

/// <summary>What a method answers: its <c>result</c> and, for list methods, <c>total</c> and <c>next</c>.</summary>
/// <param name="Result">The <c>result</c> value.</param>
/// <param name="Total">The size of the whole list, or null.</param>
/// <param name="Next">The <c>start</c> of the next page, or null on the last page.</param>
public sealed record MethodResult(JsonNode? Result, int? Total = null, int? Next = null)
{
    /// <summary>The page size of list methods.</summary>
    public const int PageSize = 50;

    /// <summary>A plain result.</summary>
    /// <param name="result">The <c>result</c> value.</param>
    public static implicit operator MethodResult(JsonNode? result) => new(result);

    /// <summary>
    /// One page of a list, as list methods answer: 50 items from the call's <c>start</c>, with <c>total</c> and
    /// <c>next</c>. <c>start=-1</c> is the fast mode: the first page, without counting the total.
    /// </summary>
    /// <param name="items">The whole list.</param>
    /// <param name="parameters">The call's parameters, for <c>start</c>.</param>
    public static MethodResult Page(System.Collections.Generic.IReadOnlyList<JsonNode?> items, JsonObject parameters)
    {
        System.ArgumentNullException.ThrowIfNull(items);
        System.ArgumentNullException.ThrowIfNull(parameters);
        var start = parameters["start"] is JsonValue value && int.TryParse(value.ToString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var fast = start < 0;
        start = System.Math.Clamp(start, 0, items.Count);
        var page = new JsonArray();
        for (var i = start; i < System.Math.Min(items.Count, start + PageSize); i++)
        {
            page.Add(items[i]?.DeepClone());
        }

        int? next = !fast && start + PageSize < items.Count ? start + PageSize : null;
        return new MethodResult(page, fast ? null : items.Count, next);
    }
}
