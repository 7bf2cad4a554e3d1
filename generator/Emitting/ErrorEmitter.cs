using System.Globalization;
using System.Linq;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>Emits the enum of a method's documented errors, and the map that recognises them.</summary>
internal static class ErrorEmitter
{
    public static void EmitEnum(SourceWriter writer, MethodModel method, string enumName)
    {
        writer.Doc("summary", "The documented errors of " + DocComments.Code(method.Name) + ".");
        writer.Doc("remarks", "A failed call raises <see cref=\"Bitrix24ApiException{TError}\"/> with one of these in <c>Error</c>.");
        writer.Line(Attributes.GeneratedCode);
        writer.Open("public enum " + enumName);
        for (var i = 0; i < method.Errors.Count; i++)
        {
            var error = method.Errors[i];
            if (i > 0)
            {
                writer.Line();
            }

            writer.Doc("summary", DocComments.Text(error.Description ?? error.Message ?? error.Name, error.Name));
            var code = error.Code.Length == 0 ? "the empty code" : "code " + DocComments.Code(error.Code);
            writer.Doc("remarks", "HTTP " + error.Status.ToString(CultureInfo.InvariantCulture) + ", " + code +
                (error.Message is null ? "." : ", message: " + DocComments.Escape(error.Message)));
            writer.Line(error.Name + ",");
        }

        writer.Close();
    }

    /// <summary>The <c>errors:</c> argument of the method's descriptor: each member's code and message, in member order.</summary>
    public static void EmitMap(SourceWriter writer, MethodModel method, string enumName)
    {
        writer.Line("errors: new Bitrix24ErrorMap<" + enumName + ">(");
        writer.Indent();
        for (var i = 0; i < method.Errors.Count; i++)
        {
            var error = method.Errors[i];
            var end = i == method.Errors.Count - 1 ? "));" : ",";
            var required = RequiredParameter(error.Message, method.Name);
            var message = required is not null ? "Bitrix24ErrorMap.Required(" + DocComments.Literal(required) + ")"
                : error.Message is null ? "null" : DocComments.Literal(error.Message);
            var line = "(" + DocComments.Literal(error.Code) + ", " + message + ")" + end;
            if (writer.IndentWidth + line.Length <= SourceWriter.MaxLineLength || error.Message is null || required is not null)
            {
                writer.Line(line);
                continue;
            }

            // A long message goes over several lines, joined by the compiler.
            writer.Line("(" + DocComments.Literal(error.Code) + ",");
            writer.Indent();
            var parts = Split(error.Message, SourceWriter.MaxLineLength - writer.IndentWidth - 6);
            for (var p = 0; p < parts.Length; p++)
            {
                writer.Line((p > 0 ? "+ " : string.Empty) + DocComments.Literal(parts[p]) + (p == parts.Length - 1 ? ")" + end : string.Empty));
            }

            writer.Outdent();
        }

        writer.Outdent();
    }

    // The portal words a missing parameter the same way for every method; the runtime knows that wording.
    private static string? RequiredParameter(string? message, string method)
    {
        const string Start = "The required parameter \"";
        var end = "\" for the method \"" + method + "\" is not set";
        if (message is null || !message.StartsWith(Start, System.StringComparison.Ordinal))
        {
            return null;
        }

        var text = message.TrimEnd('.');
        if (!text.EndsWith(end, System.StringComparison.Ordinal) || text.Length <= Start.Length + end.Length)
        {
            return null;
        }

        var parameter = text.Substring(Start.Length, text.Length - Start.Length - end.Length);
        return parameter.IndexOf('"') < 0 ? parameter : null;
    }

    // Splits at spaces into parts of at most about `width` characters; each space stays at the end of its part.
    private static string[] Split(string text, int width)
    {
        var parts = new System.Collections.Generic.List<string>();
        var start = 0;
        while (text.Length - start > width)
        {
            var cut = text.LastIndexOf(' ', start + width, width);
            cut = cut <= start ? start + width : cut + 1;
            parts.Add(text.Substring(start, cut - start));
            start = cut;
        }

        parts.Add(text.Substring(start));
        return parts.Where(p => p.Length > 0).ToArray();
    }
}
