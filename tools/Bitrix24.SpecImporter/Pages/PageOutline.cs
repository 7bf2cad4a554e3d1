using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System;
using Bitrix24.SpecImporter.Yfm;

namespace Bitrix24.SpecImporter.Pages;

/// <summary>Any page's blocks grouped by heading: a section by its name, or the part under an anchor.</summary>
internal sealed partial class PageOutline
{
    private readonly ImmutableArray<YfmBlock> _blocks;

    public PageOutline(YfmPage page) => _blocks = page.Blocks;

    /// <summary>The blocks under the first level-2 heading whose text starts with one of the names, up to the next one.</summary>
    public ImmutableArray<YfmBlock> Section(params string[] names)
    {
        for (var i = 0; i < _blocks.Length; i++)
        {
            if (_blocks[i] is YfmHeading { Level: 2 } heading
                && names.Any(name => Inline.Plain(heading.Text).StartsWith(name, StringComparison.OrdinalIgnoreCase)))
            {
                return Under(i);
            }
        }

        return [];
    }

    /// <summary>
    /// The blocks under the heading with this anchor, written (<c>{#fields}</c>) or made from its text as the
    /// published site does, up to the next heading of the same or a higher level; empty when there is none.
    /// </summary>
    public ImmutableArray<YfmBlock> Anchored(string anchor)
    {
        for (var i = 0; i < _blocks.Length; i++)
        {
            if (_blocks[i] is YfmHeading heading
                && (string.Equals(heading.Anchor, anchor, StringComparison.OrdinalIgnoreCase)
                    || Slug(heading.Text).Equals(anchor, StringComparison.OrdinalIgnoreCase)))
            {
                return Under(i);
            }
        }

        return [];
    }

    /// <summary>The written anchor of the first heading whose part holds a table, or null.</summary>
    public string? FirstAnchoredTable()
    {
        foreach (var heading in _blocks.OfType<YfmHeading>().Where(heading => heading.Anchor is not null))
        {
            if (Anchored(heading.Anchor!).OfType<YfmTable>().Any())
            {
                return heading.Anchor;
            }
        }

        return null;
    }

    /// <summary>The anchor the site gives a heading without one: lower case, words joined by hyphens.</summary>
    public static string Slug(string heading) =>
        NotSlug().Replace(Inline.Plain(heading).ToLowerInvariant().Replace(' ', '-'), string.Empty);

    private ImmutableArray<YfmBlock> Under(int index)
    {
        var level = ((YfmHeading)_blocks[index]).Level;
        var end = index + 1;
        while (end < _blocks.Length && !(_blocks[end] is YfmHeading next && next.Level <= level))
        {
            end++;
        }

        return _blocks[(index + 1)..end];
    }

    [GeneratedRegex(@"[^a-z0-9_\-]")]
    private static partial Regex NotSlug();
}
