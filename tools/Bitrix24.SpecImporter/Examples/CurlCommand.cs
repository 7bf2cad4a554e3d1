using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Bitrix24.SpecImporter.Examples;

/// <summary>
/// Finds the body and the URL of the first <c>curl</c> command in a shell example. The body is what follows
/// <c>-d</c>, <c>--data</c>, <c>--data-raw</c>, <c>--data-binary</c> or <c>--data-ascii</c>.
/// </summary>
internal static partial class CurlCommand
{
    private static readonly HashSet<string> DataOptions = new(StringComparer.Ordinal)
    {
        "-d", "--data", "--data-raw", "--data-binary", "--data-ascii",
    };

    /// <summary>Options that take the next word as their argument, which must not be mistaken for the URL.</summary>
    private static readonly HashSet<string> OptionsWithArgument = new(StringComparer.Ordinal)
    {
        "-H", "--header", "-X", "--request", "-u", "--user", "-o", "--output", "-A", "--user-agent", "-e",
        "--referer", "-F", "--form", "-b", "--cookie", "-c", "--cookie-jar", "-m", "--max-time",
        "--connect-timeout", "-T", "--upload-file", "--data-urlencode",
    };

    /// <summary>The body (as the shell would pass it) and URL of the first curl command; each null when absent.</summary>
    public static (string? Data, string? Url) Parse(IReadOnlyList<string> words)
    {
        // A few examples lost the word "curl" and start at its options; they are read from the first word.
        var start = FindCurl(words);
        string? data = null;
        string? url = null;
        for (var index = start + 1; index < words.Count && words[index] != ShellWords.Separator; index++)
        {
            var word = words[index];
            if (DataOptions.Contains(word) && index + 1 < words.Count)
            {
                data ??= words[++index];
            }
            else if (DataWithValue().Match(word) is { Success: true } inline)
            {
                data ??= inline.Groups["value"].Value;
            }
            else if (word == "--url" && index + 1 < words.Count)
            {
                url ??= words[++index];
            }
            else if (OptionsWithArgument.Contains(word))
            {
                index++;
            }
            else if (url is null && word.Contains("://", StringComparison.Ordinal))
            {
                url = word;
            }
        }

        return (data, url);
    }

    /// <summary>The REST method an URL calls: its last path segment without <c>.json</c>, or null.</summary>
    public static string? MethodOf(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var path = url;
        var cut = path.IndexOfAny(['?', '#']);
        path = (cut >= 0 ? path[..cut] : path).TrimEnd('/');
        var method = path[(path.LastIndexOf('/') + 1)..];
        if (method.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            method = method[..^".json".Length];
        }

        return MethodPattern().IsMatch(method) ? method : null;
    }

    private static int FindCurl(IReadOnlyList<string> words)
    {
        for (var index = 0; index < words.Count; index++)
        {
            if (words[index] == "curl")
            {
                return index;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^(?:-d(?!-)|--data(?:-raw|-binary|-ascii)?=)(?<value>.+)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex DataWithValue();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex MethodPattern();
}
