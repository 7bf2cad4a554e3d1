using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>A method mapped from its page.</summary>
/// <param name="Method">The spec.</param>
/// <param name="RecasedKeys">How many top-level keys of the documented requests took the parameter table's case.</param>
/// <param name="Evidence">What the documented examples show about the spec's types, for <see cref="TypeRefiner"/>.</param>
/// <param name="AddedParameters">How many parameters only the documented request shows (<see cref="ExampleParameters"/>).</param>
/// <param name="ResultFromAnswer">Whether the result takes the documented answer's shape over the table's (<see cref="ResultShape"/>).</param>
/// <param name="FilterFields">The fields a REST 3.0 page says its <c>filter</c> parameter may name (<see cref="Rest3Query"/>).</param>
/// <param name="DroppedExamples">How many documented requests and answers cannot be a call and were left out (<see cref="ExampleChecks"/>).</param>
internal sealed record ImportedSpec(
    MethodModel Method,
    int RecasedKeys = 0,
    ShapeEvidence? Evidence = null,
    int AddedParameters = 0,
    bool ResultFromAnswer = false,
    int DroppedExamples = 0,
    System.Collections.Immutable.ImmutableArray<string> FilterFields = default)
{
    /// <summary>Whether a REST 3.0 page's <c>select</c> links the page of fields its item is described in (<see cref="Rest3Query"/>).</summary>
    public bool SelectOverItemPage { get; init; }

    /// <summary>Whether a REST 3.0 page's <c>pagination</c> parameter takes a page number (<see cref="Rest3Query"/>).</summary>
    public bool PaginationByPage { get; init; }
}
