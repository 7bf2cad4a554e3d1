using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Bitrix24.Generated.Generator.Model;
using Bitrix24.Generated.Generator.Parsing;

namespace Bitrix24.Generated.Generator.Validation;

/// <summary>
/// A project's specs taken together, outside the generator's incremental pipeline: each read and checked,
/// then all joined. The analyzer reports the diagnostics; the emulator serves the model.
/// </summary>
internal static class SpecSet
{
    /// <summary>The joined model, and every diagnostic: each spec's own in file order, then those of joining them.</summary>
    public static GenerationResult Check(IEnumerable<(string Path, string? Text)> files, string rootNamespace)
    {
        var validated = files.Select(file => SpecValidator.Validate(SpecParser.Parse(file.Path, file.Text))).ToList();
        var joined = GenerationModelBuilder.Build(
            validated.Where(spec => spec.Method is not null).Select(spec => spec.Method!).ToImmutableArray(),
            rootNamespace);
        var diagnostics = validated.SelectMany(spec => spec.Diagnostics).Concat(joined.Diagnostics).ToEquatableArray();
        return new GenerationResult(joined.Model, diagnostics);
    }
}
