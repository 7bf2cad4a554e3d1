using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>
/// Answer bodies as text a test can hold: printable ASCII as it is, every other byte as <c>«XX»</c> in hex, so that
/// bytes that are not UTF-8 survive into an <c>[InlineData]</c> (the marks are not ASCII, so never printed as they are).
/// </summary>
internal static class AnswerBytes
{
    public static string Print(byte[] body)
    {
        var text = new StringBuilder();
        foreach (var b in body)
        {
            if (b is >= 0x20 and < 0x7F)
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('«').Append(b.ToString("X2", CultureInfo.InvariantCulture)).Append('»');
            }
        }

        return text.ToString();
    }

    public static byte[] Parse(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '«')
            {
                bytes.Add(byte.Parse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 3;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return [.. bytes];
    }
}
