using System.Collections.Immutable;

namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// A documentation page after its includes are expanded: its blocks in reading order. Positions are 1-based lines
/// of the page itself (a block from an included file carries the line of the include), so a report can point at
/// the page.
/// </summary>
/// <param name="Path">The page's path as given to the reader.</param>
/// <param name="Blocks">The top-level blocks.</param>
/// <param name="Problems">What the reader could not resolve (a missing include, an unclosed table), each with its line.</param>
public sealed record YfmPage(string Path, ImmutableArray<YfmBlock> Blocks, ImmutableArray<YfmProblem> Problems);

/// <summary>Something on a page the reader skipped, and where.</summary>
public sealed record YfmProblem(int Line, string Message);

/// <summary>One block of a page.</summary>
public abstract record YfmBlock(int Line);

/// <summary>A <c>#</c> heading; <see cref="Anchor"/> is the <c>{#id}</c> after it, if any, and not part of the text.</summary>
public sealed record YfmHeading(int Line, int Level, string Text, string? Anchor) : YfmBlock(Line);

/// <summary>
/// Consecutive lines of prose: a paragraph, a list, a line like <c>HTTP Status: **200**</c>. The text is the
/// Markdown as written, lines joined with <c>\n</c>, indentation of list items kept.
/// </summary>
public sealed record YfmText(int Line, string Text) : YfmBlock(Line);

/// <summary>A <c>&gt;</c> block quote, its lines without the markers, joined with <c>\n</c>.</summary>
public sealed record YfmQuote(int Line, string Text) : YfmBlock(Line);

/// <summary>A fenced code block: its info string (<c>json</c>, <c>bash</c>, or null) and its text, dedented.</summary>
public sealed record YfmCode(int Line, string? Language, string Text) : YfmBlock(Line);

/// <summary>A YFM table (<c>#| || a | b || |#</c>): its rows of cells, the header row first.</summary>
public sealed record YfmTable(int Line, ImmutableArray<YfmRow> Rows) : YfmBlock(Line);

/// <summary>One table row.</summary>
public sealed record YfmRow(int Line, ImmutableArray<YfmCell> Cells);

/// <summary>
/// One cell: its Markdown (trimmed, lines joined with <c>\n</c>) and the same read as blocks, so a cell holding
/// a list, a code block or a nested table is read like a page.
/// </summary>
public sealed record YfmCell(string Text, ImmutableArray<YfmBlock> Blocks);

/// <summary><c>{% list tabs %}</c>: one tab per <c>- Title</c> item.</summary>
public sealed record YfmTabs(int Line, ImmutableArray<YfmTab> Tabs) : YfmBlock(Line);

/// <summary>One tab: its title (<c>cURL (Webhook)</c>, <c>JS</c>) and its blocks.</summary>
public sealed record YfmTab(string Title, ImmutableArray<YfmBlock> Blocks);

/// <summary>
/// <c>{% note kind "title" %}</c> … <c>{% endnote %}</c>, or <c>{% cut "title" %}</c> … <c>{% endcut %}</c>
/// (kind <c>cut</c>): the kind, the title if any, and the blocks inside.
/// </summary>
public sealed record YfmNote(int Line, string Kind, string? Title, ImmutableArray<YfmBlock> Blocks) : YfmBlock(Line);
