using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;
using Bitrix24.SpecImporter.Import;
using Bitrix24.SpecImporter.Pages;
using Bitrix24.SpecImporter.Yfm;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// Turns the rows of a method's tables into spec properties, and every structure they name into a declared
/// object type, following the links to the table that describes it on the same page or another.
/// Type names follow one rule so that two methods naming the same table declare the same type:
/// the C# name of the page the table is on, then its anchor (<c>crm-deal-get.md#deal</c> → <c>CrmDealGetDeal</c>);
/// a table nested in a cell takes its owner's name and the field's.
/// </summary>
internal sealed class TypeMapping
{
    private const int MaxDepth = 6;
    private const string ResultHead = "result.";

    private readonly PageSet _pages;
    private readonly string _scope;
    private readonly Dictionary<string, TypeModel?> _types = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public TypeMapping(PageSet pages, string scope)
    {
        _pages = pages;
        _scope = scope;
    }

    /// <summary>What was left out, for the report: rows without a usable name, structures without a table.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>The scope the declared types belong to.</summary>
    public string Scope => _scope;

    /// <summary>Declares a type built elsewhere (once; a second call keeps the first declaration).</summary>
    public void Add(TypeModel type)
    {
        if (!_types.ContainsKey(type.Name))
        {
            _order.Add(type.Name);
            _types[type.Name] = type;
        }
    }

    /// <summary>The object types declared so far, in the order first met.</summary>
    public IEnumerable<TypeModel> Types => _order.Select(name => _types[name]).OfType<TypeModel>();

    /// <summary>The properties of a table's rows; rows whose name cannot be a property are noted and left out.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="site">Where the table is.</param>
    /// <param name="owner">The C# name of the type the properties are of.</param>
    /// <param name="depth">How deep in other structures the table is.</param>
    /// <param name="note">The text under the table.</param>
    public EquatableArray<PropertyModel> Properties(IEnumerable<FieldRow> rows, TableSite site, string owner, int depth, string? note = null) =>
        Members(rows, site, owner, depth, note).Properties;

    // An object type of a table's rows, declared under its name.
    private TypeModel Object(string name, IEnumerable<FieldRow> rows, TableSite site, int depth, string? note = null)
    {
        var (properties, userFields) = Members(rows, site, name, depth, note);
        return new TypeModel(name, TypeKind.Object, _scope, null, properties, default, default, default, userFields);
    }

    // The properties of a table's rows, and the prefix of the custom fields a pattern row (UF_CRM_...) stands for.
    private (EquatableArray<PropertyModel> Properties, string? UserFields) Members(IEnumerable<FieldRow> rows, TableSite site, string owner, int depth, string? note)
    {
        var properties = new List<PropertyModel>();
        var table = rows.ToList();
        if (table.Count > 0 && table.All(row => row.Name.StartsWith(ResultHead, StringComparison.Ordinal)))
        {
            // A table of the result's fields that names each as "result.messages": the fields are "messages".
            table = table.ConvertAll(row => row with { Name = row.Name[ResultHead.Length..] });
        }

        var optional = ConditionalRequirement.NotRequiredAlone(table, note);
        var dotted = DottedFields(table);
        var wireNames = new HashSet<string>(StringComparer.Ordinal);
        var csharpNames = new HashSet<string>(StringComparer.Ordinal) { owner };
        string? userFields = null;
        foreach (var row in table)
        {
            if (UserFieldNames.Pattern(row.Name) is { } prefix)
            {
                // One row for every custom field: an object type keeps them by name (userFields), a request as
                // additional properties.
                userFields ??= prefix;
                if (depth == 0)
                {
                    Notes.Add($"{owner}: field '{row.Name}' names the custom fields; a request keeps them as additional properties");
                }

                continue;
            }

            if (dotted.ContainsKey(Head(row.Name)) && row.Name.Contains('.', StringComparison.Ordinal))
            {
                // A field of another row's structure; that row takes it.
                continue;
            }

            if (!IsWireName(row.Name))
            {
                Notes.Add($"{owner}: field '{row.Name}' is a pattern, not a name; such fields are kept as additional properties");
                continue;
            }

            if (!wireNames.Add(row.Name))
            {
                continue;
            }

            var values = FieldFacts.Values(row.Description);
            var csharp = Names.ToPascalCase(row.Name);
            var name = ReservedNames.IsReservedMemberName(csharp, userFields: true) || csharp == owner || !Names.IsValidIdentifier(csharp) ? csharp + "Value" : csharp;
            for (var n = 2; !csharpNames.Add(name); n++)
            {
                name = csharp + n;
            }

            var type = dotted.TryGetValue(row.Name, out var fields) ? Nest(row, fields, Type(row, values, site, owner, depth), site, owner) : Type(row, values, site, owner, depth);
            properties.Add(new PropertyModel(
                row.Name,
                name,
                type,
                row.Required && !optional.Contains(row.Name),
                Descriptions.Property(row),
                FieldFacts.Default(row.Description),
                null,
                type.Kind is WireKind.Flag or WireKind.Boolean || IsStructure(row, type) ? EquatableArray<ValueModel>.Empty : FieldFacts.AsValues(values)));
        }

        return (new(properties), userFields);
    }

