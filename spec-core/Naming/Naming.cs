using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Generated.Specs.Naming;

/// <summary>How wire names become .NET names.</summary>
public static class Names
{
    private static readonly char[] Separators = { '_', '-', '.', ' ' };

    /// <summary>
    /// PascalCase of a wire name, split on <c>_ - . space</c>. Mixed-case segments keep their inner
    /// capitals (<c>showDeclined</c> → <c>ShowDeclined</c>, <c>timezoneOffsetUTC</c> → <c>TimezoneOffsetUTC</c>);
    /// all-capital segments, common in Bitrix24 fields, are capitalized (<c>DATE_FROM</c> → <c>DateFrom</c>).
    /// A name that would start with a digit gets the prefix <c>Value</c>.
    /// </summary>
    public static string ToPascalCase(string wireName)
    {
        var builder = new StringBuilder(wireName.Length);
        foreach (var segment in wireName.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var allCapitals = segment.Any(char.IsLetter) && !segment.Any(char.IsLower);
            var first = true;
            foreach (var character in segment)
            {
                if (!char.IsLetterOrDigit(character))
                {
                    continue;
                }

                builder.Append(first ? char.ToUpperInvariant(character) : allCapitals ? char.ToLowerInvariant(character) : character);
                first = false;
            }
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, "Value");
        }

        return builder.ToString();
    }

    /// <summary>camelCase of a C# name, for parameters and locals.</summary>
    public static string ToCamelCase(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

    /// <summary>Whether a name is a C# identifier as it stands: letters, digits and underscores, not a keyword.</summary>
    public static bool IsValidIdentifier(string name) => IsIdentifierText(name) && !CSharpKeywords.IsReserved(name);

    /// <summary>
    /// The C# name of an event class when its spec gives no <c>csharpName</c>: <c>ONCALENDARENTRYADD</c> →
    /// <c>OnCalendarentryadd</c> (the upper-case name cannot be split into words; the importer writes the page's
    /// <c>OnCalendarEntryAdd</c>), <c>CATALOG.PRICE.ON.ADD</c> → <c>CatalogPriceOnAdd</c>.
    /// </summary>
    public static string EventTypeName(string eventName) =>
        eventName.IndexOfAny(Separators) < 0 && eventName.StartsWith("ON", StringComparison.OrdinalIgnoreCase) && eventName.Length > 2
            ? "On" + ToPascalCase(eventName.Substring(2))
            : ToPascalCase(eventName);

    /// <summary>The C# name of the class of an event's <c>data</c>: <c>OnCalendarEntryAddData</c>.</summary>
    public static string EventDataTypeName(string eventTypeName) => eventTypeName + "Data";

    /// <summary>The C# name of a dotted method, e.g. <c>calendar.user.settings.set</c> → <c>CalendarUserSettingsSet</c>.</summary>
    public static string MethodTypePrefix(MethodModel method) => MethodTypePrefix(method.Name, method.CSharpName);

    /// <summary>The C# name of a dotted method, with the last segment's <c>csharpName</c> when the spec gives one.</summary>
    public static string MethodTypePrefix(string methodName, string? csharpName)
    {
        var builder = new StringBuilder();
        var segments = methodName.Split('.');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            builder.Append(ToPascalCase(segments[i]));
        }

        return builder.Append(MethodMemberName(methodName, csharpName)).ToString();
    }

    /// <summary>What tells a method apart among all: its name, and its version when REST 3.0 (a method may have both).</summary>
    public static string MethodKey(string methodName, MethodApi api) => api == MethodApi.V3 ? methodName + " (REST 3.0)" : methodName;

    /// <summary>
    /// Where the client places the REST 3.0 twin of a classic method: <c>v3</c> before the last segment, so that
    /// <c>tasks.task.add</c> of REST 3.0 is <c>client.Tasks.Task.V3.AddAsync</c> beside the classic <c>AddAsync</c>.
    /// </summary>
    public static string TwinClientName(string methodName)
    {
        var last = methodName.LastIndexOf('.');
        return last < 0 ? "v3." + methodName : methodName.Substring(0, last) + ".v3" + methodName.Substring(last);
    }

    /// <summary>The name of a method's generated request class, from its type prefix: <c>CalendarUserSettingsSetRequest</c>.</summary>
    public static string RequestTypeName(string typePrefix) => typePrefix + "Request";

    /// <summary>The name of a method's generated error enum, from its type prefix: <c>CalendarUserSettingsSetError</c>.</summary>
    public static string ErrorTypeName(string typePrefix) => typePrefix + "Error";

    /// <summary>The class of an object type's fields for REST 3.0 filters and selects: <c>TasksTaskFields</c>.</summary>
    public static string QueryFieldsTypeName(string typeName) => typeName + "Fields";

    /// <summary>The C# name of the method's last segment: <c>Set</c>, or the spec's <c>csharpName</c>.</summary>
    public static string MethodMemberName(MethodModel method) => MethodMemberName(method.Name, method.CSharpName);

    /// <summary>The C# name of a method name's last segment, or <paramref name="csharpName"/> when given.</summary>
    public static string MethodMemberName(string methodName, string? csharpName)
    {
        if (csharpName is not null)
        {
            return csharpName;
        }

        var last = methodName.LastIndexOf('.');
        return ToPascalCase(last < 0 ? methodName : methodName.Substring(last + 1));
    }

    /// <summary>The client's class of the methods under a dotted prefix: <c>calendar.user.settings</c> is <c>CalendarUserSettingsApi</c>.</summary>
    public static string GroupClassName(IEnumerable<string> path) => string.Concat(path.Select(ToPascalCase)) + "Api";

    /// <summary>The namespace segment of a scope, e.g. <c>calendar</c> → <c>Calendar</c> (see <see cref="NamespaceSegment"/>).</summary>
    public static string ScopeNamespace(string scope) => NamespaceSegment(scope);

    /// <summary>
    /// A namespace segment made of a scope or a method's first segment. A name the generated code uses for a type
    /// (<c>task</c> → <c>Task</c>) gets the suffix <c>Scope</c>: a namespace <c>Task</c> would stand in for
    /// <see cref="System.Threading.Tasks.Task"/> in code of the enclosing namespaces.
    /// </summary>
    public static string NamespaceSegment(string name)
    {
        // The client's files are named Bitrix24Client.<Group>.g.cs beside <Scope>.<Method>.g.cs; hint names ignore case.
        var pascal = ToPascalCase(name);
        return ReservedNames.IsReservedTypeName(pascal) || pascal.Equals("Bitrix24Client", StringComparison.OrdinalIgnoreCase) ? pascal + "Scope" : pascal;
    }

    // The identifier rules of the C# specification: a letter or underscore, then letters, digits, connectors,
    // combining and formatting characters.
    private static bool IsIdentifierText(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(name[i]);
            var letter = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;
            var ok = i == 0
                ? letter || name[i] == '_'
                : letter || category is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation
                    or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format;
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
