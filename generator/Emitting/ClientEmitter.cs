using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Generator.Model;
using Bitrix24.Generated.Generator.Validation;
using Microsoft.CodeAnalysis.CSharp;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>
/// Emits <c>Bitrix24Client</c> and one group class per dotted prefix, so that
/// <c>calendar.user.settings.set</c> is called as <c>client.Calendar.User.Settings.SetAsync(...)</c>.
/// </summary>
internal static class ClientEmitter
{
    private const string Connection = EmitContext.Runtime + ".Bitrix24Connection";
    private const string Token = "global::System.Threading.CancellationToken";

    private sealed class Group
    {
        public Group(IReadOnlyList<string> path) => Path = path;

        public IReadOnlyList<string> Path { get; }

        public SortedDictionary<string, Group> Children { get; } = new(StringComparer.Ordinal);

        public List<MethodModel> Methods { get; } = new();

        public string ClassName => string.Concat(Path.Select(Naming.ToPascalCase)) + "Api";

        public string PropertyName => Naming.ToPascalCase(Path[Path.Count - 1]);
    }

    public static IEnumerable<GeneratedSource> Emit(EmitContext context)
    {
        var root = new Group(Array.Empty<string>());
        foreach (var method in context.Model.Methods)
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

            group.Methods.Add(method);
        }

        yield return new GeneratedSource(context.RootNamespace + ".Bitrix24Client.g.cs", EmitClient(context, root));
        yield return new GeneratedSource(context.RootNamespace + ".Bitrix24ClientServiceCollectionExtensions.g.cs", EmitRegistration(context));
        foreach (var top in root.Children.Values)
        {
            var writer = new SourceWriter();
            writer.FileHeader();
            writer.Line();
            writer.Open("namespace " + Namespace(context, top));
            var first = true;
            foreach (var group in Flatten(top))
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                EmitGroup(writer, context, group);
            }