    // Rows named after another row of the table and a dot ("fields.CONTACT_ID" beside "fields") are that row's
    // fields, by the row they belong to, named without the head.
    private static Dictionary<string, List<FieldRow>> DottedFields(List<FieldRow> table)
    {
        var names = table.Select(row => row.Name).ToHashSet(StringComparer.Ordinal);
        var dotted = new Dictionary<string, List<FieldRow>>(StringComparer.Ordinal);
        foreach (var row in table)
        {
            var head = Head(row.Name);
            if (head.Length < row.Name.Length && names.Contains(head))
            {
                (dotted.TryGetValue(head, out var fields) ? fields : dotted[head] = []).Add(row with { Name = row.Name[(head.Length + 1)..] });
            }
        }

        return dotted;
    }

    private static string Head(string name) => name.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 ? name[..dot] : name;

    // The type of a row whose fields are rows of its own table: an object of them where the row's type says no more.
    private TypeRef Nest(FieldRow row, List<FieldRow> fields, TypeRef type, TableSite site, string owner)
    {
        var name = owner + Names.ToPascalCase(NameOnly(row.Name));
        switch (type.Kind)
        {
            case WireKind.Json:
                return Declare(name, fields, site);
            case WireKind.Array when type.Items!.Kind == WireKind.Json:
                return type with { Items = Declare(name, fields, site) };
            default:
                Notes.Add($"{owner}: the fields of '{row.Name}' named with a dot are left out; its type is described apart");
                return type;
        }
    }

    // Values listed beside an object, an array or a map describe its keys ("field_n: value_n", "limit"), not values it takes.
    private static bool IsStructure(FieldRow row, TypeRef type) => type.Kind switch
    {
        WireKind.Named or WireKind.Map => true,
        WireKind.Json => DocType.Parse(row.Type) is not { } doc || doc.IsStructure || doc.Name is "array" or "object",
        _ => false,
    };

    /// <summary>The spec type of a row.</summary>
    public TypeRef Type(FieldRow row, ImmutableArray<string> values, TableSite site, string owner, int depth)
    {
        var doc = DocType.Parse(row.Type) ?? new DocType(NameOnly(row.Name), false);
        if (doc.Name == "array")
        {
            // A bare "array": of the structure a table describes, else of raw JSON.
            return new TypeRef(WireKind.Array, null, Structure(row, site, owner, depth) ?? TypeRef.Of(WireKind.Json), null);
        }

        var yesNo = FieldFacts.IsYesNo(values);
        var item = doc.Builtin(yesNo, hasOtherValues: !yesNo && !values.IsEmpty) is { } kind ? TypeRef.Of(kind) : Structure(row, site, owner, depth) ?? Unstructured(row);
        if (depth == 0 && !doc.IsList && item.Kind == WireKind.Named && IsListShaping(row))
        {
            // A filter or an order that links to the fields it works on: its keys are those fields with operators
            // (">=DATE_CREATE") or its values directions ("ASC"), so it is a map, not an object of the fields.
            return Unstructured(row);
        }

        return doc.IsList ? new TypeRef(WireKind.Array, null, item, null) : item;
    }

    private static bool IsListShaping(FieldRow row) => row.Name.ToLowerInvariant() is "filter" or "order" or "sort";

    // A structure no table describes: filters are maps of any value, orders maps of directions, the rest raw JSON.
    private static TypeRef Unstructured(FieldRow row) => row.Name.ToLowerInvariant() switch
    {
        "filter" => new TypeRef(WireKind.Map, null, TypeRef.Of(WireKind.Json), null),
        "order" or "sort" => new TypeRef(WireKind.Map, null, TypeRef.Of(WireKind.String), null),
        _ => TypeRef.Of(WireKind.Json),
    };

    /// <summary>
    /// Declares an object type of the given rows under <paramref name="name"/> (once; a second call returns the
    /// first declaration), for tables whose fields are not under a row of their own.
    /// </summary>
    public TypeRef Declare(string name, IEnumerable<FieldRow> rows, TableSite site)
    {
        if (!_types.ContainsKey(name))
        {
            _types[name] = null;
            _order.Add(name);
            _types[name] = Object(name, rows, site, 1);
        }

        return new TypeRef(WireKind.Named, name, null, null);
    }

    private TypeRef? Structure(FieldRow row, TableSite site, string owner, int depth)
    {
        if (depth >= MaxDepth)
        {
            return null;
        }

        foreach (var (table, tableSite, name, note) in Candidates(row, site, owner))
        {
            if (!_types.ContainsKey(name))
            {
                var rows = FieldRow.Read(table);
                if (rows.IsEmpty)
                {
                    continue;
                }

                _types[name] = null;
                _order.Add(name);
                _types[name] = Object(name, rows, tableSite, depth + 1, note);
            }

            return new TypeRef(WireKind.Named, name, null, null);
        }

        return null;
    }

