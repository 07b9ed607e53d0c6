using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RuleGen.Generators;

namespace RuleGen.Generators.Tests.Generator;

/// <summary>An .eql file in memory, in the form the compiler passes an AdditionalFile to a generator.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText text;

    public InMemoryAdditionalText(string path, string content)
    {
        Path = path;
        text = SourceText.From(content);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => text;
}

/// <summary>MSBuild properties as the generator reads them through analyzer config options.</summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly TestOptions global;

    public TestOptionsProvider(Dictionary<string, string> properties)
    {
        global = new TestOptions(properties);
    }

    public override AnalyzerConfigOptions GlobalOptions => global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => TestOptions.Empty;

    private sealed class TestOptions : AnalyzerConfigOptions
    {
        public static readonly TestOptions Empty = new(new Dictionary<string, string>());

        private readonly Dictionary<string, string> values;

        public TestOptions(Dictionary<string, string> values)
        {
            this.values = values;
        }

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

/// <summary>Runs <see cref="RuleGenerator"/> on in-memory rule files and compiles the result.</summary>
internal static class GeneratorHarness
{
    public const string ProjectDirectory = "/src/Consumer/";

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CreateCompilation(sources.Select(source => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))));

    public static CSharpCompilation CreateCompilation(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create(
            "Consumer",
            trees,
            Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(RuleGen.Ecs.EcsEvent).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> rules, string? namespaceName = null)
    {
        var properties = new Dictionary<string, string> { ["build_property.ProjectDir"] = ProjectDirectory };
        if (namespaceName is not null)
        {
            properties["build_property.RuleGenNamespace"] = namespaceName;
        }

        return CSharpGeneratorDriver.Create(
            new[] { new RuleGenerator().AsSourceGenerator() },
            rules,
            new CSharpParseOptions(LanguageVersion.Latest),
            new TestOptionsProvider(properties),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static AdditionalText Rule(string relativePath, string text) => new InMemoryAdditionalText(ProjectDirectory + relativePath, text);

    /// <summary>
    /// Generates from C# files (path and text, for classes marked [EqlRule]) and rule files, compiles everything, and
    /// returns the generator's and the compiler's diagnostics.
    /// </summary>
    public static (GeneratorDriverRunResult Run, ImmutableArray<Diagnostic> CompilerDiagnostics) RunWithCode((string Path, string Text)[] files, params AdditionalText[] rules)
    {
        GeneratorDriver driver = CreateDriver(rules);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        CSharpCompilation input = CreateCompilation(files.Select(file => CSharpSyntaxTree.ParseText(file.Text, parseOptions, ProjectDirectory + file.Path)));
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out Compilation output, out _);
        ImmutableArray<Diagnostic> compilerDiagnostics = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        return (driver.GetRunResult(), compilerDiagnostics);
    }

    /// <summary>Generates from the rules, compiles everything, and returns the generator's and the compiler's diagnostics.</summary>
    public static (GeneratorDriverRunResult Run, ImmutableArray<Diagnostic> CompilerDiagnostics) Run(params AdditionalText[] rules)
    {
        GeneratorDriver driver = CreateDriver(rules);
        driver = driver.RunGeneratorsAndUpdateCompilation(CreateCompilation("namespace Consumer { internal static class Marker { } }"), out Compilation output, out _);
        ImmutableArray<Diagnostic> compilerDiagnostics = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        return (driver.GetRunResult(), compilerDiagnostics);
    }
}
