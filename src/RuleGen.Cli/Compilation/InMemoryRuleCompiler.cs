extern alias RuleGenGenerator;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RuleGen.Eql;
using RuleGenerator = RuleGenGenerator::RuleGen.Generators.RuleGenerator;

namespace RuleGen.Cli.Compilation;

/// <summary>A rule or schema file given to the in-memory compiler: its path, as diagnostics will name it, and its text.</summary>
internal sealed record SourceFile(string Path, string Text);

/// <summary>A diagnostic of the generator or of the C# compiler, located in the file that caused it.</summary>
internal sealed record CompileDiagnostic(string Path, int Line, int Column, string Id, DiagnosticSeverity Severity, string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The form a build prints: <c>file(line,col): error RGnnnn: message</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Path}({Line},{Column}): {(IsError ? "error" : "warning")} {Id}: {Message}");
}

/// <summary>The outcome of compiling a set of rules: a detector per rule that compiled, and every diagnostic.</summary>
internal sealed class CompiledRules
{
    public CompiledRules(IReadOnlyDictionary<string, LoadedDetector> detectorsByRulePath, IReadOnlyList<CompileDiagnostic> diagnostics)
    {
        DetectorsByRulePath = detectorsByRulePath;
        Diagnostics = diagnostics;
    }

    /// <summary>The detectors, keyed by the path of the rule file each was compiled from.</summary>
    public IReadOnlyDictionary<string, LoadedDetector> DetectorsByRulePath { get; }

    public IReadOnlyList<CompileDiagnostic> Diagnostics { get; }

    public IEnumerable<CompileDiagnostic> DiagnosticsOf(string path) => Diagnostics.Where(diagnostic => diagnostic.Path == path);
}

/// <summary>
/// Compiles <c>.eql</c> rules the way a build does, but in memory: it runs <see cref="RuleGenerator"/> over the
/// rules as AdditionalFiles, compiles the generated C# with Roslyn against the runtime library, and loads the
/// assembly into a collectible load context. The detectors are therefore the ones a project would ship, and
/// diagnostics are the ones a build would print.
/// </summary>
internal static class InMemoryRuleCompiler
{
    private const string GeneratedNamespace = "RuleGen.InMemory";
    private const string SchemaSuffix = ".schema.json";
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int assemblyCount;

    /// <summary>
    /// Compiles the rules together. A rule with a generator error gets no detector. Generated C# that does not
    /// compile is a RuleGen defect. Then the rules are compiled one by one, so that the others still get their
    /// detectors and the C# errors land on the rule that caused them.
    /// </summary>
    /// <param name="projectDirectory">The folder that rule paths are made relative to, as a project's folder.</param>
    /// <param name="rules">The rule files; each file's name gives its detector's class name.</param>
    /// <param name="schemas">Custom field schemas, in the forms a <c>*.schema.json</c> AdditionalFile takes.</param>
    public static CompiledRules Compile(string projectDirectory, IReadOnlyList<SourceFile> rules, IReadOnlyList<SourceFile> schemas)
    {
        CompiledRules together = CompileTogether(projectDirectory, rules, schemas, out bool csharpFailed);
        if (!csharpFailed || rules.Count == 1)
        {
            return together;
        }

        var detectors = new Dictionary<string, LoadedDetector>(StringComparer.Ordinal);
        var diagnostics = new List<CompileDiagnostic>();
        foreach (SourceFile rule in rules)
        {
            CompiledRules alone = CompileTogether(projectDirectory, new[] { rule }, schemas, out _);
            foreach (KeyValuePair<string, LoadedDetector> pair in alone.DetectorsByRulePath)
            {
                detectors.Add(pair.Key, pair.Value);
            }

            diagnostics.AddRange(alone.Diagnostics.Where(diagnostic => !diagnostics.Contains(diagnostic)));
        }

        return new CompiledRules(detectors, diagnostics);
    }

