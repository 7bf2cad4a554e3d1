using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;

namespace Bitrix24.Generated.Specs.Linking;

/// <summary>A declared type as the whole set of specs sees it: its first declaration, and whether it can be generated.</summary>
/// <param name="Name">The type's name; types are known by name across all scopes.</param>
/// <param name="Owner">The spec file that declares it first (by path); that spec's output holds it.</param>
/// <param name="Definition">The first declaration.</param>
/// <param name="IsValid">Whether the type and every type it reaches resolve, so that its code compiles.</param>
/// <param name="Fields">Which classes of its fields REST 3.0 filters and selects need.</param>
public sealed record IndexedType(string Name, string Owner, TypeModel Definition, bool IsValid, QueryFields Fields = QueryFields.None);

/// <summary>Which classes of an object type's fields the generated code has, for REST 3.0 filters and selects.</summary>
public enum QueryFields
{
    /// <summary>None: no filter or select reaches the type.</summary>
    None,

    /// <summary>
    /// The fields as a related object's, <c>{Type}Fields&lt;TRoot&gt;</c>: a filter or select over another type
    /// reaches it through its properties (<c>responsible.name</c>).
    /// </summary>
    Related,

    /// <summary>
    /// Those, and its own static <c>{Type}Fields</c>: a filter or select parameter names it as its <c>items</c>.
    /// </summary>
    Entity,
}

/// <summary>A method as the whole set of specs sees it: the file that specifies it first, and its C# name.</summary>
/// <param name="Name">The method's name.</param>
/// <param name="Owner">The spec file that specifies it: a project's own before a shipped one, then the first by path.</param>
/// <param name="Scope">The owner's scope.</param>
/// <param name="TypePrefix">The C# name the owner's types start with.</param>
/// <param name="ReplacesShipped">Whether the owner is a project's spec that replaces a shipped spec of the same method.</param>
/// <param name="MemberName">The C# name of the method's last segment, which names its members in its client class.</param>
/// <param name="Paged">Whether the class has the walk over every page too.</param>
/// <param name="FastPaged">Whether the class has the fast walk too.</param>
/// <param name="Api">Which version of the REST API serves it: a method may exist in both, specified apart.</param>
/// <param name="ClientName">
/// The dotted name the client places it by: its name, or for the REST 3.0 twin of a classic method, its name with
/// <c>v3</c> before the last segment (<c>tasks.task.v3.add</c>, called as <c>client.Tasks.Task.V3.AddAsync</c>).
/// </param>
public sealed record IndexedMethod(
    string Name, string Owner, string Scope, string TypePrefix, bool ReplacesShipped = false, string MemberName = "", bool Paged = false, bool FastPaged = false,
    MethodApi Api = MethodApi.Classic, string? ClientName = null)
{
    /// <summary>What tells the method apart in the set: its name, and its version when REST 3.0.</summary>
    public string Key => Names.MethodKey(Name, Api);

    /// <summary>The dotted name the client places it by.</summary>
    public string ClientPath => ClientName ?? Name;
}

/// <summary>An event as the whole set of specs sees it: the file that specifies it first, and its class name.</summary>
/// <param name="Name">The event's name, e.g. <c>ONCALENDARENTRYADD</c>.</param>
/// <param name="Owner">The spec file that specifies it: a project's own before a shipped one, then the first by path.</param>
/// <param name="Scope">The owner's scope.</param>
/// <param name="TypeName">The C# name of its class.</param>
public sealed record IndexedEvent(string Name, string Owner, string Scope, string TypeName);

/// <summary>
/// What linking one spec needs to know of all the others: every method's owner and every type's first declaration
/// and validity. Location-free and value-equatable, so that an incremental generator re-links specs only when it
/// changes; a spec whose edit leaves the index alone is the only one re-linked.
/// </summary>
public sealed class SpecIndex : IEquatable<SpecIndex>
{
    private readonly Lazy<Dictionary<string, IndexedType>> _types;
    private readonly Lazy<Dictionary<string, IndexedMethod>> _methods;
    private readonly Lazy<Dictionary<string, IndexedMethod>> _generatedNames;
    private readonly Lazy<(Dictionary<string, ClientClash> Clashes, Dictionary<string, string> OutputNames)> _layout;
    private readonly Lazy<Dictionary<string, string>> _generatedTypeNames;

