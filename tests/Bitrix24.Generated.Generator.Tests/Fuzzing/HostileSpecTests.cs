using System;
using System.Diagnostics;
using System.Linq;
using System.Text.RegularExpressions;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generated.Generator.Tests.Fuzzing;

/// <summary>
/// Specs found by fuzzing and by hand that broke the generator or the code it generates. Each either gets its B24
/// error at the mistake, or generates code that compiles without a warning; none throws or hangs.
/// </summary>
public class HostileSpecTests
{
    // Several spec files in one case are separated by this line.
    private const string NextFile = "\n=====\n";

    private const string Head = "method: test.item.get\nscope: test\nsummary: Reads.\n";

    public static TheoryData<string, string, string?, int, int, int> Cases() => new()
    {
        // The parser: aliases and nesting stay bounded.
        { "an alias of the node that holds it", Head + "result:\n  type: boolean\nloop: &s [*s]\n", "B24001", 0, 6, 11 },
        { "an alias bomb", Head + "result:\n  type: boolean\n" + SpecMutator.AliasBomb().Replace(", bomb", "\nbomb", StringComparison.Ordinal) + "\n", "B24001", 0, 11, 13 },
        { "a thousand levels of items", Head + "result:\n" + Nested(1000), "B24001", 0, 6, 2069 },
        { "ten thousand levels of items", Head + "result:\n" + Nested(10_000), "B24001", 0, 6, 2069 },
        { "forty levels of items", Head + "result:\n" + Nested(40), null, 0, 0, 0 },

        // Type names.
        { "a type of lower-case letters only", Head + "result:\n  type: thing\ntypes:\n  Thing: {kind: object, properties: []}\n  thing: {kind: object, properties: []}\n", "B24032", 0, 8, 3 },
        { "the contextual keyword var as a type", Head + "result:\n  type: var\ntypes:\n  var: {kind: object, properties: []}\n", "B24032", 0, 7, 3 },
        { "the discard as a type", Head + "result:\n  type: _\ntypes:\n  _: {kind: object, properties: []}\n", "B24032", 0, 7, 3 },
        { "value__ as a type", Head + "result:\n  type: value__\ntypes:\n  value__: {kind: object, properties: []}\n", null, 0, 0, 0 },
        { "String, which the JSON context has", Head + "result:\n  type: String\ntypes:\n  String: {kind: object, properties: []}\n", "B24032", 0, 7, 3 },
        { "Int32, which the JSON context has", Head + "result:\n  type: Int32\ntypes:\n  Int32: {kind: object, properties: []}\n", "B24032", 0, 7, 3 },
        { "Type, which converters name", Head + "result:\n  type: Type\ntypes:\n  Type: {kind: object, properties: []}\n", "B24032", 0, 7, 3 },
        { "an enum named like a member of its converter", Head + "result:\n  type: ReadValue\ntypes:\n  ReadValue: {kind: enum, values: [{value: a}]}\n", "B24032", 0, 7, 3 },
        { "a union named Instance", Head + "result:\n  type: Instance\ntypes:\n  Instance:\n    kind: union\n    variants: [{name: A, type: integer}, {name: B, type: string}]\n", "B24032", 0, 7, 3 },
        { "a union named like a parameter of its converter's Read", Head + "result:\n  type: typeToConvert\ntypes:\n  typeToConvert:\n    kind: union\n    variants: [{name: A, type: integer}, {name: B, type: string}]\n", "B24032", 0, 7, 3 },
        { "an object named like its field table", Head + "result:\n  type: s_fields\ntypes:\n  s_fields: {kind: object, properties: []}\n", "B24032", 0, 7, 3 },
        { "a key named Kind", Head + "params:\n  - {name: m, type: map, key: Kind, values: string}\nresult:\n  type: boolean\ntypes:\n  Kind: {kind: key, patterns: [{name: User, format: 'user{id}'}]}\n", "B24032", 0, 9, 3 },
        { "a type named like a client group class", "method: calendar.x.get\nscope: calendar\nsummary: Reads.\nresult:\n  type: CalendarApi\ntypes:\n  CalendarApi: {kind: object, properties: []}\n", "B24031", 0, 7, 3 },
        { "a type named like another's converter", Head + "result:\n  type: ThingJsonConverter\ntypes:\n  Thing: {kind: enum, values: [{value: a}]}\n  ThingJsonConverter: {kind: object, properties: []}\n", "B24031", 0, 8, 3 },
        { "a type named like another's kind enum", Head + "params:\n  - {name: m, type: map, key: Owner, values: string}\nresult:\n  type: OwnerKind\ntypes:\n  Owner: {kind: key, patterns: [{name: User, format: 'user{id}'}]}\n  OwnerKind: {kind: object, properties: []}\n", "B24031", 0, 10, 3 },
        { "a type named like its method's file", "method: calendar.event.get\nscope: calendar\nsummary: Reads.\nresult:\n  type: CalendarEventGet\ntypes:\n  CalendarEventGet: {kind: object, properties: []}\n", null, 0, 0, 0 },
        { "a type named like its scope", "method: calendar.x.get\nscope: calendar\nsummary: Reads.\nresult:\n  type: Calendar\ntypes:\n  Calendar: {kind: object, properties: []}\n", null, 0, 0, 0 },
        { "a key type without patterns", Head + "params:\n  - {name: m, type: map, key: Owner, values: string}\nresult:\n  type: boolean\ntypes:\n  Owner: {kind: key, patterns: []}\n", "B24021", 0, 9, 10 },

        // Texts: line ends C# knows, lone surrogates, characters XML does not take.
        {
            "line separators, lone surrogates and control characters in every text",
            "method: test.item.get\nscope: test\nsummary: \"a\\Lb\\Pc\\Nd {U+D800} \\a \\uFFFE\"\ndescription: \"x\\Ly\"\nparams:\n  - name: \"w\\Lire{U+DBFF}\"\n    type: V\n    description: \"p\\Pq\"\nresult:\n  type: boolean\nerrors:\n  - {name: Bad, code: \"c\\L{U+D800}\", message: \"m\\Ln\\Pz\\N{U+DC00}\"}\ntypes:\n  V:\n    kind: enum\n    values:\n      - {value: \"v\\Lw\", description: \"d\\Pe\\u0007\"}\n      - {value: \"{U+D800}\"}\n",
            null, 0, 0, 0
        },
        {
            "blank summary and descriptions",
            "method: test.item.get\nscope: test\nsummary: \" \"\nparams:\n  - {name: a, type: V, description: \" \"}\nresult:\n  type: U\nerrors:\n  - {name: Bad, code: X, description: \" \"}\ntypes:\n  V: {kind: enum, description: \" \", values: [{value: a, description: \" \"}]}\n  U:\n    kind: union\n    description: \" \"\n    variants: [{name: A, type: integer, description: \" \"}, {name: B, type: T}]\n  T: {kind: object, description: \" \", properties: [{name: p, type: string, description: \" \"}]}\n  K: {kind: key, description: \" \", patterns: [{name: User, format: 'user{id}', description: \" \"}]}\n",
            null, 0, 0, 0
        },
        { "a parameter described by a blank", Head + "params:\n  - {name: a, type: string, description: \" \"}\n  - {name: b, type: string, description: B.}\nresult:\n  type: boolean\n", null, 0, 0, 0 },

        // Members.
        {
            "union variants that are keywords once camelCased",
            Head + "result:\n  type: U\ntypes:\n  U:\n    kind: union\n    variants:\n      - {name: String, type: string}\n      - {name: Object, type: T}\n      - {name: Event, type: integer}\n      - {name: Class, type: boolean}\n      - {name: Null, type: array, items: string}\n  T: {kind: object, properties: []}\n",
            null, 0, 0, 0
        },
        { "union variants named like the converter's parameters", Head + "result:\n  type: U\ntypes:\n  U:\n    kind: union\n    variants: [{name: Reader, type: string}, {name: TypeToConvert, type: integer}, {name: Options, type: boolean}]\n", null, 0, 0, 0 },
        { "union variants of lower-case names", Head + "result:\n  type: U\ntypes:\n  U:\n    kind: union\n    variants: [{name: x, type: string}, {name: y, type: integer}]\n", null, 0, 0, 0 },
        { "a union variant named ToString", Head + "result:\n  type: U\ntypes:\n  U:\n    kind: union\n    variants: [{name: ToString, type: string}, {name: B, type: integer}]\n", "B24037", 0, 9, 23 },
        { "union variants X and FromX", Head + "result:\n  type: U\ntypes:\n  U:\n    kind: union\n    variants: [{name: X, type: string}, {name: FromX, type: integer}]\n", "B24029", 0, 9, 48 },
        { "a key pattern named Id", Head + "params:\n  - {name: m, type: map, key: Owner, values: string}\nresult:\n  type: boolean\ntypes:\n  Owner: {kind: key, patterns: [{name: Id, format: 'user{id}'}]}\n", "B24037", 0, 9, 40 },
        { "a key pattern named like the key's kind enum", Head + "params:\n  - {name: m, type: map, key: Owner, values: string}\nresult:\n  type: boolean\ntypes:\n  Owner: {kind: key, patterns: [{name: OwnerKind, format: 'user{id}'}]}\n", "B24037", 0, 9, 40 },
        { "key patterns User and user", Head + "params:\n  - {name: m, type: map, key: Owner, values: string}\nresult:\n  type: boolean\ntypes:\n  Owner: {kind: key, patterns: [{name: User, format: 'user{id}'}, {name: user, format: 'u{id}'}]}\n", null, 0, 0, 0 },
        { "an enum value named value__", Head + "result:\n  type: V\ntypes:\n  V: {kind: enum, values: [{value: a, csharpName: value__}]}\n", "B24037", 0, 7, 51 },
        { "an error named value__", Head + "result:\n  type: boolean\nerrors:\n  - {name: value__, code: X}\n", "B24037", 0, 7, 12 },
        { "a parameter named like the request class", Head + "params:\n  - {name: x, csharpName: TestItemGetRequest, type: string}\nresult:\n  type: boolean\n", "B24028", 0, 5, 5 },
        { "a parameter named nameof", Head + "params:\n  - {name: nameof, type: string, required: true}\nresult:\n  type: boolean\n", null, 0, 0, 0 },
        { "parameters cancellationToken and cancellationTokenValue", Head + "params:\n  - {name: cancellationToken, type: string}\n  - {name: cancellationTokenValue, type: string}\n  - {name: request, type: string}\nresult:\n  type: boolean\n", null, 0, 0, 0 },
        { "parameters whose camelCase is the same", Head + "params:\n  - {name: Ab, type: string}\n  - {name: ab, csharpName: ab, type: string}\nresult:\n  type: boolean\n", null, 0, 0, 0 },

        // The client's names.
        { "a group named like the client's Batch", "method: batch.item.get\nscope: test\nsummary: Reads.\nresult:\n  type: boolean\n", "B24044", 0, 1, 9 },
        { "a group named like the client's Dispose", "method: dispose.item.get\nscope: test\nsummary: Reads.\nresult:\n  type: boolean\n", "B24044", 0, 1, 9 },
        { "a group named like the client's FromWebhook", "method: fromWebhook.get\nscope: test\nsummary: Reads.\nresult:\n  type: boolean\n", "B24044", 0, 1, 9 },
        { "a group named like the client", "method: bitrix24Client.get\nscope: test\nsummary: Reads.\nresult:\n  type: boolean\n", "B24044", 0, 1, 9 },
        { "a one-word method named dispose", "method: dispose\nscope: test\nsummary: Reads.\nresult:\n  type: boolean\n", null, 0, 0, 0 },
        { "a group named like a method beside it", "method: a.getAsync.x\nscope: test\nsummary: Reads.\nresult:\n  type: boolean\n" + NextFile + "method: a.get\nscope: test\nsummary: Reads.\nresult:\n  type: boolean\n", "B24044", 0, 1, 9 },
        { "a paged method's walk named like a method beside it", "method: a.list\nscope: test\nsummary: Lists.\npaging: start\nparams:\n  - {name: start, type: integer}\nresult:\n  type: array\n  items: string\n" + NextFile + "method: a.listAll\nscope: test\nsummary: Reads.\nresult:\n  type: boolean\n", "B24044", 0, 1, 9 },
        { "a.b.c.get beside a.b_c.get", "method: a.b.c.get\nscope: test\nsummary: Reads.\nresult:\n  type: boolean\n" + NextFile + "method: a.b_c.get\nscope: test\nsummary: Reads.\nresult:\n  type: boolean\n", "B24044", 0, 1, 9 },
        { "type prefixes that differ only in case", "method: a.b.c.get\nscope: test\nsummary: Reads.\nresult:\n  type: boolean\n" + NextFile + "method: a.bc.get\nscope: test\nsummary: Reads.\nresult:\n  type: T\ntypes:\n  T: {kind: object, properties: []}\n", "B24044", 1, 1, 9 },
        { "groups that differ only in case", "method: ab.get\nscope: test\nsummary: Reads.\nresult:\n  type: boolean\n" + NextFile + "method: aB.x.get\nscope: test\nsummary: Reads.\nresult:\n  type: boolean\n", null, 0, 0, 0 },
        { "scopes and groups named like namespaces the code imports", "method: system.get\nscope: microsoft\nsummary: Reads.\nresult:\n  type: boolean\n" + NextFile + "method: bitrix24.get\nscope: system\nsummary: Reads.\nresult:\n  type: T\ntypes:\n  T: {kind: enum, values: [{value: a}]}\n", null, 0, 0, 0 },
        { "a scope named like a member of the JSON context", "method: test.item.get\nscope: boolean\nsummary: Reads.\nresult:\n  type: T\ntypes:\n  T: {kind: enum, values: [{value: a}]}\n", null, 0, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_hostile_spec_gets_its_error_or_compiles_cleanly(string spec, string text, string? id, int file, int line, int column)
    {
        // Theory data goes through UTF-8, which would replace lone surrogates: they are written {U+D800} and put back here.
        var files = Regex.Replace(text, @"\{U\+([0-9A-F]{4})\}", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString())
            .Split(NextFile)
            .Select((t, i) => ("/specs/hostile/" + i + ".yaml", t))
            .ToArray();
        var clock = Stopwatch.StartNew();

        var (result, output) = GeneratorRunner.Run(files);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), spec + ": took " + clock.Elapsed);
        Assert.Null(result.Exception);
        Assert.DoesNotContain(result.Diagnostics.Concat(output.GetDiagnostics()), d => d.Id is "CS8785" or "B24099");
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        if (id is null)
        {
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.NotEmpty(result.GeneratedSources);
            return;
        }

        var diagnostic = result.Diagnostics.FirstOrDefault(d => d.Id == id);
        Assert.True(diagnostic is not null, spec + ": expected " + id + ", got " + string.Join("; ", result.Diagnostics));
        var span = diagnostic!.Location.GetLineSpan();
        Assert.Equal((files[file].Item1, line, column), (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }

    // A result nested in arrays to the given depth, one flow mapping a level.
    private static string Nested(int depth) =>
        "  type: array\n  items: " + string.Concat(Enumerable.Repeat("{type: array, items: ", depth - 1)) + "string" + new string('}', depth - 1) + "\n";
}
