using System.Collections.Generic;
using System.Linq;
using System.Text;
using System;
using Bitrix24.Generated.Specs.Naming;
using Bitrix24.SpecImporter.Pages;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// Short descriptions composed from facts: what a reference type points at, what a method does by its verb.
/// The documentation's sentences never carry over; the generated docs link to the published page instead.
/// </summary>
internal static class Descriptions
{
    private static readonly Dictionary<string, string> References = new(StringComparer.OrdinalIgnoreCase)
    {
        ["user"] = "A user ID.",
        ["user.id"] = "A user ID.",
        ["crm_status"] = "A CRM status code (crm.status.list).",
        ["crm_currency"] = "A currency code (crm.currency.list).",
        ["crm_company"] = "A company ID.",
        ["crm_contact"] = "A contact ID.",
        ["crm_lead"] = "A lead ID.",
        ["crm_deal"] = "A deal ID.",
        ["crm_quote"] = "A quote ID.",
        ["crm_category"] = "A CRM pipeline (category) ID.",
        ["crm_entity"] = "A CRM item ID.",
        ["file"] = "A file: its ID, or its name and content as base64.",
        ["diskfile"] = "A Drive file.",
        ["attached_diskfile"] = "A file attached from Drive.",
        ["timestamp"] = "Seconds since 1970.",
    };

    private static readonly Dictionary<string, string> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["add"] = "Adds",
        ["create"] = "Creates",
        ["update"] = "Updates",
        ["set"] = "Sets",
        ["get"] = "Reads",
        ["list"] = "Lists",
        ["getlist"] = "Lists",
        ["delete"] = "Deletes",
        ["remove"] = "Removes",
        ["fields"] = "Describes the fields of",
        ["getfields"] = "Describes the fields of",
        ["search"] = "Searches",
        ["bind"] = "Binds",
        ["unbind"] = "Unbinds",
        ["start"] = "Starts",
        ["stop"] = "Stops",
        ["send"] = "Sends",
        ["count"] = "Counts",
        ["complete"] = "Completes",
        ["import"] = "Imports",
        ["export"] = "Exports",
        ["upload"] = "Uploads",
        ["register"] = "Registers",
        ["unregister"] = "Unregisters",
    };

    /// <summary>A property's description: what its reference type points at, or null.</summary>
    public static string? Property(FieldRow row)
    {
        var type = DocType.Parse(row.Type);
        if (type is null)
        {
            return null;
        }

        if (References.TryGetValue(type.Name, out var reference))
        {
            return type.IsList ? "A list; each item: " + char.ToLowerInvariant(reference[0]) + reference[1..] : reference;
        }

        // "catalog_product.id": the identifier of a catalog product.
        var dot = type.Name.LastIndexOf('.');
        if (dot > 0 && type.Name[(dot + 1)..].Equals("id", StringComparison.OrdinalIgnoreCase))
        {
            return "An ID of " + Words(type.Name[..dot]) + (type.IsList ? ", in a list." : ".");
        }

        return null;
    }

    /// <summary>A method's summary from its verb and the segments before it: <c>crm.deal.add</c> → Adds a crm deal.</summary>
    public static string Summary(string method)
    {
        var segments = method.Split('.');
        if (segments.Length == 1)
        {
            return $"Calls `{method}`.";
        }

        var verb = segments[^1];
        var subject = string.Join(' ', segments[..^1].Select(Words));
        return Verbs.TryGetValue(verb, out var phrase)
            ? $"{phrase} {subject} (`{method}`)."
            : $"Calls `{method}` ({Words(verb)} on {subject}).";
    }

    // "catalog_product" -> "catalog product", "userField" -> "user field".
    private static string Words(string name)
    {
        var pascal = Names.ToPascalCase(name);
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]) && !char.IsUpper(pascal[i - 1]))
            {
                builder.Append(' ');
            }

            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }
}
