// The tests check pipeline step names and models, which stay internal to the generator.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Bitrix24.Generated.Generator.Tests")]
