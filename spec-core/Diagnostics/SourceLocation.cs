namespace Bitrix24.Generated.Specs.Diagnostics;

/// <summary>
/// A place inside a spec file, as plain values. Lines and columns are zero-based, as Roslyn counts them;
/// <see cref="Start"/> and <see cref="Length"/> are character offsets.
/// </summary>
public sealed record SourceLocation(
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn)
{
    /// <summary>The start of a file, for problems that have no better place.</summary>
    public static SourceLocation FileStart(string filePath) => new(filePath, 0, 0, 0, 0, 0, 0);

    /// <summary><c>path(line,column)</c>, one-based, as compilers print it.</summary>
    public override string ToString() => FilePath + "(" + (StartLine + 1) + "," + (StartColumn + 1) + ")";
}
