using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bitrix24.Generated.Generator.Model;

/// <summary>
/// A place inside a spec file, kept as plain values (never a Roslyn <see cref="Location"/>) so models
/// stay equatable. Lines and columns are zero-based, as in <see cref="LinePosition"/>.
/// </summary>
internal sealed record SourceLocation(
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn)
{
    public static SourceLocation FileStart(string filePath) => new(filePath, 0, 0, 0, 0, 0, 0);

    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}
