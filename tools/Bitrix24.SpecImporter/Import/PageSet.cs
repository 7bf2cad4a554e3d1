using System.Collections.Generic;
using System.IO;
using System;
using Bitrix24.SpecImporter.Pages;
using Bitrix24.SpecImporter.Yfm;

namespace Bitrix24.SpecImporter.Import;

/// <summary>
/// The documentation's pages, read once each: a method page's types often live on another page
/// (<c>crm-deal-get.md#deal</c>, <c>data-types.md#crm_multifield</c>).
/// </summary>
internal sealed class PageSet
{
    private readonly Dictionary<string, (YfmPage Page, PageOutline Outline)?> _pages = new(StringComparer.Ordinal);
    private readonly Func<string, string?> _readFile;

    /// <summary>Creates a set over a docs folder.</summary>
    public PageSet(string root, Func<string, string?> readFile)
    {
        Root = Path.GetFullPath(root);
        _readFile = readFile;
    }

    /// <summary>The docs folder: the one that holds <c>api-reference/</c>.</summary>
    public string Root { get; }

    /// <summary>A set over the file system.</summary>
    public static PageSet FromFolder(string root) =>
        new(root, path => File.Exists(path) ? File.ReadAllText(path) : null);

    /// <summary>A page by full path, or null when it does not exist.</summary>
    public (YfmPage Page, PageOutline Outline)? Get(string path)
    {
        path = Path.GetFullPath(path);
        if (!_pages.TryGetValue(path, out var page))
        {
            page = _readFile(path) is null ? null : (YfmReader.Read(path, _readFile) is var read ? (read, new PageOutline(read)) : default);
            _pages[path] = page;
        }

        return page;
    }

    /// <summary>The page a link on another page points at: the link's path made absolute, without its anchor.</summary>
    public static string Resolve(string fromPage, string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var file = hash >= 0 ? target[..hash] : target;
        return file.Length == 0 ? fromPage : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fromPage)!, file));
    }

    /// <summary>The anchor of a link, or null.</summary>
    public static string? Anchor(string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        return hash >= 0 && hash < target.Length - 1 ? target[(hash + 1)..] : null;
    }

    /// <summary>The published address of a page: https://apidocs.bitrix24.com/path.html.</summary>
    public string PublishedUrl(string page) =>
        "https://apidocs.bitrix24.com/" + Path.GetRelativePath(Root, page).Replace('\\', '/')[..^".md".Length] + ".html";
}
