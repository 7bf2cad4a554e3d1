namespace Bitrix24.SpecImporter.Yfm;

/// <summary>Splits file text into lines, accepting <c>\n</c>, <c>\r\n</c> and a leading byte-order mark.</summary>
internal static class SourceText
{
    /// <summary>The lines of the text, without line terminators.</summary>
    public static string[] Lines(string text)
    {
        var body = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        return body.Replace("\r\n", "\n", System.StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
    }
}
