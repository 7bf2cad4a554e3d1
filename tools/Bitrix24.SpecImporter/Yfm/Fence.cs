namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// An open code fence: the marker character (<c>`</c> or <c>~</c>), its length, the column it starts at and the
/// info string. Every reader that looks for the end of a construct tracks fences, because code may contain
/// <c>|#</c>, <c>{% endnote %}</c> or <c>||</c> that mean nothing there.
/// </summary>
internal sealed record Fence(char Marker, int Length, int Indent, string? Info)
{
    /// <summary>Reads an opening fence (three or more backticks or tildes at the start of the line), or null.</summary>
    public static Fence? TryOpen(string text)
    {
        var start = SkipWhitespace(text);
        var length = RunLength(text, start);
        if (length < 3)
        {
            return null;
        }

        var marker = text[start];
        var info = text[(start + length)..].Trim();

        // CommonMark: a backtick fence's info string has no backticks, which tells ```x``` (inline code
        // that happens to start a line) from a fence.
        if (marker == '`' && info.Contains('`', System.StringComparison.Ordinal))
        {
            return null;
        }

        return new Fence(marker, length, LineText.Indent(text), info.Length == 0 ? null : info);
    }

    /// <summary>
    /// If the line closes this fence, the index just after the closing marker (text after it, such as a table's
    /// <c>||</c>, is the caller's to read); otherwise -1.
    /// </summary>
    public int CloseEnd(string text)
    {
        var start = SkipWhitespace(text);
        if (start >= text.Length || text[start] != Marker)
        {
            return -1;
        }

        var length = RunLength(text, start);
        return length >= Length ? start + length : -1;
    }

    private static int SkipWhitespace(string text)
    {
        var index = 0;
        while (index < text.Length && (text[index] == ' ' || text[index] == '\t'))
        {
            index++;
        }

        return index;
    }

    private static int RunLength(string text, int start)
    {
        if (start >= text.Length || (text[start] != '`' && text[start] != '~'))
        {
            return 0;
        }

        var marker = text[start];
        var index = start;
        while (index < text.Length && text[index] == marker)
        {
            index++;
        }

        return index - start;
    }
}
