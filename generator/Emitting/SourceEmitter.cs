using System.Collections.Generic;
using Bitrix24.Generated.Generator.Model;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>Turns the generation model into C# source files.</summary>
internal static class SourceEmitter
{
    // Filled in by the emitting stage; kept compiling meanwhile.
    public static IReadOnlyList<GeneratedSource> Emit(GenerationModel model) => new List<GeneratedSource>();
}
