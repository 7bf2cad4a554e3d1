using System;
using Bitrix24.SpecImporter.Import;

namespace Bitrix24.SpecImporter;

/// <summary>
/// <c>bitrix24-spec import &lt;docs-folder&gt; [--out specs] [--method name]... [--corrections folder] [--check]</c>: imports method specs
/// from the official documentation. Without <c>--method</c> it imports every page, removes imported specs whose page
/// is gone and writes <c>IMPORT-REPORT.md</c>; with <c>--check</c> it writes nothing and fails when the specs folder
/// differs from what it would write. <c>--corrections</c> names the folder of correction files
/// (<c>corrections/&lt;scope&gt;.yaml</c>) whose fixes of documentation mistakes the import applies.
/// </summary>
internal static class Program
{
    private const string Usage = "usage: bitrix24-spec import <docs-folder> [--out <specs-folder>] [--method <name>]... [--corrections <folder>] [--check]";

    private static int Main(string[] args)
    {
        if (ImportCommand.Parse(args) is not { } command)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        return command.Run(Console.Out, Console.Error);
    }
}
