using System.Linq;
using System;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// A type as a documentation table writes it (<c>string</c>, <c>integer[]</c>, <c>crm_status</c>,
/// <c>string | null</c>, <c>catalog_product.id</c>): its base name, whether it is a list, and the built-in spec
/// type it stands for when it is not a structure. The names are the ones <c>api-reference/data-types.md</c> and
/// the scopes' own data-type pages define.
/// </summary>
internal sealed record DocType(string Name, bool IsList)
{
    /// <summary>Reads a type text; null when there is none.</summary>
    public static DocType? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // "string | null": the value or nothing, which every generated property already allows.
        var name = text.Split('|').Select(part => part.Trim()).FirstOrDefault(part => part.Length > 0 && part != "null") ?? "any";
        var list = false;
        while (name.EndsWith("[]", StringComparison.Ordinal))
        {
            list = true;
            name = name[..^2].Trim();
        }

        return new DocType(name, list);
    }

    /// <summary>Whether the name stands for a structure that a table describes.</summary>
    public bool IsStructure => Builtin(hasYesNo: false) is null;

    /// <summary>The built-in kind of this (item) type, or null for a structure or an unknown name.</summary>
    /// <param name="hasYesNo">Whether the documented values are exactly <c>Y</c> and <c>N</c>.</param>
    /// <param name="hasOtherValues">Whether other values are documented: a <c>char</c> of other letters is a code, not a flag.</param>
    public WireKind? Builtin(bool hasYesNo, bool hasOtherValues = false)
    {
        var name = Name.ToLowerInvariant();
        switch (name)
        {
            case "string" or "text" or "enum" or "str" or "lang" or "location" or "crm_status" or "crm_currency" or "url" or "html" or "email" or "phone":
                return hasYesNo ? WireKind.Flag : WireKind.String;
            case "char":
                return hasOtherValues ? WireKind.String : WireKind.Flag;
            case "boolean" or "bool" or "y/n":
                return hasYesNo ? WireKind.Flag : WireKind.Boolean;
            case "integer" or "int" or "user" or "crm_company" or "crm_contact" or "crm_lead" or "crm_deal" or "crm_quote"
                or "crm_category" or "crm_entity" or "crm_smart_invoice" or "group" or "department" or "id":
                return WireKind.Integer;
            case "double" or "float" or "number" or "decimal":
                return WireKind.Number;
            case "date":
                return WireKind.Date;
            case "datetime" or "isodate":
                return WireKind.DateTime;
            case "timestamp":
                return WireKind.UnixTime;
            // A file field takes a file in any form; the importer makes it file-data where a documented request sends
            // {"fileData": [...]} (ShapeEvidence). Drive fields hold a Drive object's id in forms of their own.
            case "file":
                return WireKind.File;
            case "any" or "mixed" or "diskfile" or "attached_diskfile" or "callable" or "function" or "array" or "json":
                return WireKind.Json;
        }

        // "catalog_product.id", "user.id", "sale_paysystem.ID": identifiers; ".code", ".CURRENCY": codes.
        var dot = name.LastIndexOf('.');
        if (dot > 0)
        {
            var member = name[(dot + 1)..];
            return member == "id" ? WireKind.Integer : WireKind.String;
        }

        return null;
    }
}
