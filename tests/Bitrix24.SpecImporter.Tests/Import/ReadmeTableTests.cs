using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Bitrix24.SpecImporter.Tests.Import;

/// <summary>The README's table of methods per scope says what the import report says.</summary>
public sealed partial class ReadmeTableTests
{
    [Fact]
    public void The_readme_table_of_methods_matches_the_import_report()
    {
        var root = Repository.Root;
        var report = File.ReadAllLines(Path.Combine(root, "specs", "IMPORT-REPORT.md"))
            .Select(line => ReportRow().Match(line)).Where(match => match.Success)
            .ToDictionary(match => match.Groups["scope"].Value, match => (Specs: match.Groups["specs"].Value, Share: match.Groups["share"].Value.Trim(), Requests: int.Parse(match.Groups["requests"].Value, System.Globalization.CultureInfo.InvariantCulture), Answers: int.Parse(match.Groups["answers"].Value, System.Globalization.CultureInfo.InvariantCulture)));
        var readme = File.ReadAllLines(Path.Combine(root, "README.md")).Select(line => ReadmeRow().Match(line)).Where(match => match.Success).ToList();

        // The calendar specs are written by hand: the report counts none of their examples, the README does.
        var calendar = readme.Single(row => row.Groups["scope"].Value == "calendar");
        var (calendarRequests, calendarAnswers) = (int.Parse(calendar.Groups["requests"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(calendar.Groups["answers"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(report.Count(row => row.Key != "all" && row.Value.Specs != "0") + 1, readme.Count);
        foreach (var row in readme)
        {
            var scope = row.Groups["scope"].Value;
            var expected = report[scope];
            var extra = scope switch { "calendar" => (calendarRequests, calendarAnswers), "all" => (calendarRequests, calendarAnswers), _ => (0, 0) };
            Assert.Equal(
                (expected.Specs, expected.Share, expected.Requests + extra.Item1, expected.Answers + extra.Item2),
                (row.Groups["specs"].Value, row.Groups["share"].Value.Trim(), int.Parse(row.Groups["requests"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(row.Groups["answers"].Value, System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    // | crm | 449 | 350 | 350 | 0 | 100.0% | 343 | 343 | ... (pages, method pages, specs, left out, share, requests, answers)
    [GeneratedRegex(@"^\| \**(?<scope>all|[a-z][a-z-]*)\** \| \d+ \| \d+ \| (?<specs>\d+) \| \d+ \| (?<share>[^|]+) \| (?<requests>\d+) \| (?<answers>\d+) \|")]
    private static partial Regex ReportRow();

    // | crm | 350 | 100.0% | 343 | 343 |
    [GeneratedRegex(@"^\| \**(?<scope>all|[a-z][a-z-]*)\** \| \**(?<specs>\d+)\** \| \**(?<share>[^|*]+)\** \| \**(?<requests>\d+)\** \| \**(?<answers>\d+)\** \|$")]
    private static partial Regex ReadmeRow();
}
