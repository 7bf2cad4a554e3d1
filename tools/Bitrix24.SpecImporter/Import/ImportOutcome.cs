using System.Collections.Generic;
using Bitrix24.Generated.Specs.Diagnostics;

namespace Bitrix24.SpecImporter.Import;

/// <summary>What became of one documentation page.</summary>
/// <param name="Page">The page, relative to the docs folder.</param>
/// <param name="Scope">The folder under <c>api-reference/</c> the page is in.</param>
/// <param name="Method">The method it documents, or null for a page that documents none.</param>
/// <param name="File">The spec written, relative to the specs folder, or null when the page was left out.</param>
/// <param name="Reason">Why the page was left out, or null.</param>
/// <param name="RequestExample">Whether a documented request was taken over as an example.</param>
/// <param name="ResponseExample">Whether a documented answer was taken over as an example.</param>
/// <param name="RecasedKeys">How many top-level request keys took the parameter table's case.</param>
/// <param name="Corrections">The corrections applied to the method's spec, in order.</param>
/// <param name="AddedParameters">How many parameters only the documented request shows.</param>
/// <param name="ResultFromAnswer">Whether the result takes the documented answer's shape over the table's.</param>
/// <param name="DroppedExamples">How many documented requests and answers cannot be a call and were left out.</param>
/// <param name="Rest3">Whether the page marks the method as one of REST 3.0 (<c>api: v3</c>).</param>
internal sealed record ImportOutcome(
    string Page,
    string Scope,
    string? Method,
    string? File,
    string? Reason,
    bool RequestExample = false,
    bool ResponseExample = false,
    int RecasedKeys = 0,
    IReadOnlyList<CorrectionNote>? Corrections = null,
    int AddedParameters = 0,
    bool ResultFromAnswer = false,
    int DroppedExamples = 0,
    bool Rest3 = false)
{
    /// <summary>What the spec's REST 3.0 result object holds (<c>item</c>, <c>items</c> or <c>result</c>), or null.</summary>
    public string? NestedResult { get; init; }

    /// <summary>How many of the spec's parameters are typed filters over its item type.</summary>
    public int TypedFilters { get; init; }

    /// <summary>How many of the spec's parameters are typed selects over its item type.</summary>
    public int TypedSelects { get; init; }

    /// <summary>Whether the spec pages by REST 3.0 pagination (<c>paging: page</c>).</summary>
    public bool PagePaging { get; init; }

    /// <summary>Whether a REST 3.0 page's filter names no field it may filter by, so the filter stays untyped.</summary>
    public bool FilterWithoutFields { get; init; }

    /// <summary>Whether a REST 3.0 result holds an item or items the page does not describe (raw JSON).</summary>
    public bool UndescribedItems { get; init; }

    /// <summary>Whether a REST 3.0 item the page does not describe was declared from the method's <c>select</c>.</summary>
    public bool ItemFromSelect { get; init; }

    /// <summary>Whether the spec is the REST 3.0 twin of a classic method (<c>method.v3.yaml</c>).</summary>
    public bool Twin { get; init; }

    /// <summary>Whether the page documents a method (imported or not).</summary>
    public bool IsMethod => Method is not null;

    /// <summary>How many corrections changed the method's spec.</summary>
    public int Corrected => Corrections?.Count ?? 0;
}

/// <summary>
/// A correction applied, for the report: the scope of its file, the method, the change in words, and why; and where
/// it stands, for an error when the corrected spec does not pass the analyzer's check.
/// </summary>
internal sealed record CorrectionNote(string Scope, string Method, string Change, string Reason, SourceLocation Location);
