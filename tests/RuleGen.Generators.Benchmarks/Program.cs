using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(RuleGen.Generators.Benchmarks.GeneratorBenchmarks).Assembly).Run(args);
