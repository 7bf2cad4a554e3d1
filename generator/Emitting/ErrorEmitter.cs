using System.Globalization;
using Bitrix24.Generated.Generator.Model;
using Bitrix24.Generated.Generator.Validation;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>Emits the enum of a method's documented errors, and the map that recognises them.</summary>
internal static class ErrorEmitter
{
    public static string EnumName(MethodModel method) => Naming.MethodTypePrefix(method) + "Error";

    public static void EmitEnum(SourceWriter writer, MethodModel method)
    {
        writer.Line("/// <summary>The documented errors of " + DocComments.Code(method.Name) + ".</summary>");
        writer.Line("/// <remarks>A failed call raises <see cref=\"global::Bitrix24.Generated.Bitrix24ApiException{TError}\"/> with one of these in <c>Error</c>.</remarks>");
        writer.Open("public enum " + EnumName(method));
        foreach (var error in method.Errors)
        {
            writer.Doc("summary", DocComments.Escape(error.Description ?? error.Message ?? error.Name));
            var code = error.Code.Length == 0 ? "the empty code" : "code " + DocComments.Code(error.Code);
            var remarks = "HTTP " + error.Status.ToString(CultureInfo.InvariantCulture) + ", " + code +
                (error.Message is null ? "." : ", message: " + DocComments.Escape(error.Message));
            writer.Doc("remarks", remarks);
            writer.Line(error.Name + ",");
        }

        writer.Close();
    }

    /// <summary>The arguments that build the method's <c>Bitrix24ErrorMap</c>, one line each.</summary>
    public static void EmitMapArgument(SourceWriter writer, EmitContext context, MethodModel method)
    {
        var enumName = context.ErrorEnumName(method);
        var mapping = EmitContext.Runtime + ".Bitrix24ErrorMapping<" + enumName + ">";
        writer.Line(SourceWriter.Indent(1) + "errors: new " + EmitContext.Runtime + ".Bitrix24ErrorMap<" + enumName + ">(");
        for (var i = 0; i < method.Errors.Count; i++)
        {
            var error = method.Errors[i];
            var message = error.Message is null ? "null" : DocComments.Literal(error.Message);
            writer.Line(SourceWriter.Indent(2) + "new " + mapping + "(" + enumName + "." + error.Name + ", " + DocComments.Literal(error.Code) + ", " + message + ")" + (i == method.Errors.Count - 1 ? "));" : ","));
        }
    }
}
