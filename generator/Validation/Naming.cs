using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Bitrix24.Generated.Generator.Validation;

/// <summary>How wire names become .NET names.</summary>
internal static class Naming
{
    /// <summary>
    /// PascalCase of a wire name, split on <c>_ - . space</c>; inner capitals stay, so
    /// <c>showDeclined</c> → <c>ShowDeclined</c>, <c>work_time_start</c> → <c>WorkTimeStart</c>.
    /// A name that would start with a digit gets the prefix <c>Value</c>.
    /// </summary>
    public static string ToPascalCase(string wireName)
    {
        var builder = new StringBuilder(wireName.Length);
        var upperNext = true;
        foreach (var character in wireName)
        {
            if (character is '_' or '-' or '.' or ' ')
            {
                upperNext = true;
                continue;
            }

            if (!char.IsLetterOrDigit(character))
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(character) : character);
            upperNext = false;
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
    public static string MethodTypePrefix(string method)
    {
        var builder = new StringBuilder();
        foreach (var segment in method.Split('.'))
        {
            builder.Append(ToPascalCase(segment));
        }

        return builder.ToString();
    }
}
