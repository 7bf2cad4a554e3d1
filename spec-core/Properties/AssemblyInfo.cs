// The reader's internals are tested directly.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Bitrix24.Generated.Generator.Tests")]
