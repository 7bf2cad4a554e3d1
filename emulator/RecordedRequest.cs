namespace Bitrix24.Emulator;

/// <summary>A request the emulator received, kept for test assertions. It holds no secret.</summary>
/// <param name="HttpMethod">GET or POST.</param>
/// <param name="Method">The REST method called.</param>
/// <param name="UserId">The user id from the webhook path.</param>
/// <param name="ContentType">The request's content type, if any.</param>
/// <param name="Body">The request body as text (for GET, the query string).</param>
/// <param name="Authorized">Whether the webhook secret was right.</param>
public sealed record RecordedRequest(string HttpMethod, string Method, int UserId, string? ContentType, string Body, bool Authorized)
{
    /// <summary>When the emulator read the request, by its clock: for measuring the pace calls arrive at.</summary>
    public System.DateTimeOffset Received { get; init; }
}
