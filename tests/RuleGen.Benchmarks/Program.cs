using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(RuleGen.Benchmarks.FlagshipRuleBenchmarks).Assembly).Run(args);
