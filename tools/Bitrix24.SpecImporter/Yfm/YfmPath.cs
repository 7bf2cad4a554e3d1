using System.Collections.Generic;

namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// Path arithmetic for includes, on <c>/</c>-separated strings so the same code serves the file system and the
/// in-memory files of the tests.
/// </summary>
internal static class YfmPath
{
    /// <summary>Uses <c>/</c> separators and resolves <c>.</c> and <c>..</c> segments.</summary>
    public static string Normalize(string path)
    {
        var text = path.Replace('\\', '/');
        var rooted = text.StartsWith('/');
        var segments = new List<string>();
        foreach (var segment in text.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            // ".." above the start of a relative path has nothing to cancel and stays.
            if (segment == ".." && segments.Count > 0 && segments[^1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".." || !rooted)
            {
                segments.Add(segment);
            }
        }

        var joined = string.Join('/', segments);
        return rooted ? "/" + joined : joined;
    }

    /// <summary>Resolves a link target relative to the file that names it; an anchor or query is dropped.</summary>
    public static string Resolve(string fromFile, string target)
    {
        var cut = target.IndexOfAny(['#', '?']);
        var relative = (cut >= 0 ? target[..cut] : target).Trim();
        if (relative.StartsWith('/'))
        {
            return Normalize(relative);
        }

        var from = fromFile.Replace('\\', '/');
        var slash = from.LastIndexOf('/');
        var directory = slash >= 0 ? from[..(slash + 1)] : string.Empty;
        return Normalize(directory + relative);
    }
}
