using System;
using Bitrix24.SpecImporter.Import;
using Bitrix24.SpecImporter.OpenApi;

namespace Bitrix24.SpecImporter;

/// <summary>
/// <c>bitrix24-spec import &lt;docs-folder&gt; [--out specs] [--method name]... [--corrections folder] [--check]</c>: imports method specs
/// from the official documentation. Without <c>--method</c> it imports every page, removes imported specs whose page
/// is gone and writes <c>IMPORT-REPORT.md</c>; with <c>--check</c> it writes nothing and fails when the specs folder
/// differs from what it would write. <c>--corrections</c> names the folder of correction files
/// (<c>corrections/&lt;scope&gt;.yaml</c>) whose fixes of documentation mistakes the import applies.
/// <c>bitrix24-spec openapi &lt;document.json|-&gt; --out folder [--scope-from-tags]</c>: imports the REST 3.0 methods of
/// the OpenAPI document a portal's <c>rest.documentation.openapi</c> answers, and writes <c>OPENAPI-REPORT.md</c>.
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage: bitrix24-spec import <docs-folder> [--out <specs-folder>] [--method <name>]... [--corrections <folder>] [--check]
               bitrix24-spec openapi <document.json|-> --out <specs-folder> [--scope-from-tags]
        """;

    private static int Main(string[] args)
    {
        if (OpenApiCommand.Parse(args) is { } openApi)
        {
            return openApi.Run(Console.In, Console.Out, Console.Error);
        }

        if (ImportCommand.Parse(args) is not { } command)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        return command.Run(Console.Out, Console.Error);
    }
}
