using System.Collections;
using System.Collections.Generic;
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

/// <summary>The warnings of an import in the order found, each once however many methods share its schema.</summary>
internal sealed class OpenApiWarnings : IReadOnlyList<OpenApiWarning>
{
    private readonly List<OpenApiWarning> _list = [];
    private readonly HashSet<OpenApiWarning> _seen = [];

    public int Count => _list.Count;

    public OpenApiWarning this[int index] => _list[index];

    /// <summary>Adds a warning at a JSON path, unless it is there already.</summary>
    public void Add(string jsonPath, string message)
    {
        var warning = new OpenApiWarning(jsonPath, message);
        if (_seen.Add(warning))
        {
            _list.Add(warning);
        }
    }

    public IEnumerator<OpenApiWarning> GetEnumerator() => _list.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
