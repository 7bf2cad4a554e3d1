using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Specs.Naming;

namespace Bitrix24.Generated.Specs.Linking;

/// <summary>A method whose generated client names are taken: what it would give, and by what it is taken.</summary>
public sealed record ClientClash(string What, string TakenBy);

/// <summary>
/// The names the client gives methods: a class per dotted prefix (<c>CalendarEventApi</c>, or <c>Bitrix24Client</c> for
/// methods of one word), in it a property per group below and the members of each method, and the type prefix of each
/// method's request, error enum and file. Finds the methods whose names meet another's, or a member the class has anyway.
/// </summary>
internal static class ClientLayout
{
    private const string Client = "Bitrix24Client";

    // What the client inherits, beside what every class does.
    private static readonly HashSet<string> ClientMembers = new(StringComparer.Ordinal) { "Connection", "Batch", "Dispose", "FromWebhook", "Over" };

    /// <summary>The methods (by key) whose client names clash, and the unique file name of each method's output.</summary>
    public static (Dictionary<string, ClientClash> Clashes, Dictionary<string, string> OutputNames) Lay(IReadOnlyList<IndexedMethod> methods)
    {
        var clashes = new Dictionary<string, ClientClash>(StringComparer.Ordinal);
        var outputNames = new Dictionary<string, string>(StringComparer.Ordinal);

        // Request classes, error enums and files are named by the type prefix; file names ignore case.
        var prefixes = new Dictionary<string, IndexedMethod>(StringComparer.OrdinalIgnoreCase);
        foreach (var method in methods)
        {
            var output = method.TypePrefix;
            if (prefixes.TryGetValue(method.TypePrefix, out var first))
            {
                clashes[method.Key] = new ClientClash("the type name prefix '" + method.TypePrefix + "'", "method '" + first.Name + "' gives too");
                for (var n = 2; prefixes.ContainsKey(output); n++)
                {
                    output = method.TypePrefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            prefixes[output] = method;
            outputNames[method.Key] = output;
        }

        // Who claims each class (by the path it stands for) and each member of a class (by method or group below).
        var classes = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        var members = new Dictionary<(string Class, string Member), Dictionary<string, List<string>>>();
        foreach (var method in methods)
        {
            var segments = method.ClientPath.Split('.');
            for (var depth = 0; depth < segments.Length; depth++)
            {
                var path = segments.Take(depth).ToArray();
                var owner = ClassKey(path);
                Claim(classes, owner, string.Join(".", path), method.Key);
                if (depth < segments.Length - 1)
                {
                    Claim(members, (owner, Names.ToPascalCase(segments[depth])), "the methods under '" + string.Join(".", segments.Take(depth + 1)) + "'", method.Key);
                    continue;
                }

                foreach (var member in Members(method))
                {
                    Claim(members, (owner, member), "method '" + method.Name + "'", method.Key);
                }
            }
        }

        foreach (var claims in classes)
        {
            if (claims.Value.Count > 1)
            {
                Blame(clashes, claims.Value, "the class " + Display(claims.Key), "the methods under '" + string.Join("' and '", claims.Value.Keys) + "' all give");
            }
        }

        foreach (var claims in members)
        {
            var (owner, member) = claims.Key;
            var className = owner.Substring(owner.LastIndexOf('.') + 1);
            var what = "the member '" + member + "' of " + Display(owner);
            if (member == className || ReservedNames.IsObjectMember(member) || (className == Client && ClientMembers.Contains(member)))
            {
                Blame(clashes, claims.Value, what, "the class has already");
            }
            else if (claims.Value.Count > 1)
            {
                Blame(clashes, claims.Value, what, string.Join(" and ", claims.Value.Keys) + " all give");
            }
        }

        return (clashes, outputNames);
    }

    // A method's members in its class: the call, the walks over pages, and the field of its descriptor.
    private static IEnumerable<string> Members(IndexedMethod method)
    {
        yield return method.MemberName + "Async";
        if (method.Paged)
        {
            yield return method.MemberName + "AllAsync";
        }

        if (method.FastPaged)
        {
            yield return method.MemberName + "AllFastAsync";
        }

        yield return "s_" + Names.ToCamelCase(method.MemberName);
    }

    // A class by namespace and name: methods of one word are on the client, the others in the namespace of their first segment.
    private static string ClassKey(string[] path) =>
        path.Length == 0 ? Client : Names.NamespaceSegment(path[0]) + "." + Names.GroupClassName(path);

    private static string Display(string key) => key.Substring(key.LastIndexOf('.') + 1);

    private static void Claim<TKey>(Dictionary<TKey, Dictionary<string, List<string>>> claims, TKey key, string claimant, string method)
        where TKey : notnull
    {
        if (!claims.TryGetValue(key, out var byClaimant))
        {
            claims[key] = byClaimant = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        }

        if (!byClaimant.TryGetValue(claimant, out var list))
        {
            byClaimant[claimant] = list = new List<string>();
        }

        list.Add(method);
    }

    private static void Blame(Dictionary<string, ClientClash> clashes, Dictionary<string, List<string>> claims, string what, string takenBy)
    {
        foreach (var method in claims.Values.SelectMany(m => m))
        {
            if (!clashes.ContainsKey(method))
            {
                clashes[method] = new ClientClash(what, takenBy);
            }
        }
    }
}
