using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RuleGen.Cli.Compilation;
using RuleGen.Generators;

namespace RuleGen.Generators.Benchmarks;

/// <summary>
/// Time the generator takes on a pack of 1,000 rules: generating the detectors, and generating plus compiling
/// them as a build does. The rules are the public Elastic detection rules that compile against ECS alone, read
/// from the shared corpus beside the repository and repeated under distinct file names to reach 1,000. Without
/// the corpus, the repository's own rules are repeated.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int RuleCount = 1_000;

    private AdditionalText[] rules = Array.Empty<AdditionalText>();
    private CSharpCompilation compilation = null!;

    [GlobalSetup]
    public void Setup()
    {
        List<string> texts = LoadRuleTexts();
        rules = Enumerable.Range(0, RuleCount)
            .Select(i => (AdditionalText)new MemoryAdditionalText($"/pack/rules/rule_{i:D4}.eql", texts[i % texts.Count]))
            .ToArray();
        compilation = CSharpCompilation.Create(
            "Pack",
            new[] { CSharpSyntaxTree.ParseText("namespace Pack { internal static class Marker { } }") },
            Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(RuleGen.Ecs.EcsEvent).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        Console.WriteLine($"// {texts.Count} distinct rule texts, repeated to {RuleCount} files; {Generate().Results[0].GeneratedSources.Count(source => !source.HintName.StartsWith("RuleGen.", StringComparison.Ordinal))} detectors generated.");
    }

    [Benchmark]
    public GeneratorDriverRunResult Generate() => CreateDriver().RunGenerators(compilation).GetRunResult();

    [Benchmark]
    public int GenerateAndCompile()
    {
        CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        using var stream = new MemoryStream();
        var result = output.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("The generated detectors did not compile: " + result.Diagnostics.First(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        }

        return (int)stream.Length;
    }

    private GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        new[] { new RuleGenerator().AsSourceGenerator() },
        rules,
        new CSharpParseOptions(LanguageVersion.Latest),
        BenchmarkInputs.PackOptions());

    // The corpus rules that compile against ECS alone, so that each one produces a detector.
    private static List<string> LoadRuleTexts()
    {
        var texts = new List<string>();
        string? corpus = BenchmarkInputs.FindShared("corpus");
        if (corpus is not null)
        {
            foreach (string line in File.ReadLines(Path.Combine(corpus, "detection-rules.kibana-export.ndjson")))
            {
                using JsonDocument document = JsonDocument.Parse(line);
                if (document.RootElement.TryGetProperty("query", out JsonElement query) && query.GetString() is { } text
                    && !RuleGen.Eql.RuleCompiler.Compile(text, "rule").HasErrors)
                {
                    texts.Add(text);
                }
            }
        }

        if (texts.Count == 0)
        {
            string root = BenchmarkInputs.FindRepository() ?? throw new InvalidOperationException("The repository root (RuleGen.sln) was not found.");
            texts.AddRange(Directory.GetFiles(Path.Combine(root, "rules"), "*.eql").Select(File.ReadAllText));
        }

        return texts;
    }
}
