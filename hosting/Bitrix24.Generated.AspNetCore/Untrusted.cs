namespace Bitrix24.Generated.AspNetCore;

/// <summary>Text from a post on its way into an answer or a log.</summary>
internal static class Untrusted
{
    /// <summary>Cut short and stripped of control characters, so that it can neither flood a log nor forge its lines.</summary>
    public static string Printable(string value)
    {
        var cut = value.Length > 100 ? value[..100] + "…" : value;
        return string.Create(cut.Length, cut, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsControl(text[i]) ? '?' : text[i];
            }
        });
    }
}
