using System.Linq;
using Bitrix24.Generated.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generated.Generator.Diagnostics;

internal static class DiagnosticInfoExtensions
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SourceLocation location, params string[] arguments) =>
        new(descriptor.Id, location, arguments.ToEquatableArray());

    public static Diagnostic ToDiagnostic(this DiagnosticInfo info) => Diagnostic.Create(
        DiagnosticDescriptors.ById(info.Id),
        info.Location.ToLocation(),
        info.Arguments.Cast<object>().ToArray());
}
