using System;
using System.IO;

namespace Bitrix24.Generated.Tests;

/// <summary>Where the repository the tests run from lies: the folder of Bitrix24.Generated.sln, above the test's output.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bitrix24.Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests do not run from inside the repository.");
    }
}
