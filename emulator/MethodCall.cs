using System.Text.Json.Nodes;

namespace Bitrix24.Emulator;

/// <summary>One call a handler answers: who called which method with which parameters.</summary>
/// <param name="Method">The method name, lower case, without a <c>.json</c> suffix.</param>
/// <param name="UserId">The user of the webhook.</param>
/// <param name="Parameters">The parameters as a JSON object, whatever form they came in.</param>
public sealed record MethodCall(string Method, int UserId, JsonObject Parameters);

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

    /// <summary>The message for a missing required parameter, worded as the portal words it.</summary>
    public static Bitrix24EmulatorError MissingParameter(string method, string parameter) =>
        new(400, string.Empty, $"The required parameter \"{parameter}\" for the method \"{method}\" is not set");
}

/// <summary>Answers one method: returns the <c>result</c> value or throws <see cref="Bitrix24EmulatorError"/>.</summary>
/// <param name="call">The call.</param>
public delegate JsonNode? MethodHandler(MethodCall call);
