using System;
using Bitrix24.Generated.Specs.Diagnostics;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Generated.Specs.Reading;

/// <summary>
/// One spec file, read: its model when the file has no errors of its own, every problem found in it, and its
/// YAML tree, which places the problems that linking finds later (<see cref="SpecPath.Locate"/>).
/// </summary>
/// <param name="FilePath">The spec file.</param>
/// <param name="Method">For a method spec, its model, or null when the file has errors or is an event spec.</param>
/// <param name="Diagnostics">The file's own problems.</param>
/// <param name="Root">The YAML tree, or null when the file is not YAML.</param>
/// <param name="Event">For an event spec (<c>event:</c> instead of <c>method:</c>), its model, or null when the file has errors.</param>
public sealed record SpecDocument(string FilePath, MethodModel? Method, EquatableArray<SpecDiagnostic> Diagnostics, SpecNode? Root, EventModel? Event = null)
{
    /// <summary>Reads a spec file's text; null text means the file could not be read.</summary>
    public static SpecDocument Read(string filePath, string? text)
    {
        try
        {
            return SpecReader.Read(SpecParser.Parse(filePath, text));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Reading a spec must never throw: inside the compiler that would take the build down.
            return Failed(filePath, exception);
        }
    }

    /// <summary>A spec that could not be read at all for an unforeseen reason, reported at the start of its file.</summary>
    public static SpecDocument Failed(string filePath, Exception exception)
    {
        var failure = SpecDiagnostic.Create(SpecRules.UnexpectedFailure, SourceLocation.FileStart(filePath), exception.GetType().Name + ": " + exception.Message);
        return new SpecDocument(filePath, null, new[] { failure }.ToEquatableArray(), null);
    }

    /// <summary>Where a part of the spec stands, for a problem linking found.</summary>
    public SourceLocation Locate(SpecPath path) => Root is null ? SourceLocation.FileStart(FilePath) : path.Locate(Root);
}
