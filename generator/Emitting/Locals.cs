using System;
using System.Collections.Generic;
using Bitrix24.Generated.Specs.Naming;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>Names of parameters and locals made of spec names: camelCase, apart from each other and from what is taken.</summary>
internal static class Locals
{
    /// <summary>
    /// The camelCase of each name; one that is taken, or that an earlier one already has, gets <c>Value</c> until it is
    /// free. Keywords get <c>@</c>.
    /// </summary>
    public static List<string> Unique(IEnumerable<string> names, IEnumerable<string> taken)
    {
        var used = new HashSet<string>(taken, StringComparer.Ordinal);
        var locals = new List<string>();
        foreach (var name in names)
        {
            var local = Names.ToCamelCase(name);
            while (!used.Add(local))
            {
                local += "Value";
            }

            locals.Add(CSharpKeywords.Escape(local));
        }

        return locals;
    }
}
