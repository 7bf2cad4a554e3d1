namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// A few pages start with a YAML front matter block (<c>---</c> … <c>---</c>) of site metadata; it is not
/// content, so the reader skips it.
/// </summary>
internal static class FrontMatter
{
    /// <summary>How many leading lines the front matter takes, or 0 when there is none.</summary>
    public static int Length(string[] lines)
    {
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return 0;
        }

        for (var index = 1; index < lines.Length; index++)
        {
            if (lines[index].TrimEnd() is "---" or "...")
            {
                return index + 1;
            }
        }

        // No end marker: a thematic break rather than front matter.
        return 0;
    }
}
