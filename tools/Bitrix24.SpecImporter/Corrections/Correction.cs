using System.Collections.Generic;
using Bitrix24.Generated.Specs.Diagnostics;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.SpecImporter.Corrections;

/// <summary>
/// One entry of a correction file: a documentation mistake, the method it is on, why the docs are wrong, and the
/// one change that fixes the imported spec.
/// </summary>
/// <param name="Scope">The scope the file is for: its name, <c>crm</c> for <c>corrections/crm.yaml</c>.</param>
/// <param name="Method">The method whose spec it changes.</param>
/// <param name="Reason">Why the docs are wrong, for the report.</param>
/// <param name="Location">The entry's <c>method:</c> value, where a missing method is reported.</param>
/// <param name="Operation">The change.</param>
internal sealed record Correction(string Scope, string Method, string Reason, SourceLocation Location, CorrectionOperation Operation);

/// <summary>An error in a correction file, or a correction that no longer applies, at its place in the file.</summary>
internal sealed record CorrectionError(SourceLocation Location, string Message)
{
    /// <summary><c>corrections/crm.yaml(3,5): error: …</c>, as compilers print it.</summary>
    public override string ToString() => Location + ": error: " + Message;
}

/// <summary>What a correction does.</summary>
internal abstract record CorrectionOperation;

/// <summary><c>skip: true</c>: the method is left out of the import.</summary>
internal sealed record SkipOperation : CorrectionOperation;

/// <summary><c>set:</c> without <c>property:</c>: method keys (<c>idempotent</c>, <c>csharpName</c>, <c>paging</c>, <c>summary</c>, <c>deprecated</c>).</summary>
internal sealed record MethodSetOperation(IReadOnlyList<Setting> Settings) : CorrectionOperation;

/// <summary><c>property:</c> with <c>set:</c>: keys of one parameter or declared type's property.</summary>
internal sealed record PropertySetOperation(PropertyAddress Target, IReadOnlyList<Setting> Settings) : CorrectionOperation;

/// <summary><c>property:</c> with <c>remove: true</c>: the property goes.</summary>
internal sealed record PropertyRemoveOperation(PropertyAddress Target) : CorrectionOperation;

/// <summary><c>to:</c> with <c>add:</c>: a property in spec syntax added to the parameters or a declared type.</summary>
internal sealed record PropertyAddOperation(PropertyAddress Owner, PropertyModel Property) : CorrectionOperation;

/// <summary><c>result:</c>: the result type replaced.</summary>
internal sealed record ResultOperation(TypeRef Type, SourceLocation Location) : CorrectionOperation;

/// <summary><c>example: {drop: name}</c>: a documented example that is wrong left out.</summary>
internal sealed record DropExampleOperation(string Name, SourceLocation Location) : CorrectionOperation;

/// <summary>
/// A parameter (<c>params.&lt;wireName&gt;</c>, <see cref="TypeName"/> null) or a declared type's property
/// (<c>types.&lt;TypeName&gt;.&lt;wireName&gt;</c>); for <c>to:</c> the owner alone, <see cref="WireName"/> empty.
/// </summary>
internal sealed record PropertyAddress(string? TypeName, string WireName, SourceLocation Location)
{
    /// <summary>The address as written.</summary>
    public override string ToString() =>
        (TypeName is null ? "params" : "types." + TypeName) + (WireName.Length > 0 ? "." + WireName : string.Empty);
}

/// <summary>
/// One key set by a correction, already checked: <see cref="Text"/> for scalars (<c>true</c>, a name, a text),
/// <see cref="Type"/> for <c>type</c> (with its companions), <c>items</c>, a map's <c>values</c> and <c>result</c>,
/// <see cref="Values"/> for a list of documented values.
/// </summary>
internal sealed record Setting(string Key, string? Text, TypeRef? Type, EquatableArray<ValueModel>? Values, SourceLocation Location);
