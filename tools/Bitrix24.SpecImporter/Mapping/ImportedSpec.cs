using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>A method mapped from its page.</summary>
/// <param name="Method">The spec.</param>
/// <param name="RecasedKeys">How many top-level keys of the documented requests took the parameter table's case.</param>
/// <param name="Evidence">What the documented examples show about the spec's types, for <see cref="TypeRefiner"/>.</param>
internal sealed record ImportedSpec(MethodModel Method, int RecasedKeys = 0, ShapeEvidence? Evidence = null);
