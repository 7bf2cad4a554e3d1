using System;
using System.Linq;
using System.Text;
using Bitrix24.Generated.Generator.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace Bitrix24.Generated.Generator.Validation;

/// <summary>How wire names become .NET names.</summary>
internal static class Naming
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

    public static bool IsValidIdentifier(string name) =>
        SyntaxFacts.IsValidIdentifier(name) &&
        SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    /// <summary>The C# name of a dotted method, e.g. <c>calendar.user.settings.set</c> → <c>CalendarUserSettingsSet</c>.</summary>
    public static string MethodTypePrefix(MethodModel method)
    {
        var builder = new StringBuilder();
        var segments = method.Name.Split('.');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            builder.Append(ToPascalCase(segments[i]));
        }

        return builder.Append(MethodMemberName(method)).ToString();
    }

    /// <summary>The C# name of the method's last segment: <c>Set</c>, or the spec's <c>csharpName</c>.</summary>
    public static string MethodMemberName(MethodModel method)
    {
        if (method.CSharpName is { } name)
        {
            return name;
        }

        var last = method.Name.LastIndexOf('.');
        return ToPascalCase(last < 0 ? method.Name : method.Name.Substring(last + 1));
    }
}
