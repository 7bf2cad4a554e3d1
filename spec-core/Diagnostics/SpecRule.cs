using System.Globalization;

namespace Bitrix24.Generated.Specs.Diagnostics;

/// <summary>How bad a problem in a spec is.</summary>
public enum SpecSeverity
{
    /// <summary>The spec (or the part of it named) is left out of generation.</summary>
    Error,

    /// <summary>A mistake that does not stop generation, e.g. a wrong example.</summary>
    Warning,

    /// <summary>Not a mistake: something the build does that the author may want to know, e.g. a spec replacing another.</summary>
    Info,
}

/// <summary>One condition a spec can break: its id, title, message format and severity.</summary>
/// <param name="Id">The diagnostic id, e.g. <c>B24004</c>.</param>
/// <param name="Title">A short title.</param>
/// <param name="MessageFormat">The message, with <c>{0}</c>, <c>{1}</c>, … for the arguments.</param>
/// <param name="Severity">Error, warning or information.</param>
public sealed record SpecRule(string Id, string Title, string MessageFormat, SpecSeverity Severity)
{
    /// <summary>The message for the given arguments.</summary>
    public string Format(params object[] arguments) => string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);
}
