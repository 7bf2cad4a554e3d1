namespace Bitrix24.Generated.Generator.Model;

/// <summary>
/// Everything emitted for one compilation: all valid methods, and every declared type once, with the
/// cross-file checks (type references, conflicting declarations) already done.
/// </summary>
internal sealed record GenerationModel(
    string RootNamespace,
    EquatableArray<MethodModel> Methods,
    EquatableArray<TypeModel> Types);

/// <summary>One generated file.</summary>
internal sealed record GeneratedSource(string HintName, string Text);
