using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using RuleGen.Benchmarks.Detection;
using RuleGen.Ecs;

namespace RuleGen.Benchmarks;

/// <summary>
/// The flagship rule's event filter over the same seeded event stream, by five matchers. <c>cached</c> runs
/// over 1,024 events that stay in the CPU cache; <c>streamed</c> over 262,144 events, which do not. Each
/// benchmark returns its match count, and the setup checks that all matchers agree.
/// </summary>
[MemoryDiagnoser]
public class FlagshipRuleBenchmarks
{
    private EcsEvent[] events = Array.Empty<EcsEvent>();
    private Dictionary<string, object?>[] dictionaries = Array.Empty<Dictionary<string, object?>>();
    private InterpretedMatcher interpreter = null!;
    private Func<EcsEvent, bool> dynamicExpresso = null!;
    private Func<EcsEvent, bool> rulesEngine = null!;

    [Params("cached", "streamed")]
    public string Regime { get; set; } = "cached";

    [GlobalSetup]
    public void Setup()
    {
        events = EventStream.Create(Regime == "cached" ? 1_024 : 262_144, seed: 20261204);
        dictionaries = events.Select(InterpretedMatcher.Flatten).ToArray();
        interpreter = new InterpretedMatcher(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rules", "flagship_filter.eql")));
        dynamicExpresso = EngineMatchers.CreateDynamicExpresso();
        rulesEngine = EngineMatchers.CreateRulesEngine();

        int expected = HandWritten();
        var counts = new Dictionary<string, int>
        {
            [nameof(Generated)] = Generated(),
            [nameof(Interpreted)] = Interpreted(),
            [nameof(DynamicExpresso)] = DynamicExpresso(),
            [nameof(RulesEngine)] = RulesEngineCount(),
        };
        foreach (KeyValuePair<string, int> count in counts.Where(count => count.Value != expected))
        {
            throw new InvalidOperationException($"{count.Key} found {count.Value} matches, but the hand-written matcher found {expected}.");
        }
    }

    [Benchmark(Baseline = true)]
    public int HandWritten()
    {
        int matches = 0;
        foreach (EcsEvent e in events)
        {
            if (HandWrittenMatcher.Matches(e))
            {
                matches++;
            }
        }

        return matches;
    }

    [Benchmark]
    public int Generated()
    {
        int matches = 0;
        foreach (EcsEvent e in events)
        {
            if (FlagshipFilterDetector.Filter(e))
            {
                matches++;
            }
        }

        return matches;
    }

    [Benchmark]
    public int Interpreted()
    {
        int matches = 0;
        foreach (Dictionary<string, object?> e in dictionaries)
        {
            if (interpreter.Matches(e))
            {
                matches++;
            }
        }

        return matches;
    }

    [Benchmark]
    public int DynamicExpresso()
    {
        int matches = 0;
        foreach (EcsEvent e in events)
        {
            if (dynamicExpresso(e))
            {
                matches++;
            }
        }

        return matches;
    }

    [Benchmark(Description = "RulesEngine")]
    public int RulesEngineCount()
    {
        int matches = 0;
        foreach (EcsEvent e in events)
        {
            if (rulesEngine(e))
            {
                matches++;
            }
        }

        return matches;
    }
}