    // The tables that may describe a row's structure, best first: one nested in its description, the anchor its
    // type links to, an anchor its description links to, a heading named after the field.
    private IEnumerable<(YfmTable Table, TableSite Site, string Name, string? Note)> Candidates(FieldRow row, TableSite site, string owner)
    {
        if (row.Description.Blocks.OfType<YfmTable>().FirstOrDefault(FieldRow.IsFieldTable) is { } nested)
        {
            yield return (nested, site, owner + Names.ToPascalCase(NameOnly(row.Name)), null);
        }

        var links = row.TypeLink is null ? FieldFacts.Links(row.Description) : FieldFacts.Links(row.Description).Prepend(row.TypeLink);
        foreach (var link in links)
        {
            if (PageSet.Anchor(link) is { } anchor && Anchored(PageSet.Resolve(site.PagePath, link), anchor) is { } found)
            {
                yield return found;
            }
        }

        if (Anchored(site.PagePath, NameOnly(row.Name).ToLowerInvariant()) is { } byName)
        {
            yield return byName;
        }
    }

    /// <summary>
    /// The object type of the first anchored table on a page a row's description links without an anchor (an item
    /// "described in" a page of fields), else null.
    /// </summary>
    public TypeRef? Linked(FieldRow row, TableSite site)
    {
        foreach (var link in FieldFacts.Links(row.Description).Where(link => PageSet.Anchor(link) is null && link.EndsWith(".md", StringComparison.Ordinal)))
        {
            var path = PageSet.Resolve(site.PagePath, link);
            if (_pages.Get(path) is { } page && page.Outline.FirstAnchoredTable() is { } anchor && Anchored(path, anchor) is { } found)
            {
                if (!_types.ContainsKey(found.Name))
                {
                    _types[found.Name] = null;
                    _order.Add(found.Name);
                    _types[found.Name] = Object(found.Name, FieldRow.Read(found.Table), found.Site, 1, found.Note);
                }

                return new TypeRef(WireKind.Named, found.Name, null, null);
            }
        }

        return null;
    }

    /// <summary>The other page a row's description links (with or without an anchor), resolved, or null.</summary>
    public static string? LinkedPage(FieldRow row, TableSite site) =>
        FieldFacts.Links(row.Description).Where(link => link.Split('#')[0].EndsWith(".md", StringComparison.Ordinal))
            .Select(link => PageSet.Resolve(site.PagePath, link)).FirstOrDefault();

    private (YfmTable Table, TableSite Site, string Name, string? Note)? Anchored(string pagePath, string anchor)
    {
        if (_pages.Get(pagePath) is not { } page)
        {
            return null;
        }

        var blocks = page.Outline.Anchored(anchor);
        var table = blocks.OfType<YfmTable>().FirstOrDefault(FieldRow.IsFieldTable);
        if (table is null)
        {
            return null;
        }

        var twin = Rest3Twin.IsTwinPage(pagePath);
        var prefix = MethodPage.From(page.Page, out _) is { } method ? (twin ? Rest3Twin.Prefix(method.Method) : Names.MethodTypePrefix(method.Method, null)) : PagePrefix(pagePath);
        var name = Names.ToPascalCase(anchor);
        if (twin && name.Length > 3 && name.EndsWith("dto", StringComparison.OrdinalIgnoreCase))
        {
            // "Task Object {#taskdto}": the object, not its transfer class.
            name = name[..^3];
        }

        return (table, new TableSite(pagePath, page.Outline, prefix), name.StartsWith(prefix, StringComparison.Ordinal) ? name : prefix + name, ConditionalRequirement.TextAfter(blocks, table));
    }

    // A page that documents no method: the importing method's scope, then the page's folders below the docs' scope
    // folder and its file name, leaving out index and data-types pages' names (biconnector/connector/index.md ->
    // BiconnectorConnector; crm/data-types.md#crm_multifield -> CrmMultifield, a name that already starts with
    // the prefix keeps it once).
    private string PagePrefix(string pagePath)
    {
        var parts = Path.GetRelativePath(_pages.Root, pagePath).Replace('\\', '/').Split('/');
        var below = parts.SkipWhile(part => part != "api-reference").Skip(2).ToList();
        if (below.Count > 0)
        {
            var file = Path.GetFileNameWithoutExtension(below[^1]);
            // A REST 3.0 page of fields (tasks/fields-rest-v3.md) names the version: TasksV3User.
            below[^1] = file is "index" or "data-types" ? string.Empty : file.EndsWith("-rest-v3", StringComparison.Ordinal) ? "V3" : file;
        }

        return Names.ScopeNamespace(_scope) + string.Concat(below.Where(part => part.Length > 0).Select(Names.ToPascalCase));
    }

    // "fields[]" or "params (object)": the name part.
    private static string NameOnly(string name) => new([.. name.TakeWhile(character => char.IsLetterOrDigit(character) || character == '_')]);

    private static bool IsWireName(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(character => char.IsLetterOrDigit(character) || character is '_' or '-' or '.')
        && !name.EndsWith('.') && !name.Contains("..", StringComparison.Ordinal);
}
