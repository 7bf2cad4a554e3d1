namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// One line of text after includes are expanded, with the page line it is reported at: its own line for the
/// page's lines, the include directive's line for lines that came from an included file.
/// </summary>
internal readonly record struct SourceLine(string Text, int Line);
