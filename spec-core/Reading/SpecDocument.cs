using Bitrix24.Generated.Specs.Diagnostics;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Generated.Specs.Reading;

/// <summary>
/// One spec file, read: its model when the file has no errors of its own, every problem found in it, and its
/// YAML tree, which places the problems that linking finds later (<see cref="SpecPath.Locate"/>).
/// </summary>
/// <param name="FilePath">The spec file.</param>
/// <param name="Method">The model, or null when the file has errors.</param>
/// <param name="Diagnostics">The file's own problems.</param>
/// <param name="Root">The YAML tree, or null when the file is not YAML.</param>
public sealed record SpecDocument(string FilePath, MethodModel? Method, EquatableArray<SpecDiagnostic> Diagnostics, SpecNode? Root)
{
    /// <summary>Reads a spec file's text; null text means the file could not be read.</summary>
    public static SpecDocument Read(string filePath, string? text) => SpecReader.Read(SpecParser.Parse(filePath, text));

    /// <summary>Where a part of the spec stands, for a problem linking found.</summary>
    public SourceLocation Locate(SpecPath path) => Root is null ? SourceLocation.FileStart(FilePath) : path.Locate(Root);
}
