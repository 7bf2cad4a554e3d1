using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Bitrix24.Generated.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Bitrix24.Generated.Benchmarks.SerializationBenchmarks).Assembly).Run(args);
