using System.Text.RegularExpressions;
using System;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// The names of a portal's custom fields (user fields): <c>UF_CRM_1721244482250</c>, or in the camelCase of
/// <c>crm.item.*</c> <c>ufCrm7_1739432938</c>. A table names them all with a pattern row (<c>UF_CRM_...</c>,
/// <c>UF_\*</c>, <c>UF_CRM_xxx</c>, <c>UF_</c>); an example shows the fields themselves. Either gives the object
/// type the prefix as <c>userFields</c>.
/// </summary>
internal static partial class UserFieldNames
{
    /// <summary>The prefix of the custom fields' names as most methods send them.</summary>
    public const string Upper = "UF_";

    /// <summary>The prefix of their names in the camelCase of <c>crm.item.*</c>.</summary>
    public const string Camel = "ufCrm";

    /// <summary>
    /// The prefix a table row stands for when its name is a pattern of custom fields rather than one field's name
    /// (<c>UF_CRM_...</c>, <c>UF_\*</c>, <c>UF_CRM_xxx</c>, <c>UF_</c>, <c>ufCrm...</c>), else null. A field such as
    /// <c>UF_DEPARTMENT</c> or <c>ufCrmTask</c> is one field, and its row a property.
    /// </summary>
    public static string? Pattern(string name)
    {
        if (name.StartsWith(Upper, StringComparison.Ordinal))
        {
            // Portals write a custom field's name in capitals, digits and underscores, and end it with neither.
            return OneUpperName().IsMatch(name) ? null : Upper;
        }

        return name.StartsWith(Camel, StringComparison.Ordinal) && (name.Length == Camel.Length || Placeholder().IsMatch(name[Camel.Length..])) ? Camel : null;
    }

    /// <summary>The prefix of a key an example sends or answers when it is a custom field's name, else null.</summary>
    public static string? Key(string name) =>
        name.Length > Upper.Length && name.StartsWith(Upper, StringComparison.Ordinal) ? Upper
        : name.Length > Camel.Length && name.StartsWith(Camel, StringComparison.Ordinal) ? Camel
        : null;

    [GeneratedRegex(@"^UF_[A-Z0-9_]*[A-Z0-9]$")]
    private static partial Regex OneUpperName();

    // What the docs write in place of the rest of a name: "...", "…", "*", "xxx".
    [GeneratedRegex(@"\.\.\.|…|\*|xxx|XXX")]
    private static partial Regex Placeholder();
}
