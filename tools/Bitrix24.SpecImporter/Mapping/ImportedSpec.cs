using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>A method mapped from its page.</summary>
internal sealed record ImportedSpec(MethodModel Method);
