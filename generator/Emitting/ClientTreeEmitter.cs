using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Specs.Linking;
using Bitrix24.Generated.Specs.Naming;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>
/// Emits <c>Bitrix24Client</c> and one group class per dotted prefix, so that <c>calendar.user.settings.set</c> is
/// called as <c>client.Calendar.User.Settings.SetAsync(...)</c>. Only the tree: each method is emitted with its spec
/// as a part of its group class, so this file changes only when the set of method names does.
/// </summary>
internal static class ClientTreeEmitter
{
    private sealed class Group
    {
        public Group(IReadOnlyList<string> path) => Path = path;

        public IReadOnlyList<string> Path { get; }

        public SortedDictionary<string, Group> Children { get; } = new(StringComparer.Ordinal);

        public bool HasMethods { get; set; }

        public string ClassName => ClientGroups.ClassName(Path);

        public string PropertyName => Names.ToPascalCase(Path[Path.Count - 1]);

        public string Summary => "/// <summary>Methods under " + DocComments.Code(string.Join(".", Path) + ".") + ".</summary>";
    }

    public static IEnumerable<GeneratedSource> Emit(string rootNamespace, IEnumerable<MethodName> methods)
    {
        var root = new Group(Array.Empty<string>());
        foreach (var method in methods)
        {
            var segments = method.Name.Split('.');
            var group = root;
            for (var i = 0; i < segments.Length - 1; i++)
            {
                if (!group.Children.TryGetValue(segments[i], out var child))
                {
                    child = new Group(segments.Take(i + 1).ToArray());
                    group.Children.Add(segments[i], child);
                }

                group = child;
            }

            group.HasMethods = true;
        }

        yield return new GeneratedSource(rootNamespace + ".Bitrix24Client.g.cs", SpecEmitter.Compose(rootNamespace, new[] { (rootNamespace, Client(rootNamespace, root)) }));

        // Hint names must differ ignoring case; groups may not (ab.x and aB.y).
        var hints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var top in root.Children.Values)
        {
            var ns = ClientGroups.Namespace(rootNamespace, top.Path[0]);
            var writer = new SourceWriter();
            var first = true;
            foreach (var group in Flatten(top))
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                EmitGroup(writer, group);
            }

            // A file per top-level group, named apart from the specs' files, which never have a third part.
            var hint = rootNamespace + ".Bitrix24Client." + Names.ToPascalCase(top.Path[0]);
            for (var n = 2; !hints.Add(hint); n++)
            {
                hint = rootNamespace + ".Bitrix24Client." + Names.ToPascalCase(top.Path[0]) + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            yield return new GeneratedSource(hint + ".g.cs", SpecEmitter.Compose(rootNamespace, new[] { (ns, writer.ToString()) }));
        }
    }

    private static IEnumerable<Group> Flatten(Group group) => new[] { group }.Concat(group.Children.Values.SelectMany(Flatten));

    private static string Client(string rootNamespace, Group root)
    {
        var properties = new SourceWriter().Indent();
        var initializers = new SourceWriter().Indent().Indent();
        foreach (var top in root.Children.Values)
        {
            var type = "global::" + ClientGroups.Namespace(rootNamespace, top.Path[0]) + "." + top.ClassName;
            properties.Line();
            properties.Line(top.Summary);
            properties.Line("public " + type + " " + top.PropertyName + " { get; }");
            initializers.Line(top.PropertyName + " = new(connection);");
        }

        var writer = new SourceWriter();
        writer.Lines($$"""
            /// <summary>
            /// The typed Bitrix24 REST client generated from this project's method specs. Methods are grouped by the
            /// dotted method name: <c>calendar.user.settings.set</c> is <c>Calendar.User.Settings.SetAsync</c>.
            /// </summary>
            {{Attributes.GeneratedCode}}
            public sealed partial class Bitrix24Client : Bitrix24ClientBase<Bitrix24Client>
            {
                /// <summary>Creates a client over a connection the caller owns.</summary>
                /// <param name="connection">The connection calls go through.</param>
                public Bitrix24Client(Bitrix24Connection connection)
                    : this(connection, ownsConnection: false)
                {
                }

                private Bitrix24Client(Bitrix24Connection connection, bool ownsConnection)
                    : base(connection, ownsConnection)
                {
            {{initializers.ToString().TrimEnd('\n')}}
                }
            {{properties.ToString().TrimEnd('\n')}}

                /// <summary>
                /// Creates a client for an incoming webhook, e.g. <c>https://portal.bitrix24.com/rest/1/abc123/</c>.
                /// </summary>
                /// <param name="webhookUrl">The webhook URL; its secret never appears in messages or logs.</param>
                /// <param name="httpClient">The HttpClient to send through; without one the client makes its own.</param>
                public static Bitrix24Client FromWebhook(string webhookUrl, HttpClient? httpClient = null) =>
                    new(Bitrix24Connection.FromWebhook(webhookUrl, httpClient), ownsConnection: true);

                /// <inheritdoc/>
                protected override Bitrix24Client Over(Bitrix24Connection connection) => new(connection);
            }

            /// <summary>Registers the generated <see cref="Bitrix24Client"/> with dependency injection.</summary>
            {{Attributes.GeneratedCode}}
            public static partial class Bitrix24ClientServiceCollectionExtensions
            {
                /// <summary>
                /// Registers <see cref="Bitrix24Client"/> and its connection (transient) over <c>IHttpClientFactory</c>, with
                /// options set by <paramref name="configure"/>.
                /// </summary>
                /// <param name="services">The services.</param>
                /// <param name="configure">Sets the webhook or OAuth application, timeouts, retries and the rate limit.</param>
                /// <returns>The HttpClient's builder, to add handlers.</returns>
                public static IHttpClientBuilder AddBitrix24Client(
                    this IServiceCollection services,
                    Action<Bitrix24ClientOptions> configure) =>
                    services.AddBitrix24Client(configure, static connection => new Bitrix24Client(connection));
            }
            """);
        return writer.ToString();
    }

    private static void EmitGroup(SourceWriter writer, Group group)
    {
        writer.Line(group.Summary);
        writer.Line(Attributes.GeneratedCode);
        writer.Open("public sealed partial class " + group.ClassName);
        if (group.HasMethods)
        {
            writer.Line("private readonly Bitrix24Connection _connection;");
            writer.Line();
        }

        writer.Open("internal " + group.ClassName + "(Bitrix24Connection connection)");
        if (group.HasMethods)
        {
            writer.Line("_connection = connection;");
        }

        foreach (var child in group.Children.Values)
        {
            writer.Line(child.PropertyName + " = new(connection);");
        }

        writer.Close();
        foreach (var child in group.Children.Values)
        {
            writer.Line();
            writer.Line(child.Summary);
            writer.Line("public " + child.ClassName + " " + child.PropertyName + " { get; }");
        }

        writer.Close();
    }
}
