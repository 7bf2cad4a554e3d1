using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;
using Bitrix24.SpecImporter.Examples;
using Bitrix24.SpecImporter.Import;
using Bitrix24.SpecImporter.Pages;
using Bitrix24.SpecImporter.Yfm;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// Maps one method page onto a spec: parameters from the parameter table, the result from the returned-data
/// table (or, when the page has none, from the shape of its example answer), errors from the error table,
/// examples from the webhook cURL example and the documented answers.
/// </summary>
internal static partial class MethodMapper
{
    private static readonly string[] ParameterSections = ["Method Parameters", "Method parameters", "Parameters", "Request Parameters", "Command Parameters"];
    private static readonly string[] ResponseSections = ["Response Handling", "Response handling", "Returned Data", "Response on Success", "Successful Response", "Response"];
    private static readonly string[] ErrorSections = ["Error Handling", "Error handling", "Errors"];
    private static readonly string[] ExampleSections = ["Code Examples", "Code examples", "Examples", "Example"];

    // Reads and absolute writes: calling twice does no more than once. Adds, deletes, sends and counters do.
    private static readonly HashSet<string> IdempotentVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "get", "list", "getlist", "fields", "getfields", "search", "info", "check", "count", "set", "update", "status", "version", "current", "settings",
    };

    /// <summary>Whether a method is idempotent by its last segment, the verb: reads and absolute writes are.</summary>
    public static bool IsIdempotent(string method) => IdempotentVerbs.Contains(method[(method.LastIndexOf('.') + 1)..]);

    /// <summary>Maps a page; <paramref name="notes"/> gets what was left out.</summary>
    public static ImportedSpec Map(MethodPage page, PageSet pages, List<string> notes, bool twin = false)
    {
        var scope = page.Scopes[0];
        var rest3 = page.Rest3 || twin;
        var prefix = twin ? Rest3Twin.Prefix(page.Method) : Names.MethodTypePrefix(page.Method, null);
        var site = new TableSite(page.Page.Path, page.Outline, prefix);
        var types = new TypeMapping(pages, scope);

        var parameterSection = page.Outline.Section(ParameterSections);
        var parameterTable = parameterSection.OfType<YfmTable>().FirstOrDefault(FieldRow.IsFieldTable);
        var parameterRows = parameterTable is null ? [] : FieldRow.Read(parameterTable);
        var parameterNote = parameterTable is null ? null : ConditionalRequirement.TextAfter(parameterSection, parameterTable);
        var parameters = types.Properties(parameterRows, site, Names.RequestTypeName(prefix), 0, parameterNote);

        var response = page.Outline.Section(ResponseSections);
        var answer = FirstJson(response);
        var dropped = 0;
        if (answer is { } documented && ExampleChecks.HasDuplicateKeys(documented.GetRawText()))
        {
            // Keys twice in one object: no portal sends that, so the answer is not a record of a real call.
            answer = null;
            dropped++;
        }

        var (result, fromAnswer) = Result(response, answer, types, site, prefix, rest3);

        var errorBlocks = page.Outline.Section(ErrorSections);
        var errors = ErrorTable.Read(errorBlocks, 400);
        var (examples, recased) = Recased(Examples(page, response, answer, errorBlocks, ref dropped), parameters);
        var added = ExampleParameters.Missing(examples, parameters, Names.RequestTypeName(prefix));
        parameters = new([.. parameters, .. added]);
        notes.AddRange(types.Notes);

        var method = new MethodModel(
            FilePath: string.Empty,
            Name: page.Method,
            Scope: scope,
            Access: page.Access,
            Summary: Descriptions.Summary(page.Method),
            Description: null,
            Idempotent: IsIdempotent(page.Method),
            Parameters: parameters,
            Result: result,
            Errors: new(errors),
            Types: new(types.Types),
            Examples: new(examples),
            Docs: pages.PublishedUrl(page.Page.Path),
            Deprecated: page.Deprecated,
            Api: rest3 ? MethodApi.V3 : MethodApi.Classic);

        // The examples' evidence only: types change once every method sharing them is mapped (DocsImporter).
        return new ImportedSpec(method, recased, ExampleShapes.Observe(method), added.Count, fromAnswer, dropped, rest3 ? Rest3Query.FilterFields(parameterRows) : [])
        {
            SelectOverItemPage = rest3 && Rest3Query.SelectOverItemPage(parameterRows, response, site),
            PaginationByPage = rest3 && Rest3Query.PaginationByPage(parameterRows, parameters, types.Types),
        };
    }

    // The documented requests with their top-level keys in the parameter table's case.
    private static (List<ExampleModel> Examples, int Recased) Recased(List<ExampleModel> examples, EquatableArray<PropertyModel> parameters)
    {
        var recased = 0;
        for (var i = 0; i < examples.Count; i++)
        {
            if (examples[i].Request is { } request)
            {
                var (json, renamed) = ExampleKeys.Recase(request, parameters);
                examples[i] = examples[i] with { Request = json };
                recased += renamed;
            }
        }

        return (examples, recased);
    }

    // The result type, and whether it is the answer's shape because the answer contradicts the table.
    private static (ResultModel Result, bool FromAnswer) Result(ImmutableArray<YfmBlock> response, JsonElement? answer, TypeMapping types, TableSite site, string prefix, bool rest3)
    {
        foreach (var table in response.OfType<YfmTable>().Where(FieldRow.IsFieldTable))
        {
            var rows = FieldRow.Read(table);
            if (rest3 && Rest3Result.Type(rows, answer, types, site, prefix) is { } nested)
            {
                return (new ResultModel(nested, null), false);
            }

            if (rows.FirstOrDefault(row => row.Name == "result") is { } result)
            {
                var values = FieldFacts.Values(result.Description);
                var type = types.Type(result, values, site, prefix + "Result", 0);
                if (FlatResult.Type(rows, result, type, answer, types, site, prefix + "Result") is { } flat)
                {
                    return (new ResultModel(flat, null), false);
                }

                return ResultShape.Contradicted(type, answer) is { } shown ? (new ResultModel(shown, null), true) : (new ResultModel(type, null), false);
            }
        }

        // A page that documents no result table: the type its example shows.
        var fallback = answer is { } json && json.TryGetProperty("result", out var value) ? ResultShape.Shown(value) : TypeRef.Of(WireKind.Json);
        return (new ResultModel(fallback, null), false);
    }

    private static List<ExampleModel> Examples(MethodPage page, ImmutableArray<YfmBlock> response, JsonElement? answer, ImmutableArray<YfmBlock> errorBlocks, ref int dropped)
    {
        var examples = new List<ExampleModel>();
        var request = Request(page);
        if (request is not null && !ExampleChecks.IsCall(request))
        {
            request = null;
            dropped++;
        }

        // The answer must be an envelope, and its status the one its envelope shows: a section's status line may
        // belong to another block of it.
        if (answer is { } envelope && !envelope.TryGetProperty("result", out _) && !envelope.TryGetProperty("error", out _))
        {
            answer = null;
        }

        if (request is not null || answer is not null)
        {
            var status = Status(response, 200);
            var failed = answer is { } shown && shown.TryGetProperty("error", out _);
            status = failed ? (status >= 400 ? status : 400) : (status < 300 ? status : 200);
            examples.Add(new ExampleModel("Documented call", request, status, answer?.GetRawText() is { } text ? ExampleText.ToJson(text) : null));
        }

        if (FirstJson(errorBlocks) is { } error && error.TryGetProperty("error", out _))
        {
            examples.Add(new ExampleModel("Documented error", null, Status(errorBlocks, 400), ExampleText.ToJson(error.GetRawText())));
        }

        return examples;
    }

    // The body of the webhook cURL example, else the parameters of a JS example, when they call this method.
    private static string? Request(MethodPage page)
    {
        var tabs = page.Outline.Section(ExampleSections).OfType<YfmTabs>().SelectMany(list => list.Tabs).ToList();
        foreach (var tab in tabs.Where(tab => tab.Title.StartsWith("cURL (Webhook)", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var code in tab.Blocks.OfType<YfmCode>())
            {
                if (ExampleText.ParseCurl(code.Text) is ({ } method, { } json) && SameMethod(method, page.Method))
                {
                    return json;
                }
            }
        }

        foreach (var tab in tabs.Where(tab => tab.Title.StartsWith("JS", StringComparison.OrdinalIgnoreCase) || tab.Title.StartsWith("BX24", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var code in tab.Blocks.OfType<YfmCode>())
            {
                if (ExampleText.FromJs(code.Text) is ({ } method, { } json) && SameMethod(method, page.Method))
                {
                    return json;
                }
            }
        }

        return null;
    }

    private static bool SameMethod(string found, string method) =>
        found.Equals(method, StringComparison.OrdinalIgnoreCase) || found.Equals(method + ".json", StringComparison.OrdinalIgnoreCase);

    private static JsonElement? FirstJson(ImmutableArray<YfmBlock> blocks)
    {
        foreach (var code in blocks.OfType<YfmCode>())
        {
            if (ExampleText.ToJson(code.Text) is { } json)
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    return document.RootElement.Clone();
                }
            }
        }

        return null;
    }

    private static int Status(ImmutableArray<YfmBlock> blocks, int fallback)
    {
        foreach (var text in blocks.OfType<YfmText>())
        {
            var match = HttpStatus().Match(text.Text);
            if (match.Success)
            {
                return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return fallback;
    }

    [GeneratedRegex(@"HTTP [Ss]tatus:?\s*\**\s*(\d{3})")]
    private static partial Regex HttpStatus();
}
