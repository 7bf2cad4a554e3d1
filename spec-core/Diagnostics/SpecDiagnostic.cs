using System.Linq;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Generated.Specs.Diagnostics;

/// <summary>A problem found in a spec: which rule, where, and the message's arguments.</summary>
public sealed record SpecDiagnostic(SpecRule Rule, SourceLocation Location, EquatableArray<string> Arguments)
{
    /// <summary>Whether the problem leaves something out of generation.</summary>
    public bool IsError => Rule.Severity == SpecSeverity.Error;

    /// <summary>The message with its arguments filled in.</summary>
    public string Message => Rule.Format(Arguments.Cast<object>().ToArray());

    /// <summary>Creates a diagnostic.</summary>
    public static SpecDiagnostic Create(SpecRule rule, SourceLocation location, params string[] arguments) =>
        new(rule, location, arguments.ToEquatableArray());

    /// <summary><c>path(line,column): error B24004: message</c>, as compilers print diagnostics.</summary>
    public override string ToString() =>
        Location + ": " + (IsError ? "error " : "warning ") + Rule.Id + ": " + Message;
}