    private readonly Lazy<Dictionary<string, IndexedEvent>> _events;

    private SpecIndex(EquatableArray<IndexedMethod> methods, EquatableArray<IndexedType> types, EquatableArray<IndexedEvent> events)
    {
        Methods = methods;
        Types = types;
        Events = events;
        _events = new(() => Events.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase));
        _types = new(() => Types.ToDictionary(t => t.Name, StringComparer.Ordinal));
        _methods = new(() => Methods.ToDictionary(m => m.Key, StringComparer.OrdinalIgnoreCase));
        _generatedNames = new(() =>
        {
            var names = new Dictionary<string, IndexedMethod>(StringComparer.Ordinal);
            foreach (var method in Methods)
            {
                names[Names.RequestTypeName(method.TypePrefix)] = method;
                names[Names.ErrorTypeName(method.TypePrefix)] = method;
            }

            return names;
        });
        _layout = new(() => ClientLayout.Lay(Methods));
        _generatedTypeNames = new(() =>
        {
            var names = GeneratedNames(Methods, Types.Select(t => t.Definition), Types.ToDictionary(t => t.Name, t => t.Fields, StringComparer.Ordinal));
            foreach (var indexed in Events)
            {
                names[indexed.TypeName] = "event '" + indexed.Name + "'";
            }

            return names;
        });
    }

    /// <summary>
    /// The methods, one per name and version (a project's spec before a shipped one, then the first by path), ordered by
    /// name.
    /// </summary>
    public EquatableArray<IndexedMethod> Methods { get; }

    /// <summary>The types, one per name (the first declaration by path wins), ordered by name.</summary>
    public EquatableArray<IndexedType> Types { get; }

    /// <summary>The events, one per name (a project's spec before a shipped one, then the first by path), ordered by name.</summary>
    public EquatableArray<IndexedEvent> Events { get; }

    /// <summary>Indexes the specs that read without errors of their own.</summary>
    public static SpecIndex Build(IEnumerable<MethodModel> specs) => Build(specs, Array.Empty<EventModel>());

    /// <summary>Indexes the method and event specs that read without errors of their own.</summary>
    public static SpecIndex Build(IEnumerable<MethodModel> specs, IEnumerable<EventModel> eventSpecs)
    {
        // A project's own specs first: one of the same method as a shipped spec replaces it.
        var ordered = specs.OrderBy(m => m.Shipped).ThenBy(m => m.FilePath, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
        var methods = new Dictionary<string, IndexedMethod>(StringComparer.OrdinalIgnoreCase);
        var types = new Dictionary<string, (string Owner, TypeModel Definition)>(StringComparer.Ordinal);
        var queried = new List<string>();
        foreach (var method in ordered)
        {
            var key = Names.MethodKey(method.Name, method.Api);
            if (methods.TryGetValue(key, out var owner))
            {
                // A second spec of the same method contributes nothing; linking it reports why, unless it is a shipped
                // spec that the project's own replaces.
                if (method.Shipped && owner.Owner != method.FilePath && IsOwn(ordered, owner.Owner))
                {
                    methods[key] = owner with { ReplacesShipped = true };

                    // Its method is replaced, not the types it declares: other shipped specs may use them.
                    AddTypes(types, method);
                }

                continue;
            }

            // The REST 3.0 twin of a classic method is placed apart in the client, its names marked v3.
            var clientName = method.Api == MethodApi.V3 && ordered.Exists(m => m.Api == MethodApi.Classic && string.Equals(m.Name, method.Name, StringComparison.OrdinalIgnoreCase))
                ? Names.TwinClientName(method.Name)
                : null;
            methods.Add(key, new IndexedMethod(
                method.Name, method.FilePath, method.Scope, Names.MethodTypePrefix(clientName ?? method.Name, method.CSharpName), MemberName: Names.MethodMemberName(method),
                Paged: method.Paged, FastPaged: method.FastPaging is not null, Api: method.Api, ClientName: clientName));
            AddTypes(types, method);
            queried.AddRange(method.Parameters.Where(p => p.Type.Kind is WireKind.Filter or WireKind.Select && p.Type.Items?.Kind == WireKind.Named).Select(p => p.Type.Items!.Name!));
        }

        // An event's types after the methods': its data class is one of them.
        var events = new Dictionary<string, IndexedEvent>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in eventSpecs.OrderBy(e => e.Shipped).ThenBy(e => e.FilePath, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal))
        {
            if (events.ContainsKey(spec.Name))
            {
                continue;
            }

            events.Add(spec.Name, new IndexedEvent(spec.Name, spec.FilePath, spec.Scope, spec.TypeName));
            foreach (var type in new[] { spec.DataType }.Concat(spec.Types))
            {
                if (!types.ContainsKey(type.Name))
                {
                    types.Add(type.Name, (spec.FilePath, type));
                }
            }
        }

        var definitions = types.ToDictionary(t => t.Key, t => t.Value.Definition, StringComparer.Ordinal);
        var fields = QueryFieldsOf(definitions, queried);
        var generated = GeneratedNames(methods.Values, definitions.Values, fields);
        foreach (var indexed in events.Values)
        {
            generated[indexed.TypeName] = "event '" + indexed.Name + "'";
        }

        var validity = Validity(definitions, generated);
        return new SpecIndex(
            methods.Values.OrderBy(m => m.Name, StringComparer.Ordinal).ToEquatableArray(),
            types.Select(t => new IndexedType(t.Key, t.Value.Owner, t.Value.Definition, validity[t.Key], fields.TryGetValue(t.Key, out var f) ? f : QueryFields.None))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .ToEquatableArray(),
            events.Values.OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray());
    }

    /// <summary>The event of a name (ignoring case, as the portal does), or null.</summary>
    public IndexedEvent? Event(string name) => _events.Value.TryGetValue(name, out var indexed) ? indexed : null;

    /// <summary>The type of a name, or null.</summary>
    public IndexedType? Type(string name) => _types.Value.TryGetValue(name, out var type) ? type : null;

    /// <summary>The method of a name and version (the name ignoring case, as the portal does), or null.</summary>
    public IndexedMethod? Method(string name, MethodApi api) => _methods.Value.TryGetValue(Names.MethodKey(name, api), out var method) ? method : null;

    /// <summary>The method of a name (ignoring case): the classic one when both versions have it, or null.</summary>
    public IndexedMethod? Method(string name) => Method(name, MethodApi.Classic) ?? Method(name, MethodApi.V3);

    /// <summary>What the client generates under this type name (a group class or another type's companion), or null.</summary>
    public string? NameGeneratedFor(string typeName) => _generatedTypeNames.Value.TryGetValue(typeName, out var what) ? what : null;

    /// <summary>Where the method's client names meet another's, or null.</summary>
    /// <param name="methodKey">The method's <see cref="IndexedMethod.Key"/>.</param>
    public ClientClash? ClientClash(string methodKey) => _layout.Value.Clashes.TryGetValue(methodKey, out var clash) ? clash : null;

    /// <summary>The name of the method's generated file: its type prefix, made unique (ignoring case) among all methods.</summary>
    /// <param name="methodKey">The method's <see cref="IndexedMethod.Key"/>.</param>
    /// <param name="typePrefix">The method's type prefix.</param>
    public string OutputName(string methodKey, string typePrefix) => _layout.Value.OutputNames.TryGetValue(methodKey, out var name) ? name : typePrefix;

    /// <summary>The method whose request or error enum would have this name, or null.</summary>
    public IndexedMethod? MethodGenerating(string typeName) => _generatedNames.Value.TryGetValue(typeName, out var method) ? method : null;

    /// <inheritdoc/>
    public bool Equals(SpecIndex? other) => other is not null && Methods.Equals(other.Methods) && Types.Equals(other.Types) && Events.Equals(other.Events);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SpecIndex);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked((((Methods.GetHashCode() * 31) + Types.GetHashCode()) * 31) + Events.GetHashCode());

    private static bool IsOwn(List<MethodModel> specs, string path) => specs.Exists(m => m.FilePath == path && !m.Shipped);

    private static void AddTypes(Dictionary<string, (string Owner, TypeModel Definition)> types, MethodModel method)
    {
        foreach (var type in method.Types)
        {
            if (!types.ContainsKey(type.Name))
            {
                types.Add(type.Name, (method.FilePath, type));
            }
        }
    }

    /// <summary>
    /// The object type a property relates to (<c>responsible</c>: a user): its type, or its items', when an object type;
    /// a filter or select names the related object's fields dotted. Null for any other property.
    /// </summary>
    /// <param name="type">The property's type.</param>
    /// <param name="lookup">Finds a declared type by name.</param>
    public static string? RelatedObject(TypeRef type, Func<string, TypeModel?> lookup)
    {
        var target = type.Kind == WireKind.Array ? type.Items! : type;
        return target.Kind == WireKind.Named && lookup(target.Name!) is { Kind: TypeKind.Object } related ? related.Name : null;
    }

    // The object types filters and selects name, and those reached from them through related objects.
    private static Dictionary<string, QueryFields> QueryFieldsOf(Dictionary<string, TypeModel> types, List<string> queried)
    {
        var fields = new Dictionary<string, QueryFields>(StringComparer.Ordinal);
        var pending = new Queue<string>();
        foreach (var name in queried.Where(n => types.TryGetValue(n, out var type) && type.Kind == TypeKind.Object))
        {
            fields[name] = QueryFields.Entity;
            pending.Enqueue(name);
        }

        TypeModel? Lookup(string name) => types.TryGetValue(name, out var found) ? found : null;
        while (pending.Count > 0)
        {
            foreach (var property in types[pending.Dequeue()].Properties)
            {
                if (RelatedObject(property.Type, Lookup) is { } related && !fields.ContainsKey(related))
                {
                    fields[related] = QueryFields.Related;
                    pending.Enqueue(related);
                }
            }
        }

        return fields;
    }

    // The names the generated code gives classes of its own beside the declared types: the client's group classes,
    // each enum's and union's converter, each key's kind enum, and the fields classes of the types filters and selects
    // reach. A declared type of such a name is left out.
    private static Dictionary<string, string> GeneratedNames(IEnumerable<IndexedMethod> methods, IEnumerable<TypeModel> types, IReadOnlyDictionary<string, QueryFields> fields)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var method in methods)
        {
            var segments = method.ClientPath.Split('.');
            for (var depth = 1; depth < segments.Length; depth++)
            {
                names[Names.GroupClassName(segments.Take(depth))] = "the client's methods under '" + string.Join(".", segments.Take(depth)) + "'";
            }
        }

        foreach (var type in types)
        {
            var companion = type.Kind switch
            {
                TypeKind.Enum or TypeKind.Union => type.Name + "JsonConverter",
                TypeKind.Key => type.Name + "Kind",
                _ => null,
            };
            if (companion is not null)
            {
                names[companion] = "type '" + type.Name + "'";
            }

            if (fields.TryGetValue(type.Name, out var queried) && queried != QueryFields.None)
            {
                names[Names.QueryFieldsTypeName(type.Name)] = "the filter and select fields of type '" + type.Name + "'";
            }
        }

        return names;
    }

    // A type can be generated when neither it nor any type it reaches has a problem: find the types with problems
    // of their own, then everything that reaches them.
    private static Dictionary<string, bool> Validity(Dictionary<string, TypeModel> types, Dictionary<string, string> generatedNames)
    {
        var referrers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var invalid = new Queue<string>();
        var result = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var type in types.Values)
        {
            var check = new ReferenceCheck(name => types.TryGetValue(name, out var found) ? found : null, report: null);
            check.Type(type, Diagnostics.SpecPath.Root);
            var valid = check.IsValid && !generatedNames.ContainsKey(type.Name);
            result[type.Name] = valid;
            if (!valid)
            {
                invalid.Enqueue(type.Name);
            }

            foreach (var reached in check.Reached)
            {
                if (!referrers.TryGetValue(reached, out var list))
                {
                    referrers[reached] = list = new List<string>();
                }

                list.Add(type.Name);
            }
        }

        while (invalid.Count > 0)
        {
            if (!referrers.TryGetValue(invalid.Dequeue(), out var list))
            {
                continue;
            }

            foreach (var referrer in list.Where(r => result[r]))
            {
                result[referrer] = false;
                invalid.Enqueue(referrer);
            }
        }

        return result;
    }
}
