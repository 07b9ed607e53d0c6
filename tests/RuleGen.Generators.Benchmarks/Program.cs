using BenchmarkDotNet.Running;
using RuleGen.Generators.Benchmarks;

// 'profile-rules' prints the costliest corpus rules, to choose what to speed up; everything else goes to
// BenchmarkDotNet.
if (args.Length > 0 && args[0] == "profile-rules")
{
    var corpus = new CorpusBenchmarks();
    corpus.Setup();
    corpus.PrintCostliestRules(30);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args);