    private static CompiledRules CompileTogether(string projectDirectory, IReadOnlyList<SourceFile> rules, IReadOnlyList<SourceFile> schemas, out bool csharpFailed)
    {
        csharpFailed = false;
        string directory = projectDirectory.EndsWith('/') || projectDirectory.EndsWith(Path.DirectorySeparatorChar) ? projectDirectory : projectDirectory + Path.DirectorySeparatorChar;
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["build_property.ProjectDir"] = directory,
            ["build_property.RuleGenNamespace"] = GeneratedNamespace,
        };
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new RuleGenerator().AsSourceGenerator() },
            rules.Concat(schemas.Select(AsSchemaFile)).Select(file => (AdditionalText)new MemoryAdditionalText(file.Path, file.Text)),
            parseOptions,
            new GlobalOptionsProvider(properties));

        string assemblyName = "RuleGen.InMemory" + Interlocked.Increment(ref assemblyCount).ToString(CultureInfo.InvariantCulture);
        CSharpCompilation input = CSharpCompilation.Create(
            assemblyName,
            Array.Empty<SyntaxTree>(),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out Microsoft.CodeAnalysis.Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);

        var diagnostics = generatorDiagnostics.Select(ToCompileDiagnostic).Select(diagnostic => diagnostic with { Path = FromSchemaPath(diagnostic.Path, schemas) }).ToList();
        GeneratorDriverRunResult run = driver.GetRunResult();
        var emitted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (SourceFile rule in rules)
        {
            string className = RuleNaming.ToClassName(Path.GetFileNameWithoutExtension(rule.Path));
            bool hasSource = run.GeneratedTrees.Any(tree => Path.GetFileName(tree.FilePath).StartsWith(className + ".", StringComparison.Ordinal));
            if (hasSource && !diagnostics.Any(diagnostic => diagnostic.IsError && diagnostic.Path == rule.Path))
            {
                emitted[rule.Path] = className;
            }
        }

        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = output.Emit(image);
        if (!result.Success)
        {
            csharpFailed = true;
            string blamed = rules.Count == 1 ? rules[0].Path : "<generated code>";
            diagnostics.AddRange(result.Diagnostics
                .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
                .Select(diagnostic => new CompileDiagnostic(
                    blamed,
                    1,
                    1,
                    diagnostic.Id,
                    DiagnosticSeverity.Error,
                    "the generated C# does not compile, which is a RuleGen defect; please report it with the rule: " + diagnostic.GetMessage(CultureInfo.InvariantCulture))));
            return new CompiledRules(new Dictionary<string, LoadedDetector>(), diagnostics);
        }

        image.Position = 0;
        var context = new AssemblyLoadContext(assemblyName, isCollectible: true);
        Assembly assembly = context.LoadFromStream(image);
        var detectors = new Dictionary<string, LoadedDetector>(StringComparer.Ordinal);
        foreach ((string path, string className) in emitted)
        {
            Type? type = assembly.GetType(GeneratedNamespace + "." + className);
            if (type is not null)
            {
                detectors.Add(path, new LoadedDetector(Activator.CreateInstance(type)!));
            }
        }

        return new CompiledRules(detectors, diagnostics);
    }

    // The generator reads a schema from an AdditionalFile named *.schema.json. A schema given by another name
    // gets the suffix on the way in, and loses it again in the diagnostics, which name the file the user gave.
    private static SourceFile AsSchemaFile(SourceFile schema) =>
        schema.Path.EndsWith(SchemaSuffix, StringComparison.OrdinalIgnoreCase) ? schema : schema with { Path = schema.Path + SchemaSuffix };

    private static string FromSchemaPath(string path, IReadOnlyList<SourceFile> schemas) =>
        path.EndsWith(SchemaSuffix, StringComparison.OrdinalIgnoreCase) && schemas.Any(schema => schema.Path + SchemaSuffix == path)
            ? path.Substring(0, path.Length - SchemaSuffix.Length)
            : path;

    private static CompileDiagnostic ToCompileDiagnostic(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        return new CompileDiagnostic(
            span.Path ?? string.Empty,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            diagnostic.Id,
            diagnostic.Severity,
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    // The generated code needs the framework and the runtime library. This process runs on the framework the
    // code will run on, so its trusted platform assemblies are the right references.
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
        IEnumerable<string> framework = trusted
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll");
        return framework
            .Append(typeof(RuleGen.Ecs.EcsEvent).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
