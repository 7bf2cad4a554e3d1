using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;
using Bitrix24.SpecImporter.Pages;
using Bitrix24.SpecImporter.Yfm;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// Reads a page's table of possible errors: which column holds the HTTP status, the code and the message
/// (the text in <c>error_description</c>), by their headers. Explanations stay behind; code, status and
/// message are facts the client matches on.
/// </summary>
internal static partial class ErrorTable
{
    /// <summary>The errors of the tables among the blocks; empty when none is found.</summary>
    public static ImmutableArray<ErrorModel> Read(IEnumerable<YfmBlock> blocks, int defaultStatus)
    {
        var errors = ImmutableArray.CreateBuilder<ErrorModel>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in blocks.OfType<YfmTable>())
        {
            if (Columns(table) is not var (status, code, message) || code < 0)
            {
                continue;
            }

            foreach (var row in table.Rows.Skip(1))
            {
                if (row.Cells.Length <= code)
                {
                    continue;
                }

                var codeText = Value(row.Cells[code].Text);
                if (codeText.StartsWith("Empty", StringComparison.OrdinalIgnoreCase) || codeText == "-")
                {
                    codeText = string.Empty;
                }

                var messageText = message >= 0 && message < row.Cells.Length ? Value(row.Cells[message].Text).TrimEnd('.') : null;
                if (messageText is { Length: 0 } || messageText == ">")
                {
                    messageText = null;
                }

                var statusCode = status >= 0 && status < row.Cells.Length && int.TryParse(Value(row.Cells[status].Text), out var parsed) ? parsed : defaultStatus;
                var name = Name(codeText, messageText, names.Count + 1);
                for (var n = 2; !names.Add(name); n++)
                {
                    name = Name(codeText, messageText, 0) + n;
                }

                errors.Add(new ErrorModel(name, codeText, statusCode, messageText, null));
            }
        }

        return errors.ToImmutable();
    }

    // Which columns hold status, code and message; the message is the "Description" or "Error message" column
    // when another column explains it.
    private static (int Status, int Code, int Message)? Columns(YfmTable table)
    {
        if (table.Rows.IsEmpty)
        {
            return null;
        }

        var headers = table.Rows[0].Cells.Select(cell => Inline.Plain(cell.Text).ToLowerInvariant()).ToList();
        var code = headers.FindIndex(header => header == "code" || header == "error code" || header == "error");
        if (code < 0)
        {
            return null;
        }

        var status = headers.FindIndex(header => header.StartsWith("status", StringComparison.Ordinal) || header.StartsWith("http", StringComparison.Ordinal));
        var message = headers.FindIndex(header => header.Contains("message", StringComparison.Ordinal) || header.Contains("error text", StringComparison.Ordinal));
        if (message < 0)
        {
            var description = headers.FindIndex(header => header == "description");
            var explained = headers.Count(header => header != "code" && !header.StartsWith("status", StringComparison.Ordinal)) > 1;
            message = explained ? description : -1;
        }

        return (status, code, message);
    }

    private static string Value(string cell) => Inline.Plain(cell).Trim();

    /// <summary>
    /// The enum member of an error: <c>ERROR_CORE</c> → <c>ErrorCore</c>; an empty or numeric code is named by its
    /// message (<c>Access denied</c> → <c>AccessDenied</c>), else by <paramref name="ordinal"/>.
    /// </summary>
    public static string Name(string code, string? message, int ordinal)
    {
        if (code.Length > 0 && char.IsLetter(code[0]) && Names.ToPascalCase(code) is var byCode && Names.IsValidIdentifier(byCode))
        {
            return byCode;
        }

        if (message is not null)
        {
            var words = Words().Matches(message).Select(match => match.Value).Take(6);
            var byMessage = Names.ToPascalCase(string.Join('_', words.Select(word => char.ToUpperInvariant(word[0]) + word[1..])));
            if (Names.IsValidIdentifier(byMessage) && !byMessage.StartsWith("Value", StringComparison.Ordinal))
            {
                return byMessage;
            }
        }

        return code.Length > 0 ? "Error" + Names.ToPascalCase(code).Replace("Value", string.Empty, StringComparison.Ordinal) : "Error" + ordinal;
    }

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]*")]
    private static partial Regex Words();
}
