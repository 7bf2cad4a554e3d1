using System;

namespace Bitrix24.SpecImporter.OpenApi;

/// <summary>
/// A document that cannot be imported: not JSON, no <c>paths</c>, a <c>$ref</c> that leads nowhere or in a circle.
/// <see cref="JsonPath"/> says where (<c>$.paths['/tasks.task.get'].post</c>), so the message alone finds the spot.
/// </summary>
internal sealed class OpenApiException(string jsonPath, string message) : Exception(message)
{
    /// <summary>Where in the document the problem is, as a JSON path.</summary>
    public string JsonPath { get; } = jsonPath;
}

/// <summary>Something the document states that a spec cannot hold, and where it states it.</summary>
/// <param name="JsonPath">Where in the document, as a JSON path.</param>
/// <param name="Message">What is not kept, and why.</param>
internal sealed record OpenApiWarning(string JsonPath, string Message)
{
    public override string ToString() => JsonPath + ": " + Message;
}
