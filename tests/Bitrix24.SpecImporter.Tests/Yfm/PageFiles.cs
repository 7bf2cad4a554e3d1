using System.Collections.Generic;
using System.Linq;
using Bitrix24.SpecImporter.Yfm;

namespace Bitrix24.SpecImporter.Tests.Yfm;

/// <summary>Reads pages written for the tests from memory, the first file being the page.</summary>
internal static class PageFiles
{
    public static YfmPage Read(params (string Path, string Text)[] files)
    {
        var map = files.ToDictionary(file => file.Path, file => file.Text);
        return YfmReader.Read(files[0].Path, path => map.GetValueOrDefault(path));
    }

    public static YfmPage Page(params string[] lines) => Read(("docs/page.md", string.Join("\n", lines)));
}
