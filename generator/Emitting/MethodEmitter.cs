using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>
/// Emits a method's part of its group class: the method's descriptor, the call with flattened parameters, the call
/// with the request object, and for list methods the walks over every page.
/// </summary>
internal static class MethodEmitter
{
    private const string Token = "CancellationToken cancellationToken = default";

    /// <summary>
    /// Emits the method's part; <paramref name="typePrefix"/> names its request class and error enum,
    /// <paramref name="clientPath"/> its class (its name, but for a REST 3.0 twin).
    /// </summary>
    public static void Emit(SourceWriter writer, TypeCode code, MethodModel method, string typePrefix, string clientPath)
    {
        var member = Names.MethodMemberName(method);
        var name = member + "Async";
        var descriptor = "s_" + Names.ToCamelCase(member);
        var result = code.WholeClr(method.Result.Type);
        var returns = "Task<Bitrix24Response<" + result + ">>";
        var request = code.TypeName(Names.RequestTypeName(typePrefix), method.Scope);
        var errors = code.TypeName(Names.ErrorTypeName(typePrefix), method.Scope);

        writer.Open("public sealed partial class " + ClientGroups.ClassOf(clientPath));
        var field = "private static readonly Bitrix24Method<" + result + "> " + descriptor + " = new(";
        // Named, so that each is left out when it holds its default.
        var options = (method.Idempotent ? ", idempotent: true" : string.Empty) + (method.Api == MethodApi.V3 ? ", api: Bitrix24ApiVersion.Rest3" : string.Empty);
        var head = DocComments.Literal(method.Name) + ", " + code.Converter(method.Result.Type) + options;
        if (method.Errors.IsEmpty && writer.IndentWidth + field.Length + head.Length + 2 <= SourceWriter.MaxLineLength)
        {
            writer.Line(field + head + ");");
        }
        else
        {
            writer.Line(field);
            writer.Indent();
            var end = method.Errors.IsEmpty ? ");" : ",";
            if (writer.IndentWidth + head.Length + end.Length <= SourceWriter.MaxLineLength)
            {
                writer.Line(head + end);
            }
            else
            {
                writer.Line(DocComments.Literal(method.Name) + ",");
                writer.Expression(code.Converter(method.Result.Type), options.Length > 0 ? "," : end);
                if (options.Length > 0)
                {
                    writer.Line(options.Substring(2) + end);
                }
            }

            if (!method.Errors.IsEmpty)
            {
                ErrorEmitter.EmitMap(writer, method, errors);
            }

            writer.Outdent();
        }

        writer.Line();
        if (method.Parameters.IsEmpty)
        {
            EmitDocs(writer, method, errors, parameters: null);
            writer.Line("public " + returns + " " + name + "(" + Token + ") =>");
            writer.Indent().Line(ClientGroups.ConnectionOf(clientPath) + ".CallAsync(" + descriptor + ", cancellationToken);").Outdent();
            writer.Close();
            return;
        }

        // Required parameters lead, checked for null; the others default to unset.
        var ordered = method.Parameters.Where(p => p.Required).Concat(method.Parameters.Where(p => !p.Required)).ToList();
        // Apart from the method's own parameters and itself, and from nameof, which as a parameter would make
        // nameof(…) a call of it.
        var names = Locals.Unique(ordered.Select(p => p.CSharpName), new[] { "cancellationToken", "request", "nameof", name, Names.RequestTypeName(typePrefix) });
        var arguments = ordered.Select((p, i) => (Property: p, Name: names[i])).ToList();
        EmitDocs(writer, method, errors, arguments);
        var signature = arguments
            .Select(a => code.Clr(a.Property.Type) + (a.Property.Required ? " " + a.Name : "? " + a.Name + " = null"))
            .Append(Token)
            .ToList();
        writer.List("public " + returns + " " + name + "(", signature, ") =>");
        writer.Indent();
        var assignments = arguments.Select(a => a.Property.CSharpName + " = " + a.Name +
            (a.Property.Required && !code.IsValueType(a.Property.Type) ? " ?? throw new ArgumentNullException(nameof(" + a.Name + "))" : string.Empty)).ToList();
        var oneLine = name + "(new " + request + " { " + string.Join(", ", assignments) + " }, cancellationToken);";
        if (writer.IndentWidth + oneLine.Length <= SourceWriter.MaxLineLength)
        {
            writer.Line(oneLine);
        }
        else
        {
            writer.Line(name + "(");
            writer.Indent();
            writer.Line("new " + request);
            writer.Line("{");
            writer.Indent();
            foreach (var assignment in assignments)
            {
                writer.Line(assignment + ",");
            }

            writer.Outdent();
            writer.Line("},");
            writer.Line("cancellationToken);");
            writer.Outdent();
        }

        writer.Outdent();
        writer.Line();
        writer.Doc("summary", DocComments.Text(method.Summary, method.Name));
        writer.Doc("remarks", DeprecatedNote(method));
        writer.Line("/// <param name=\"request\">All parameters of " + DocComments.Code(method.Name) + "; unset ones are not sent.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        EmitOutcomeDocs(writer, method, errors);
        writer.List("public " + returns + " " + name + "(", new[] { request + " request", Token }, ") =>");
        writer.Indent().Line(ClientGroups.ConnectionOf(clientPath) + ".CallAsync(" + descriptor + ", request, cancellationToken);").Outdent();
        if (method.Paged)
        {
            writer.Line();
            EmitPaged(writer, code, method, name, request);
        }

        writer.Close();
    }

    /// <summary>For a paged list method, every item of every page, and with <c>fastPaging</c> the fast walk.</summary>
    private static void EmitPaged(SourceWriter writer, TypeCode code, MethodModel method, string name, string request)
    {
        // A result that wraps the page ({"items": [...]}) yields the items of its list property.
        var wrapped = method.PageItems;
        var item = code.WholeClr(wrapped?.Items ?? method.Result.Type.Items!);
        if (method.Pagination is { } pagination)
        {
            EmitPages(writer, method, name, request, item, wrapped!, pagination);
            return;
        }

        var start = method.Parameters.First(p => p.WireName == "start").CSharpName;
        var stem = name.Substring(0, name.Length - "Async".Length);
        var parameters = new[] { request + " request", "int? limit = null", Token };
        writer.Doc("summary", DocComments.Escape(method.Summary) + " Every page, item by item.");
        var remarks = "Asks for one page of 50 at a time, setting " + DocComments.Code(start) +
            " of the request, and for the next page only once the items of the last one were taken.";
        writer.Doc("remarks", WithDeprecatedNote(method, remarks));
        EmitWalkDocs(writer, method, "The parameters; its " + DocComments.Code(start) + " is set for each page.", "The items, page after page.");
        writer.List("public IAsyncEnumerable<" + item + "> " + stem + "AllAsync(", parameters, ") =>");
        var items = wrapped is null ? string.Empty : "static result => result?." + wrapped.CSharpName + ", ";
        writer.Indent().Line("Bitrix24Paging.EnumerateAsync(request, static (r, start) => r." + start + " = start, " + name + ", " + items + "limit, cancellationToken);").Outdent();
        if (method.FastPaging is not { } fast)
        {
            return;
        }

        var filter = method.Parameters.First(p => p.WireName == fast.FilterParameter).CSharpName;
        var order = fast.OrderParameter is null ? null : method.Parameters.First(p => p.WireName == fast.OrderParameter).CSharpName;
        writer.Line();
        writer.Doc("summary", DocComments.Escape(method.Summary) + " Every item, the fast way for big lists.");
        remarks = "Asks without counting the total (" + DocComments.Code(start + " = -1") + "), for ids above the last one seen (" +
            DocComments.Code(filter + "[\">" + fast.IdProperty + "\"]") + ")" + (order is null ? string.Empty : ", sorted by id") +
            ", until a page comes back short. Other filter entries are kept.";
        writer.Doc("remarks", WithDeprecatedNote(method, remarks));
        EmitWalkDocs(writer, method, "The parameters; its paging fields are set for each page.", "The items, in the order of their ids.");
        writer.List("public IAsyncEnumerable<" + item + "> " + stem + "AllFastAsync(", parameters, ") =>");
        writer.Indent();
        writer.Line("Bitrix24Paging.EnumerateByIdAsync(");
        writer.Indent();
        writer.Line("request,");
        writer.Line(DocComments.Literal(fast.IdProperty) + ",");
        writer.Line("static (r, start) => r." + start + " = start,");
        var filterValues = method.Parameters.First(p => p.WireName == fast.FilterParameter).Type.Items!.Kind == WireKind.Json ? "JsonNode?" : "string";
        writer.Line("static r => r." + filter + " ??= new Dictionary<string, " + filterValues + ">(),");
        writer.Line(order is null ? "null," : "static r => r." + order + " ??= new Dictionary<string, string>(),");
        writer.Line(name + ",");
        writer.Line("static item => item." + fast.IdCSharpName + ",");
        writer.Line("limit,");
        writer.Line("cancellationToken);");
        writer.Outdent();
        writer.Outdent();
    }

    /// <summary>For a REST 3.0 list (<c>paging: page</c>), every item of every page, asked for by page number.</summary>
    private static void EmitPages(SourceWriter writer, MethodModel method, string name, string request, string item, PageItemsModel items, PaginationModel pagination)
    {
        var parameter = method.Parameters.First(p => p.WireName == "pagination");
        var stem = name.Substring(0, name.Length - "Async".Length);
        writer.Doc("summary", DocComments.Escape(method.Summary) + " Every page, item by item.");
        var remarks = "Asks for one page of 50 at a time, setting " + DocComments.Code(parameter.CSharpName) +
            " of the request to the page's number and size, and for the next page only once the items of the last one were taken, until a page comes back short.";
        writer.Doc("remarks", WithDeprecatedNote(method, remarks));
        EmitWalkDocs(writer, method, "The parameters; its " + DocComments.Code(parameter.CSharpName) + " is set for each page.", "The items, page after page.");
        writer.List("public IAsyncEnumerable<" + item + "> " + stem + "AllAsync(", new[] { request + " request", "int? limit = null", Token }, ") =>");
        writer.Indent();
        writer.Line("Bitrix24Paging.EnumerateRest3Async(");
        writer.Indent();
        writer.Line("request,");
        var page = "static (r, page, size) => r." + parameter.CSharpName + (pagination.IsJson
            ? " = new JsonObject { [\"page\"] = page, [\"limit\"] = size },"
            : " = new() { " + pagination.PageCSharpName + " = page, " + pagination.LimitCSharpName + " = size },");
        writer.Line(page);
        writer.Line(name + ",");
        writer.Line("static result => result." + items.CSharpName + ",");
        writer.Line("limit: limit,");
        writer.Line("cancellationToken: cancellationToken);");
        writer.Outdent();
        writer.Outdent();
    }

    private static void EmitWalkDocs(SourceWriter writer, MethodModel method, string requestDoc, string returnsDoc)
    {
        writer.Line("/// <param name=\"request\">" + requestDoc + "</param>");
        writer.Line("/// <param name=\"limit\">The most items to yield; null for all.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Stops the walk.</param>");
        writer.Line("/// <returns>" + returnsDoc + "</returns>");
        EmitSeeAlso(writer, method);
    }

    private static void EmitDocs(SourceWriter writer, MethodModel method, string errors, List<(PropertyModel Property, string Name)>? parameters)
    {
        writer.Doc("summary", DocComments.Text(method.Summary, method.Name));
        var remarks = new List<string>
        {
            "Calls " + DocComments.Code(method.Name) + " (scope " + DocComments.Code(method.Scope) +
            (method.Access is null ? string.Empty : "; " + DocComments.Escape(method.Access)) + ").",
        };
        if (method.Description is not null)
        {
            remarks.Add(DocComments.Escape(method.Description));
        }

        if (DeprecatedNote(method) is { } note)
        {
            remarks.Add(note);
        }

        writer.Doc("remarks", DocComments.Paragraphs(remarks));
        foreach (var parameter in parameters ?? new List<(PropertyModel Property, string Name)>())
        {
            writer.Doc("param", DocComments.Text(parameter.Property.Description ?? parameter.Property.WireName, parameter.Property.WireName), " name=\"" + parameter.Name.TrimStart('@') + "\"");
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        EmitOutcomeDocs(writer, method, errors);
    }

    // errors: the error enum as the file writes it.
    private static void EmitOutcomeDocs(SourceWriter writer, MethodModel method, string errors)
    {
        var result = method.Result.Description is null ? "The result." : DocComments.Escape(method.Result.Description).TrimEnd('.') + ".";
        writer.Doc("returns", result + " The response also carries the envelope's timing.");
        writer.Doc("exception", method.Errors.IsEmpty
            ? "The call failed: the portal answered with an error, or not at all."
            : "The call failed; the portal's documented errors are <see cref=\"Bitrix24ApiException{TError}\"/> of <see cref=\"" + errors + "\"/>.",
            " cref=\"Bitrix24Exception\"");
        EmitSeeAlso(writer, method);
    }

    // The published page, on every overload. One line, however long: a URL does not wrap.
    private static void EmitSeeAlso(SourceWriter writer, MethodModel method)
    {
        if (method.Docs is not null)
        {
            writer.Line("/// <seealso href=\"" + DocComments.Attribute(method.Docs) + "\">Bitrix24 documentation</seealso>");
        }
    }

    // Said on every overload rather than as [Obsolete]: the docs mark widely used methods so, and an attribute would
    // break the builds of everyone who treats warnings as errors.
    private static string? DeprecatedNote(MethodModel method) => method.Deprecated switch
    {
        null => null,
        "" => "Bitrix24 no longer develops this method.",
        var successor => "Bitrix24 no longer develops this method; it points to " + DocComments.Code(successor) + " instead.",
    };

    private static string WithDeprecatedNote(MethodModel method, string remarks) =>
        DeprecatedNote(method) is { } note ? DocComments.Paragraphs(new[] { remarks, note }) : remarks;
}
