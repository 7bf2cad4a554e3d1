using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Bitrix24.SpecImporter.Examples;

/// <summary>
/// Finds the first REST call in a JavaScript example and cuts out its method name and params literal. Two
/// shapes exist in the docs: <c>BX24.callMethod('m', {…}, cb)</c> (also <c>$b24.callMethod</c>,
/// <c>callListMethod</c>, <c>fetchListMethod</c>) and <c>$b24.actions.v2.call.make({ method: 'm', params: {…} })</c>
/// (also <c>callList</c>, <c>fetchList</c>, <c>v3</c>).
/// </summary>
internal static partial class JsCall
{
    /// <summary>The method and the params' source text (<c>{}</c> when the call passes none); nulls when not found.</summary>
    public static (string? Method, string? Params) Find(string js)
    {
        foreach (Match call in CallPattern().Matches(js))
        {
            var open = call.Index + call.Length - 1;
            var found = call.Groups["make"].Success ? FromMake(js, open) : FromPositional(js, open);
            if (found.Method is not null)
            {
                return found;
            }
        }

        return (null, null);
    }

    /// <summary><c>callMethod('m', params, …)</c>: the first argument is the method, the second the params.</summary>
    private static (string? Method, string? Params) FromPositional(string js, int open)
    {
        var index = JsScanner.SkipTrivia(js, open + 1);
        var method = StringAt(js, index, out var next);
        if (method is null)
        {
            return (null, null);
        }

        index = JsScanner.SkipTrivia(js, next);
        if (index >= js.Length || js[index] == ')')
        {
            return (method, "{}");
        }

        index = JsScanner.SkipTrivia(js, index + 1);
        if (index < js.Length && js[index] is '{' or '[')
        {
            var end = JsScanner.SkipBracketed(js, index);
            return (method, end < 0 ? null : js[index..end]);
        }

        // A callback straight after the method: the call has no params.
        return (method, IsCallback(js, index) ? "{}" : null);
    }

    /// <summary><c>make({ method: 'm', params: {…}, requestId })</c>: the properties of the single argument.</summary>
    private static (string? Method, string? Params) FromMake(string js, int open)
    {
        var index = JsScanner.SkipTrivia(js, open + 1);
        if (index >= js.Length || js[index] != '{')
        {
            return (null, null);
        }

        var end = JsScanner.SkipBracketed(js, index);
        if (end < 0)
        {
            return (null, null);
        }

        var properties = ObjectProperties.Split(js, index, end);
        if (!properties.TryGetValue("method", out var methodText) || StringAt(methodText, 0, out _) is not { } method)
        {
            return (null, null);
        }

        return (method, properties.TryGetValue("params", out var parameters) ? parameters : "{}");
    }

    /// <summary>The contents of the simple string literal at <paramref name="index"/>, or null.</summary>
    private static string? StringAt(string text, int index, out int next)
    {
        next = index;
        if (index >= text.Length || !JsScanner.IsQuote(text[index]))
        {
            return null;
        }

        var end = JsScanner.SkipString(text, index);
        if (end < 0)
        {
            return null;
        }

        next = end;
        var value = text[(index + 1)..(end - 1)];
        return value.Contains('\\', System.StringComparison.Ordinal) || value.Contains("${", System.StringComparison.Ordinal) ? null : value;
    }

    private static bool IsCallback(string js, int index) =>
        JsScanner.At(js, index, "function") || JsScanner.At(js, index, "async") || ArrowPattern().IsMatch(js[index..]);

    [GeneratedRegex(
        @"(?:\b(?:callMethod|callListMethod|fetchListMethod)|\.(?<make>make))\s*(?:<[^<>()]*(?:<[^<>()]*>[^<>()]*)*>)?\s*\(",
        RegexOptions.CultureInvariant)]
    private static partial Regex CallPattern();

    [GeneratedRegex(@"^(?:\([^()]*\)|[A-Za-z_$][\w$]*)\s*=>", RegexOptions.CultureInvariant)]
    private static partial Regex ArrowPattern();
}
