using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Bitrix24.Generated.Generator.Tests.Infrastructure;

/// <summary>
/// Compares text with an approved file committed beside the tests. On a difference it writes
/// <c>name.received.txt</c> and fails with the first differing lines; with BITRIX24_ACCEPT_SNAPSHOTS=1
/// it accepts the new text as approved instead.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "BITRIX24_ACCEPT_SNAPSHOTS";

    /// <summary>The folder of the approved files, beside the snapshot tests' sources.</summary>
    public static string ApprovedDirectory([CallerFilePath] string callerPath = "") => Path.Combine(SourceDirectory(callerPath), "Approved");

    public static void Match(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var directory = ApprovedDirectory(callerPath);
        var approvedPath = Path.Combine(directory, name + ".approved.txt");
        var receivedPath = Path.Combine(directory, name + ".received.txt");
        actual = Normalize(actual);

        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : null;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(approvedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, actual);
        var reason = approved is null
            ? $"No approved snapshot '{name}' yet."
            : $"Snapshot '{name}' differs from the approved one:\n{Diff(approved, actual)}";
        throw new SnapshotMismatchException($"{reason}\nReceived: {receivedPath}\nIf the change is intended, run the tests with {AcceptVariable}=1 and review the diff of the approved files.");
    }

    // [CallerFilePath] is a mapped path in CI builds; the project directory recorded at build time is not.
    private static string SourceDirectory(string callerPath)
    {
        var projectDirectory = typeof(Snapshot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "ProjectDirectory").Value!;
        var relative = callerPath.Replace('\\', '/');
        var marker = "/Bitrix24.Generated.Generator.Tests/";
        var index = relative.LastIndexOf(marker, StringComparison.Ordinal);
        var inProject = index >= 0 ? relative.Substring(index + marker.Length) : Path.GetFileName(relative);
        return Path.GetDirectoryName(Path.Combine(projectDirectory, inProject))!;
    }

    /// <summary>The first differing lines, numbered, with a little context.</summary>
    public static string Diff(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var first = 0;
        while (first < left.Length && first < right.Length && left[first] == right[first])
        {
            first++;
        }

        var builder = new StringBuilder();
        for (var i = Math.Max(0, first - 2); i < first; i++)
        {
            builder.Append("  ").Append(i + 1).Append(": ").AppendLine(left[i]);
        }

        for (var i = first; i < Math.Min(left.Length, first + 6); i++)
        {
            builder.Append("- ").Append(i + 1).Append(": ").AppendLine(left[i]);
        }

        for (var i = first; i < Math.Min(right.Length, first + 6); i++)
        {
            builder.Append("+ ").Append(i + 1).Append(": ").AppendLine(right[i]);
        }

        if (left.Length != right.Length)
        {
            builder.Append("(approved has ").Append(left.Length).Append(" lines, received ").Append(right.Length).AppendLine(")");
        }

        return builder.ToString();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}

internal sealed class SnapshotMismatchException : Exception
{
    public SnapshotMismatchException(string message)
        : base(message)
    {
    }
}
