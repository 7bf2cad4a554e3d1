using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;

namespace Bitrix24.Emulator.Tests.Fuzzing;

/// <summary>
/// Generators of requests a portal must survive: random verbs and paths, query strings and forms with PHP bracket
/// keys and broken percent-encodings, JSON with duplicate keys, lone surrogates, deep nesting and huge numbers,
/// truncated and garbage multipart, wrong content types, batches with hostile commands and <c>$result</c>
/// references, and garbage for the OAuth token endpoint.
/// </summary>
internal sealed class GarbageRequests
{
    private static readonly string[] Verbs = ["GET", "POST", "POST", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH", "BREW"];

    private static readonly string[] Keys =
    [
        "id", "ID", "fields", "filter", "order", "select", "start", "type", "ownerId", "section", "settings", "cmd", "halt",
        "auth", "0", "1", "from", "to", "name", "params", "data", "entityTypeId", "", "[", "]", "a b", "%", "\u00e9",
    ];

    private static readonly string[] KeySuffixes = ["", "", "[]", "[x]", "[0]", "[0][ID]", "[", "]", "[[]]", "[][]", "[a][b][c][d][e][f][g][h]", "[view]", "[TITLE]"];

    private static readonly string[] Values =
    [
        "", "0", "-1", "1", "5", "99999999999999999999", "1e400", "-1e400", "0.1", "NaN", "Y", "N", "true", "false", "null",
        "user", "group", "2024-12-02", "2024-12-02T10:00:00+03:00", "2024-13-45T99:99", "02.12.2024 10:00:00", "[]", "{}",
        "$result[a]", "$result[a][0][ID]", "$result[", "\u00e9\u4e2d", "a&b=c", "<script>",
    ];

    private static readonly string[] Percents = ["%", "%2", "%zz", "%ED%A0%80", "%FF%FE", "%00", "%5B", "%5D", "%26", "%3D", "+", "%C3%A9"];

    private static readonly string[] JsonStrings =
    [
        "\"\"", "\"x\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"", "\"Y\"", "\"user\"", "\"2024-12-02\"",
        "\"$result[a]\"", "\"\\\"\"", "\"\u00e9\"",
    ];

    private static readonly string[] JsonNumbers = ["0", "-0", "1", "-1", "5", "1.5", "1e400", "-1e400", "1E-400", "123456789012345678901234567890", "9223372036854775808", "2147483648"];

    private static readonly string[] CommandMethods =
    [
        "server.time", "calendar.section.add", "calendar.section.get", "calendar.event.add", "calendar.event.get", "calendar.user.settings.set",
        "crm.deal.add", "crm.deal.get", "crm.deal.list", "crm.deal.update", "batch", "no.such.method", "", " ", "../..", "CRM.DEAL.LIST.json",
    ];

    private readonly string[] _methods;
    private readonly string _webhookPath;

    /// <param name="methods">The methods the portal's specs describe, to call them at random.</param>
    /// <param name="webhookPath">The webhook's path, e.g. <c>rest/1/secret/</c>.</param>
    public GarbageRequests(IEnumerable<string> methods, string webhookPath)
    {
        _methods = methods.Concat(CommandMethods).ToArray();
        _webhookPath = webhookPath;
    }

    /// <summary>Any request of any kind.</summary>
    public Gen<FuzzRequest> Any => Gen.Frequency(
        (4, RestCalls),
        (2, Batches),
        (1, TokenRequests),
        (1, StrayPaths));

    private Gen<string> Method => Gen.Frequency(
        (4, Gen.Int[0, _methods.Length - 1].Select(i => _methods[i])),
        (1, Gen.String[Gen.Char["abc.%[]_-"], 0, 12]));

    private static Gen<string> Pick(string[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    private static Gen<string> Key => Gen.Frequency(
        (10, Gen.Select(Pick(Keys), Pick(KeySuffixes), (key, suffix) => key + suffix)),
        (1, Gen.Select(Pick(Keys), Gen.Int[1, 2500], (key, depth) => key + string.Concat(Enumerable.Repeat("[x]", depth)))));

    private static Gen<string> Value => Gen.Frequency(
        (5, Pick(Values)),
        (1, Gen.String[Gen.Char[" abc019[]$&=?%\u00e9"], 0, 30]),
        (1, Gen.Int[1, 20_000].Select(n => new string('7', n))));

    /// <summary>A query string or form body: keys with brackets, values, and broken encodings spliced in.</summary>
    private static Gen<string> FormText => Gen.Select(Key, Value, Pick(Percents), Gen.Int[0, 3], (key, value, percent, splice) => splice switch
    {
        0 => key + "=" + value,
        1 => key + percent + "=" + value,
        2 => key + "=" + value + percent,
        _ => key,
    }).Array[0, 8].Select(pairs => string.Join("&", pairs));

    private static Gen<string> JsonValue => Gen.Recursive<string>((depth, inner) => depth >= 3
        ? JsonScalar
        : Gen.Frequency(
            (4, JsonScalar),
            (2, Gen.Select(Pick(Keys), inner, (key, value) => "\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\":" + value)
                .Array[0, 5].Select(members => "{" + string.Join(",", members) + "}")),
            (1, inner.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]"))));

    private static Gen<string> JsonScalar => Gen.Frequency(
        (3, Pick(JsonStrings)),
        (2, Pick(JsonNumbers)),
        (1, Pick(["true", "false", "null"])),
        (1, Value.Select(value => System.Text.Json.JsonSerializer.Serialize(value))));

    /// <summary>A JSON body: an object of generated members, duplicates included, maybe cut short or nested deep.</summary>
    private static Gen<string> JsonBody => Gen.Frequency(
        (6, Gen.Select(Pick(Keys), JsonValue, (key, value) => "\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\":" + value)
            .Array[0, 6].Select(members => "{" + string.Join(",", members) + "}")),
        (1, Gen.Select(JsonValue, Gen.Int[0, 100], (json, cut) => json[..(json.Length * cut / 100)])),
        (1, Gen.Select(Pick(["[", "{\"a\":"]), Pick(["]", "}"]), Gen.Int[1, 3000], (open, close, depth) =>
            "{\"settings\":" + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)) + "}")),
        (1, Pick(["", " ", "null", "[]", "\"x\"", "{", "}", "{\"a\":1,\"a\":2}", "{\"\\ud800\":1}", "\u00ef\u00bb\u00bf{}"])));

    /// <summary>A multipart body, well formed or cut short, with the boundary declared, wrong or missing.</summary>
    private static Gen<(string ContentType, string Body)> Multipart => Gen.Select(
        Gen.Select(Key, Value, (key, value) => "Content-Disposition: form-data; name=\"" + key + "\"\r\n\r\n" + value).Array[0, 4],
        Gen.Int[0, 100],
        Pick(["multipart/form-data; boundary=XyZ", "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=other",
            "multipart/form-data; boundary=" + new string('b', 100)]),
        Gen.Bool,
        (parts, cut, contentType, truncate) =>
        {
            var body = string.Concat(parts.Select(part => "--XyZ\r\n" + part + "\r\n")) + "--XyZ--\r\n";
            return (contentType, truncate ? body[..(body.Length * cut / 100)] : body);
        });

    private static Gen<string> ContentType => Pick(
    [
        "application/json", "application/json; charset=utf-8", "application/x-www-form-urlencoded", "text/plain", "application/xml",
        "multipart/form-data", "garbage", "application/json; charset=latin-9", "", ";;;", "application/x-www-form-urlencoded; charset=nope",
    ]);

    /// <summary>A body of any kind under any content type; sometimes the type matches.</summary>
    private static Gen<(string? ContentType, byte[]? Body)> Body => Gen.Frequency(
        (1, Gen.Const<(string?, byte[]?)>((null, null))),
        (3, JsonBody.Select(json => ((string?)"application/json", (byte[]?)Encoding.UTF8.GetBytes(json)))),
        (3, FormText.Select(form => ((string?)"application/x-www-form-urlencoded", (byte[]?)Encoding.UTF8.GetBytes(form)))),
        (2, Multipart.Select(multipart => ((string?)multipart.ContentType, (byte[]?)Encoding.UTF8.GetBytes(multipart.Body)))),
        (2, Gen.Select(ContentType, Gen.OneOf<string>(JsonBody, FormText), (type, text) => ((string?)type, (byte[]?)Encoding.UTF8.GetBytes(text)))),
        (1, Gen.Select(ContentType, Gen.Byte.Array[0, 64], (type, bytes) => ((string?)type, (byte[]?)bytes))));

    private Gen<string> Route => Gen.Frequency(
        (6, Gen.Const(_webhookPath)),
        (2, Gen.Const("rest/")),
        (1, Gen.Const("rest/1/wrong/")),
        (1, Gen.Const("rest/x/" + _webhookPath.Split('/')[2] + "/")));

    private Gen<FuzzRequest> RestCalls => Gen.Select(Pick(Verbs), Route, Method, Pick(["", ".json", ".xml", "/"]), FormText, Body,
        (verb, route, method, suffix, query, body) => new FuzzRequest(verb, route + Uri.EscapeDataString(method) + suffix + (query.Length > 0 ? "?" + query : ""), body.ContentType, body.Body));

    /// <summary>A batch: commands given as an object, a list or nonsense, with hostile command strings.</summary>
    private Gen<FuzzRequest> Batches
    {
        get
        {
            var reference = Gen.Select(Pick(["a", "b", "0", "c", "", "a]"]), Pick(["", "[0]", "[0][ID]", "[ID]", "[", "[]", "[x][y][z]", "[99]"]),
                (command, path) => "$result[" + command + "]" + path);
            var argument = Gen.Frequency(
                (3, Gen.Select(Key, Value, (key, value) => key + "=" + Uri.EscapeDataString(value))),
                (2, Gen.Select(Key, reference, (key, value) => key + "=" + value)),
                (1, Gen.Int[1, 30_000].Select(n => string.Concat(Enumerable.Repeat("section[]=1&", n)))),
                (1, Pick(Percents)));
            var command = Gen.Select(Pick(CommandMethods), Pick(["?", "?", "", "??", "#"]), argument.Array[0, 4],
                (method, question, arguments) => method + question + string.Join("&", arguments));
            var commands = Gen.Frequency(
                (3, command.Array[0, 6].Select(list => "{" + string.Join(",", list.Select((line, i) => System.Text.Json.JsonSerializer.Serialize(((char)('a' + i)).ToString()) + ":" + System.Text.Json.JsonSerializer.Serialize(line))) + "}")),
                (1, command.Array[0, 4].Select(list => System.Text.Json.JsonSerializer.Serialize(list))),
                (1, Pick(["\"calendar.settings.get\"", "5", "null", "{}", "[]", "{\"a\":{\"b\":1}}", "{\"a\":\"\\ud800\"}", "{\"a\":\"x\",\"a\":\"y\"}"])));
            var json = Gen.Select(commands, Pick(["", ",\"halt\":1", ",\"halt\":\"Y\"", ",\"halt\":[]", ",\"halt\":0"]), (cmd, halt) => "{\"cmd\":" + cmd + halt + "}")
                .Select(body => (ContentType: "application/json", Body: body));
            var form = command.Array[0, 4].Select(list => (ContentType: "application/x-www-form-urlencoded",
                Body: string.Join("&", list.Select((line, i) => "cmd[" + (char)('a' + i) + "]=" + Uri.EscapeDataString(line)))));
            return Gen.Select(Gen.OneOf<(string ContentType, string Body)>(json, form), Pick(["batch", "batch.json", "BATCH"]),
                (body, name) => new FuzzRequest("POST", _webhookPath + name, body.ContentType, Encoding.UTF8.GetBytes(body.Body)));
        }
    }

    private static Gen<FuzzRequest> TokenRequests => Gen.Select(Pick(Verbs), Pick(["oauth/token/", "oauth/token", "oauth/token/x"]), FormText, Body,
        (verb, path, query, body) => new FuzzRequest(verb, path + (query.Length > 0 ? "?" + query : ""), body.ContentType, body.Body));

    private static Gen<FuzzRequest> StrayPaths => Gen.Select(Pick(Verbs), Gen.String[Gen.Char["abc/._-%~"], 0, 30], Body,
        (verb, path, body) => new FuzzRequest(verb, path.Replace("%", "%25", StringComparison.Ordinal), body.ContentType, body.Body));
}
