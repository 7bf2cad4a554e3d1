using System.Linq;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Generated.Specs.Linking;

/// <summary>
/// What one spec contributes to generation once linked: its method (null when it cannot be generated) and the
/// types it owns that can be, every reference resolved, so that emitting needs nothing else.
/// </summary>
/// <param name="FilePath">The spec file.</param>
/// <param name="Name">The method the spec describes, whether or not it can be generated.</param>
/// <param name="Scope">The spec's scope.</param>
/// <param name="TypePrefix">The C# name of the method, e.g. <c>CalendarUserSettingsSet</c>: it names the spec's output.</param>
/// <param name="Method">The method with resolved references, or null.</param>
/// <param name="Types">The valid types this spec declares first, with resolved references.</param>
/// <param name="OutputName">
/// What names the spec's output: <paramref name="TypePrefix"/>, made unique ignoring case when another method's prefix is
/// the same but for case; null for the prefix.
/// </param>
/// <param name="ClientName">
/// The dotted name the client places the method by when it is not <paramref name="Name"/>: the REST 3.0 twin of a
/// classic method (<c>tasks.task.v3.add</c>); null otherwise.
/// </param>
/// <param name="Fields">
/// Of <paramref name="Types"/>, those REST 3.0 filters and selects reach, and which classes of their fields they need.
/// </param>
/// <param name="Event">
/// For an event spec, the event with resolved references (its data class is the first of <paramref name="Types"/>), or
/// null when it cannot be generated; <paramref name="Method"/> is then null.
/// </param>
public sealed record LinkedSpec(
    string FilePath,
    string Name,
    string Scope,
    string TypePrefix,
    MethodModel? Method,
    EquatableArray<TypeModel> Types,
    string? OutputName = null,
    string? ClientName = null,
    EquatableArray<TypeFields> Fields = default,
    EventModel? Event = null)
{
    /// <summary>The dotted name the client places the method by.</summary>
    public string ClientPath => ClientName ?? Name;

    /// <summary>Whether the spec contributes nothing.</summary>
    public bool IsEmpty => Method is null && Event is null && Types.IsEmpty;

    /// <summary>The names this spec adds to the shared outputs (the client tree and the JSON context).</summary>
    public SpecNames Names() => new(
        Method is null ? null : new MethodName(ClientPath, Method.Scope, TypePrefix, !Method.Parameters.IsEmpty),
        Types.Select(t => new TypeName(t.Name, t.Scope, t.Kind)).ToEquatableArray(),
        Event is null ? null : new EventName(Event.Name, Event.Scope, Event.TypeName, Event.DataTypeName));
}

/// <summary>An object type whose fields REST 3.0 filters and selects name, and which classes of them it needs.</summary>
public sealed record TypeFields(string TypeName, QueryFields Fields);

/// <summary>The names of one spec's generated parts: what the client tree and the JSON context are built from.</summary>
public sealed record SpecNames(MethodName? Method, EquatableArray<TypeName> Types, EventName? Event = null);

/// <summary>A generated event class: the event's name, scope, class and the class of its data.</summary>
public sealed record EventName(string Name, string Scope, string TypeName, string DataTypeName);

/// <summary>
/// A generated method: the dotted name the client places it by (its REST name, but for a REST 3.0 twin), scope, C#
/// type prefix, and whether it has a request class.
/// </summary>
public sealed record MethodName(string Name, string Scope, string TypePrefix, bool HasRequest);

/// <summary>A generated type: its name, scope and kind.</summary>
public sealed record TypeName(string Name, string Scope, TypeKind Kind);
