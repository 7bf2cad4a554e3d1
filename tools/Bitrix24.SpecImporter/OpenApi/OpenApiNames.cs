using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;
using Bitrix24.SpecImporter.Mapping;

namespace Bitrix24.SpecImporter.OpenApi;

/// <summary>
/// Names in the importer's manner. A method's own structures take its C# prefix and the field's name
/// (<c>tasks.task.add</c>'s <c>fields</c> → <c>TasksTaskAddFields</c>, its result <c>TasksTaskAddResult</c> and the
/// result's <c>item</c> <c>TasksTaskAddItem</c>); a structure inside another takes its owner's name and the field's;
/// a component schema its own name after the scope's (<c>TaskDto</c> in <c>tasks</c> → <c>TasksTaskDto</c>), as a
/// type of a page without a method does. Every name is given once per document: the same schema keeps its name in
/// every spec, and another schema that would take it gets a number.
/// </summary>
internal sealed partial class OpenApiNames
{
    private readonly Dictionary<string, string> _byNode = new(StringComparer.Ordinal);
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>The method name of a path, <c>/tasks.task.get</c> → <c>tasks.task.get</c>; null when the path names no method.</summary>
    public static string? Method(string path) =>
        path.Length > 1 && path[0] == '/' && MethodName().IsMatch(path[1..]) ? path[1..] : null;

    /// <summary>Whether a name can be a scope: a folder of the specs (no path) whose namespace is a C# name.</summary>
    public static bool IsScope(string scope) => ScopeName().IsMatch(scope) && Names.IsValidIdentifier(Names.ScopeNamespace(scope));

    /// <summary>The C# prefix of a method's types: <c>tasks.task.get</c> → <c>TasksTaskGet</c>.</summary>
    public static string Prefix(string method) => Names.MethodTypePrefix(method, null);

    /// <summary>The name of a structure under a field: the owner's name and the field's.</summary>
    public static string Field(string owner, string wireName) => owner + Names.ToPascalCase(wireName);

    /// <summary>The name of a list's items: <c>TasksTaskListItems</c> → <c>TasksTaskListItem</c>.</summary>
    public static string Item(string list)
    {
        if (list.EndsWith("ies", StringComparison.Ordinal) && list.Length > 4)
        {
            return list[..^3] + "y";
        }

        return list.EndsWith('s') && !list.EndsWith("ss", StringComparison.Ordinal) && !list.EndsWith("us", StringComparison.Ordinal)
            && !list.EndsWith("is", StringComparison.Ordinal) && list.Length > 2
            ? list[..^1]
            : list + "Item";
    }

    /// <summary>
    /// The name of a component schema: its last segment (<c>Bitrix\Tasks\TaskDto</c> → <c>TaskDto</c>) in PascalCase,
    /// after the scope's namespace unless it starts with it.
    /// </summary>
    public static string Component(string component, string scope)
    {
        var last = component.Split('\\', '/').LastOrDefault(part => part.Length > 0) ?? component;
        var name = Names.ToPascalCase(last);
        var prefix = Names.ScopeNamespace(scope);
        return name.StartsWith(prefix, StringComparison.Ordinal) ? name : prefix + name;
    }

    /// <summary>
    /// The name of the type declared for the schema at <paramref name="node"/>: the one it already has, else
    /// <paramref name="wanted"/>, numbered when another schema has it or when a type may not take it.
    /// </summary>
    public string Type(string node, string wanted, out bool isNew)
    {
        if (_byNode.TryGetValue(node, out var known))
        {
            isNew = false;
            return known;
        }

        var name = wanted;
        for (var n = 2; _taken.Contains(name) || ReservedNames.TypeNameProblem(name, TypeKind.Object) is not null || !Names.IsValidIdentifier(name); n++)
        {
            name = wanted + n;
        }

        _taken.Add(name);
        _byNode[node] = name;
        isNew = true;
        return name;
    }

    /// <summary>
    /// The enum member of an error code, in the importer's manner, without what every REST 3.0 code shares:
    /// <c>BITRIX_REST_V3_EXCEPTION_ACCESSDENIEDEXCEPTION</c> → <c>Accessdenied</c>.
    /// </summary>
    public static string Error(string code, string? message, int ordinal)
    {
        const string Common = "BITRIX_REST_V3_EXCEPTION_";
        const string Suffix = "EXCEPTION";
        var name = code.StartsWith(Common, StringComparison.Ordinal) && code.Length > Common.Length ? code[Common.Length..] : code;
        name = name.EndsWith(Suffix, StringComparison.Ordinal) && name.Length > Suffix.Length ? name[..^Suffix.Length].TrimEnd('_') : name;
        return ErrorTable.Name(name, message, ordinal);
    }

    /// <summary>The C# name of a property in the importer's manner: <c>Value</c> after a name C# or the class cannot take, numbers for twins.</summary>
    public static string Property(string wireName, string owner, HashSet<string> used)
    {
        var csharp = Names.ToPascalCase(wireName);
        var name = ReservedNames.IsReservedMemberName(csharp) || csharp == owner || !Names.IsValidIdentifier(csharp) ? csharp + "Value" : csharp;
        var unique = name;
        for (var n = 2; !used.Add(unique); n++)
        {
            unique = name + n;
        }

        return unique;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$")]
    private static partial Regex MethodName();

    // Dotted like sign.b2e; no part a path could take.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$")]
    private static partial Regex ScopeName();
}
