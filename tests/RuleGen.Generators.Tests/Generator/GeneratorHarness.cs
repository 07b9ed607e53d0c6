using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RuleGen.Cli.Compilation;
using RuleGen.Generators;

namespace RuleGen.Generators.Tests.Generator;

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
            new GlobalOptionsProvider(properties),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static AdditionalText Rule(string relativePath, string text) => new MemoryAdditionalText(ProjectDirectory + relativePath, text);

    /// <summary>
    /// Generates from C# files (path and text, for classes marked [EqlRule]) and rule files, compiles everything, and
    /// returns the generator's and the compiler's diagnostics.
    /// </summary>
    public static (GeneratorDriverRunResult Run, ImmutableArray<Diagnostic> CompilerDiagnostics) RunWithCode((string Path, string Text)[] files, params AdditionalText[] rules)
    {
        var (run, compilerDiagnostics, _) = CompileWithCode(files, rules);
        return (run, compilerDiagnostics);
    }

    /// <summary>Does what <see cref="RunWithCode"/> does, and also returns the compilation with the generated code, to emit and run.</summary>
    public static (GeneratorDriverRunResult Run, ImmutableArray<Diagnostic> CompilerDiagnostics, Compilation Output) CompileWithCode((string Path, string Text)[] files, params AdditionalText[] rules)
    {
        GeneratorDriver driver = CreateDriver(rules);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        CSharpCompilation input = CreateCompilation(files.Select(file => CSharpSyntaxTree.ParseText(file.Text, parseOptions, ProjectDirectory + file.Path)));
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out Compilation output, out _);
        ImmutableArray<Diagnostic> compilerDiagnostics = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        return (driver.GetRunResult(), compilerDiagnostics, output);
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