            writer.Close();
            yield return new GeneratedSource(Namespace(context, top) + "." + top.ClassName + ".g.cs", writer.ToString());
        }
    }

    private static IEnumerable<Group> Flatten(Group group) =>
        new[] { group }.Concat(group.Children.Values.SelectMany(Flatten));

    private static string Namespace(EmitContext context, Group group) => context.RootNamespace + "." + Naming.ToPascalCase(group.Path[0]);

    private static string FullName(EmitContext context, Group group) => "global::" + Namespace(context, group) + "." + group.ClassName;

    private static string EmitClient(EmitContext context, Group root)
    {
        var writer = new SourceWriter();
        writer.FileHeader();
        writer.Line();
        writer.Open("namespace " + context.RootNamespace);
        writer.Line("/// <summary>");
        writer.Line("/// The typed Bitrix24 REST client generated from this project's method specs. Methods are grouped by");
        writer.Line("/// the dotted method name: <c>calendar.user.settings.set</c> is <c>Calendar.User.Settings.SetAsync</c>.");
        writer.Line("/// </summary>");
        writer.Open("public sealed partial class Bitrix24Client : global::System.IDisposable");
        writer.Line("private readonly " + Connection + " _connection;");
        writer.Line("private readonly bool _ownsConnection;");
        EmitDescriptors(writer, context, root);

        writer.Line();
        writer.Line("/// <summary>Creates a client over a connection the caller owns.</summary>");
        writer.Line("/// <param name=\"connection\">The connection calls go through.</param>");
        writer.Line("public Bitrix24Client(" + Connection + " connection)");
        writer.Line(SourceWriter.Indent(1) + ": this(connection, ownsConnection: false)");
        writer.Block();
        writer.Close();
        writer.Line();
        writer.Open("private Bitrix24Client(" + Connection + " connection, bool ownsConnection)");
        writer.Line("_connection = connection ?? throw new global::System.ArgumentNullException(nameof(connection));");
        writer.Line("_ownsConnection = ownsConnection;");
        EmitChildInitializers(writer, context, root);

        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Creates a client for an incoming webhook, e.g. <c>https://portal.bitrix24.com/rest/1/abc123/</c>.</summary>");
        writer.Line("/// <param name=\"webhookUrl\">The webhook URL; its secret never appears in messages or logs.</param>");
        writer.Line("/// <param name=\"httpClient\">The HttpClient to send through; without one the client creates and disposes its own.</param>");
        writer.Line("public static Bitrix24Client FromWebhook(string webhookUrl, global::System.Net.Http.HttpClient? httpClient = null) =>");
        writer.Line(SourceWriter.Indent(1) + "new(" + Connection + ".FromWebhook(webhookUrl, httpClient), ownsConnection: true);");
        writer.Line();
        writer.Line("/// <summary>The connection calls go through.</summary>");
        writer.Line("public " + Connection + " Connection => _connection;");
        EmitMembers(writer, context, root);

        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// Starts a batch: calls made through the client it hands out are sent together by <c>batch</c>, 50 to a");
        writer.Line("/// request, e.g. <c>var settings = batch.Add(c =&gt; c.Calendar.Settings.GetAsync()); await batch.ExecuteAsync();</c>.");
        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"haltOnError\">Whether the portal stops at the first failing call; the later ones then fail as not run.</param>");
        writer.Line("public " + EmitContext.Runtime + ".Bitrix24Batch<Bitrix24Client> Batch(bool haltOnError = false) =>");
        writer.Line(SourceWriter.Indent(1) + "new(_connection, static connection => new Bitrix24Client(connection), haltOnError);");
        writer.Line();
        writer.Line("/// <summary>Disposes the connection when this client created it (<see cref=\"FromWebhook\"/>).</summary>");
        writer.Open("public void Dispose()");
        writer.Open("if (_ownsConnection)");
        writer.Line("_connection.Dispose();");
        writer.Close();
        writer.Close();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    /// <summary><c>services.AddBitrix24Client(...)</c> for this project's client.</summary>
    private static string EmitRegistration(EmitContext context)
    {
        const string DependencyInjection = "global::Microsoft.Extensions.DependencyInjection";
        var writer = new SourceWriter();
        writer.FileHeader();
        writer.Line();
        writer.Open("namespace " + context.RootNamespace);
        writer.Line("/// <summary>Registers the generated <see cref=\"Bitrix24Client\"/> with dependency injection.</summary>");
        writer.Open("public static partial class Bitrix24ClientServiceCollectionExtensions");
        writer.Line("/// <summary>");
        writer.Line("/// Registers <see cref=\"Bitrix24Client\"/> and its connection (transient) over <c>IHttpClientFactory</c>,");
        writer.Line("/// with options set by <paramref name=\"configure\"/>.");
        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"services\">The services.</param>");
        writer.Line("/// <param name=\"configure\">Sets the webhook or OAuth application, and timeouts, retries and the rate limit.</param>");
        writer.Line("/// <returns>The HttpClient's builder, to add handlers.</returns>");
        writer.Line("public static " + DependencyInjection + ".IHttpClientBuilder AddBitrix24Client(this " + DependencyInjection + ".IServiceCollection services, global::System.Action<" + EmitContext.Runtime + ".Bitrix24ClientOptions> configure) =>");
        writer.Line(SourceWriter.Indent(1) + DependencyInjection + ".Bitrix24ServiceCollectionExtensions.AddBitrix24Client(services, configure, static connection => new Bitrix24Client(connection));");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void EmitGroup(SourceWriter writer, EmitContext context, Group group)
    {
        writer.Line(GroupSummary(group));
        writer.Open("public sealed partial class " + group.ClassName);
        writer.Line("private readonly " + Connection + " _connection;");
        EmitDescriptors(writer, context, group);

        writer.Line();
        writer.Open("internal " + group.ClassName + "(" + Connection + " connection)");
        writer.Line("_connection = connection;");
        EmitChildInitializers(writer, context, group);
        writer.Close();
        EmitMembers(writer, context, group);
        writer.Close();
    }

    private static string GroupSummary(Group group) =>
        "/// <summary>Methods under " + DocComments.Code(string.Join(".", group.Path) + ".") + ".</summary>";

    /// <summary>One <c>Bitrix24Method</c> per method: its name, whether it may be replayed, its documented errors.</summary>
    private static void EmitDescriptors(SourceWriter writer, EmitContext context, Group group)
    {
        foreach (var method in group.Methods)
        {
            var head = "private static readonly " + EmitContext.Runtime + ".Bitrix24Method " + DescriptorField(method) + " = new(";
            var idempotent = SourceWriter.Indent(1) + "idempotent: " + (method.Idempotent ? "true" : "false");
            if (method.Errors.IsEmpty)
            {
                writer.Line(head + DocComments.Literal(method.Name) + ", " + idempotent.Trim() + ");");
                continue;
            }

            writer.Line(head);
            writer.Line(SourceWriter.Indent(1) + DocComments.Literal(method.Name) + ",");
            writer.Line(idempotent + ",");
            ErrorEmitter.EmitMapArgument(writer, context, method);
        }
    }

    private static string DescriptorField(MethodModel method)
    {
        var name = Naming.MethodMemberName(method);
        return "s_" + char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    private static void EmitChildInitializers(SourceWriter writer, EmitContext context, Group group)
    {
        foreach (var child in group.Children.Values)
        {
            writer.Line(child.PropertyName + " = new " + FullName(context, child) + "(connection);");
        }
    }

    /// <summary>The properties of a group's sub-groups, then its methods.</summary>
    private static void EmitMembers(SourceWriter writer, EmitContext context, Group group)
    {
        foreach (var child in group.Children.Values)
        {
            writer.Line();
            writer.Line(GroupSummary(child));
            writer.Line("public " + FullName(context, child) + " " + child.PropertyName + " { get; }");
        }

        foreach (var method in group.Methods)
        {
            writer.Line();
            EmitMethod(writer, context, method);
        }
    }

    private static void EmitMethod(SourceWriter writer, EmitContext context, MethodModel method)
    {
        var name = Naming.MethodMemberName(method) + "Async";
        var resultType = context.ClrType(method.Result.Type);
        var returnType = "global::System.Threading.Tasks.Task<" + EmitContext.Runtime + ".Bitrix24Response<" + resultType + ">>";
        var resultInfo = "global::" + context.RootNamespace + ".Bitrix24JsonContext.Default." + JsonContextEmitter.ResultPropertyName(method.Result.Type);
        var descriptor = DescriptorField(method);

        if (method.Parameters.IsEmpty)
        {
            EmitDocs(writer, context, method, parameters: null);
            writer.Line("public " + returnType + " " + name + "(" + Token + " cancellationToken = default) =>");
            writer.Line(SourceWriter.Indent(1) + "_connection.CallAsync(" + descriptor + ", " + resultInfo + ", cancellationToken);");
            return;
        }

        var request = context.RequestName(method);
        var ordered = method.Parameters.Where(p => p.Required).Concat(method.Parameters.Where(p => !p.Required)).ToList();
        var arguments = ordered.Select(p => (Property: p, Name: ParameterName(p))).ToList();

        EmitDocs(writer, context, method, arguments);
        var signature = string.Join(", ", arguments.Select(a => context.ClrType(a.Property.Type) + (a.Property.Required ? " " + a.Name : "? " + a.Name + " = null")));
        writer.Open("public " + returnType + " " + name + "(" + signature + ", " + Token + " cancellationToken = default)");
        foreach (var argument in arguments.Where(a => a.Property.Required && !context.IsValueType(a.Property.Type)))
        {
            writer.Open("if (" + argument.Name + " is null)");
            writer.Line("throw new global::System.ArgumentNullException(nameof(" + argument.Name + "));");
            writer.Close();
            writer.Line();
        }

        writer.Line("var request = new " + request);
        writer.Line("{");
        foreach (var argument in arguments)
        {
            writer.Line(SourceWriter.Indent(1) + argument.Property.CSharpName + " = " + argument.Name + ",");
        }

        writer.Line("};");
        writer.Line("return " + name + "(request, cancellationToken);");
        writer.Close();
        writer.Line();

        writer.Doc("summary", DocComments.Escape(method.Summary));
        writer.Line("/// <param name=\"request\">All parameters of " + DocComments.Code(method.Name) + "; unset ones are not sent.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        EmitOutcomeDocs(writer, context, method);
        writer.Open("public " + returnType + " " + name + "(" + request + " request, " + Token + " cancellationToken = default)");
        writer.Open("if (request is null)");
        writer.Line("throw new global::System.ArgumentNullException(nameof(request));");
        writer.Close();
        writer.Line();
        writer.Line("return _connection.CallAsync(" + descriptor + ", request, global::" + context.RootNamespace + ".Bitrix24JsonContext.Default." + JsonContextEmitter.RequestPropertyName(method) + ", " + resultInfo + ", cancellationToken);");
        writer.Close();
        if (method.Paged)
        {
            writer.Line();
            EmitPagedEnumeration(writer, context, method, name, request);
        }
    }

    /// <summary>For a paged list method, every item of every page as an <c>IAsyncEnumerable</c>.</summary>
    private static void EmitPagedEnumeration(SourceWriter writer, EmitContext context, MethodModel method, string name, string request)
    {
        var item = context.ClrType(method.Result.Type.Items!);
        var start = method.Parameters.First(p => p.WireName == "start").CSharpName;
        var allName = name.Substring(0, name.Length - "Async".Length) + "AllAsync";
        writer.Doc("summary", DocComments.Escape(method.Summary) + " Every page, item by item.");
        writer.Doc("remarks", DocComments.Paragraphs(new[]
        {
            "Calls " + DocComments.Code(method.Name) + " for one page of 50 at a time, setting " + DocComments.Code(start) + " of the request page by page, and asks for the next page only once the items of the last one were taken.",
            "Stops at the last page, after <paramref name=\"limit\"/> items, or when <paramref name=\"cancellationToken\"/> is cancelled.",
        }));
        EmitEnumerationHead(writer, allName, item, request, "The parameters of " + DocComments.Code(method.Name) + "; its " + DocComments.Code(start) + " is set for each page.", "The items, page after page.");
        writer.Line("return " + EmitContext.Runtime + ".Bitrix24Paging.EnumerateAsync<" + item + ">(");
        writer.Line(SourceWriter.Indent(1) + "(start, token) =>");
        writer.Line(SourceWriter.Indent(1) + "{");
        writer.Line(SourceWriter.Indent(2) + "request." + start + " = start;");
        writer.Line(SourceWriter.Indent(2) + "return " + name + "(request, token);");
        writer.Line(SourceWriter.Indent(1) + "},");
        writer.Line(SourceWriter.Indent(1) + "limit,");
        writer.Line(SourceWriter.Indent(1) + "cancellationToken);");
        writer.Close();
        if (method.FastPaging is { } fast)
        {
            writer.Line();
            EmitFastEnumeration(writer, context, method, fast, name, request, item, start);
        }
    }

    /// <summary>The parameter docs, signature and request check shared by the enumerating methods.</summary>
    private static void EmitEnumerationHead(SourceWriter writer, string name, string item, string request, string requestDoc, string returnsDoc)
    {
        writer.Line("/// <param name=\"request\">" + requestDoc + "</param>");
        writer.Line("/// <param name=\"limit\">The most items to yield; null for all.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Stops the enumeration.</param>");
        writer.Line("/// <returns>" + returnsDoc + "</returns>");
        writer.Open("public global::System.Collections.Generic.IAsyncEnumerable<" + item + "> " + name + "(" + request + " request, int? limit = null, " + Token + " cancellationToken = default)");
        writer.Open("if (request is null)");
        writer.Line("throw new global::System.ArgumentNullException(nameof(request));");
        writer.Close();
        writer.Line();
    }

    /// <summary>The fast walk: <c>start=-1</c> (no total counted) and a filter on ids above the last one seen.</summary>
    private static void EmitFastEnumeration(SourceWriter writer, EmitContext context, MethodModel method, FastPagingModel fast, string name, string request, string item, string start)
    {
        var idProperty = context.Type(method.Result.Type.Items!.Name!).Properties.First(p => p.WireName == fast.IdProperty).CSharpName;
        var filter = method.Parameters.First(p => p.WireName == fast.FilterParameter).CSharpName;
        var order = fast.OrderParameter is null ? null : method.Parameters.First(p => p.WireName == fast.OrderParameter).CSharpName;
        var fastName = name.Substring(0, name.Length - "Async".Length) + "AllFastAsync";
        var dictionary = "global::System.Collections.Generic.Dictionary<string, string>";
        writer.Doc("summary", DocComments.Escape(method.Summary) + " Every item, the fast way for big lists.");
        writer.Doc("remarks", DocComments.Paragraphs(new[]
        {
            "Asks for pages without counting the total (" + DocComments.Code(start + " = -1") + "), each filtered to ids above the last one seen (" +
                DocComments.Code(filter + "[\">" + fast.IdProperty + "\"]") + ")" + (order is null ? string.Empty : ", sorted by id (" + DocComments.Code(order + "[\"" + fast.IdProperty + "\"] = \"ASC\"") + ")") +
                ", until a page comes back short. Other filter entries of the request are kept.",
            "Stops at the last page, after <paramref name=\"limit\"/> items, or when <paramref name=\"cancellationToken\"/> is cancelled.",
        }));
        EmitEnumerationHead(writer, fastName, item, request, "The parameters of " + DocComments.Code(method.Name) + "; its paging fields are set for each page.", "The items, in the order of their ids.");
        writer.Line("return " + EmitContext.Runtime + ".Bitrix24Paging.EnumerateByIdAsync<" + item + ">(");
        writer.Line(SourceWriter.Indent(1) + "(after, token) =>");
        writer.Line(SourceWriter.Indent(1) + "{");
        writer.Line(SourceWriter.Indent(2) + "request." + start + " = -1;");
        if (order is not null)
        {
            writer.Line(SourceWriter.Indent(2) + "(request." + order + " ??= new " + dictionary + "())[" + DocComments.Literal(fast.IdProperty) + "] = \"ASC\";");
        }

        writer.Line(SourceWriter.Indent(2) + "var filter = request." + filter + " ??= new " + dictionary + "();");
        writer.Line(SourceWriter.Indent(2) + "filter.Remove(" + DocComments.Literal(">" + fast.IdProperty) + ");");
        writer.Line(SourceWriter.Indent(2) + "if (after is { } id)");
        writer.Line(SourceWriter.Indent(2) + "{");
        writer.Line(SourceWriter.Indent(3) + "filter[" + DocComments.Literal(">" + fast.IdProperty) + "] = id.ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
        writer.Line(SourceWriter.Indent(2) + "}");
        writer.Line();
        writer.Line(SourceWriter.Indent(2) + "return " + name + "(request, token);");
        writer.Line(SourceWriter.Indent(1) + "},");
        writer.Line(SourceWriter.Indent(1) + "static item => item." + idProperty + ",");
        writer.Line(SourceWriter.Indent(1) + "limit,");
        writer.Line(SourceWriter.Indent(1) + "cancellationToken);");
        writer.Close();
    }

    private static void EmitDocs(SourceWriter writer, EmitContext context, MethodModel method, List<(PropertyModel Property, string Name)>? parameters)
    {
        writer.Doc("summary", DocComments.Escape(method.Summary));
        var remarks = new List<string>
        {
            "Calls " + DocComments.Code(method.Name) + " (scope " + DocComments.Code(method.Scope) +
            (method.Access is null ? string.Empty : "; " + DocComments.Escape(method.Access)) + ").",
        };
        if (method.Description is not null)
        {
            remarks.Add(DocComments.Escape(method.Description));
        }

        writer.Doc("remarks", DocComments.Paragraphs(remarks));
        foreach (var parameter in parameters ?? new List<(PropertyModel Property, string Name)>())
        {
            writer.Doc("param", DocComments.Escape(parameter.Property.Description ?? parameter.Property.WireName), " name=\"" + parameter.Name.TrimStart('@') + "\"");
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        EmitOutcomeDocs(writer, context, method);
    }

    private static void EmitOutcomeDocs(SourceWriter writer, EmitContext context, MethodModel method)
    {
        writer.Doc("returns", (method.Result.Description is null ? "The result" : DocComments.Escape(method.Result.Description)) +
            " The response also carries the envelope's timing.");
        var apiError = method.Errors.IsEmpty
            ? "The portal answered with an error."
            : "The portal answered with an error; it is a <see cref=\"global::Bitrix24.Generated.Bitrix24ApiException{TError}\"/> of <see cref=\"" + context.ErrorEnumName(method) + "\"/>.";
        writer.Line("/// <exception cref=\"global::Bitrix24.Generated.Bitrix24ApiException\">" + apiError + "</exception>");
        writer.Line("/// <exception cref=\"global::Bitrix24.Generated.Bitrix24ResponseFormatException\">The answer is not a Bitrix24 response.</exception>");
        writer.Line("/// <exception cref=\"global::Bitrix24.Generated.Bitrix24TransportException\">The portal could not be reached or did not answer in time.</exception>");
    }

    private static string ParameterName(PropertyModel property)
    {
        var name = char.ToLowerInvariant(property.CSharpName[0]) + property.CSharpName.Substring(1);
        if (name is "cancellationToken" or "request")
        {
            return name + "Value";
        }

        return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }
}
