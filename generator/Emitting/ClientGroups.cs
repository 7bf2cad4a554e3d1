using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Specs.Naming;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>
/// The names of the client's group classes, which the client tree declares and each spec's file adds its method to:
/// both sides must name them alike.
/// </summary>
internal static class ClientGroups
{
    /// <summary>The class of the methods under a dotted prefix: <c>calendar.user.settings</c> is <c>CalendarUserSettingsApi</c>.</summary>
    public static string ClassName(IEnumerable<string> path) => Names.GroupClassName(path);

    /// <summary>
    /// The class a method belongs to: <c>calendar.user.settings.set</c> is in <c>CalendarUserSettingsApi</c>; a method
    /// of one word (<c>profile</c>) is on the client itself.
    /// </summary>
    public static string ClassOf(string methodName)
    {
        var segments = methodName.Split('.');
        return segments.Length == 1 ? "Bitrix24Client" : ClassName(segments.Take(segments.Length - 1));
    }

    /// <summary>How a method's class reaches its connection: a group's field, or the client's property.</summary>
    public static string ConnectionOf(string methodName) => IsOnClient(methodName) ? "Connection" : "_connection";

    /// <summary>The namespace of the groups under a method name's first segment: the root and that segment.</summary>
    public static string Namespace(string rootNamespace, string firstSegment) => rootNamespace + "." + Names.NamespaceSegment(firstSegment);

    /// <summary>The namespace of a method's class: its group's, or the root for a method on the client.</summary>
    public static string NamespaceOf(string rootNamespace, string methodName) =>
        IsOnClient(methodName) ? rootNamespace : Namespace(rootNamespace, methodName.Split('.')[0]);

    private static bool IsOnClient(string methodName) => methodName.IndexOf('.') < 0;
}
