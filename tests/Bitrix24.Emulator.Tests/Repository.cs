using System;
using System.IO;

namespace Bitrix24.Emulator.Tests;

/// <summary>Where the repository the tests run from lies.</summary>
internal static class Repository
{
    /// <summary>The folder of Bitrix24.Generated.sln, above the test's output.</summary>
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bitrix24.Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository.");
    }
}
