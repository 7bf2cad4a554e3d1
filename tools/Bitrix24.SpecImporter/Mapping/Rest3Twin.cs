using System.Linq;
using System;
using Bitrix24.Generated.Specs.Naming;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// The REST 3.0 page of a method the classic API also serves (<c>tasks-task-add-rest-v3.md</c> beside
/// <c>tasks-task-add.md</c>): its spec is the method's twin, <c>tasks.task.add.v3.yaml</c>, and the types it declares
/// are named with V3 after the entity, as the client places the twin (<c>TasksTaskV3AddFields</c>).
/// </summary>
internal static class Rest3Twin
{
    /// <summary>Whether a page is the REST 3.0 page of a method (or of its fields) that has a classic page too.</summary>
    public static bool IsTwinPage(string path) => path.EndsWith("-rest-v3.md", StringComparison.Ordinal);

    /// <summary>The type prefix of a twin: <c>tasks.task.add</c> → <c>TasksTaskV3Add</c>.</summary>
    public static string Prefix(string method)
    {
        var segments = method.Split('.');
        return string.Concat(segments.SkipLast(1).Select(Names.ToPascalCase)) + "V3" + Names.MethodMemberName(method, null);
    }

    /// <summary>The spec file of a twin: <c>tasks/tasks.task.add.v3.yaml</c>.</summary>
    public static string File(string scope, string method) => scope + "/" + method + ".v3.yaml";
}
