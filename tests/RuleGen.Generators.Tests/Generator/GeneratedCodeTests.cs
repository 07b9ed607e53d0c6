using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using RuleGen.Generators;

namespace RuleGen.Generators.Tests.Generator;

public class GeneratedCodeTests
{
    private static string FlagshipRule => File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "Rules", "internal_proxy_t1090_001.eql"));

    // The testing framework fails on any diagnostic not listed here, compiler errors in generated code included.
    [Fact]
    public async Task FlagshipRule_GeneratedSourceCompiles()
    {
        var test = new CSharpSourceGeneratorTest<RuleGenerator, DefaultVerifier>
        {
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(RuleGen.Ecs.EcsEvent).Assembly.Location));
        test.TestState.Sources.Add("internal static class Consumer { static int Count() => RuleGen.Generated.Detectors.CreateAll().Length; }");
        test.TestState.AdditionalFiles.Add(("/rules/internal_proxy_t1090_001.eql", FlagshipRule));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("RG2001", DiagnosticSeverity.Warning).WithSpan("/rules/internal_proxy_t1090_001.eql", 16, 1, 16, 9));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("RG2002", DiagnosticSeverity.Warning).WithSpan("/rules/internal_proxy_t1090_001.eql", 24, 1, 24, 13));
        // The rule's ':' on "-L", "-R", "-D" and "-w" also accepts the other case, which the lint points out at "-L".
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("RG5003", DiagnosticSeverity.Warning).WithSpan("/rules/internal_proxy_t1090_001.eql", 21, 73, 21, 77));

        await test.RunAsync();
    }

    [Fact]
    public void FlagshipRule_CommentsNameEachClause()
    {
        string source = GenerateSingle(FlagshipRule);

        source.ShouldContain("// event.type == \"start\"");
        source.ShouldContain("// process.name : \"netsh.exe\"");
        source.ShouldContain("// not sequence by host.name [process where process.parent.name : (\"msiexec.exe\", \"setup.exe\", \"installer.exe\") and process.name : (\"netsh.exe\")]");
        source.ShouldContain("// with maxspan=5m:");
        source.ShouldContain("// host.name is required: an event without it takes no part in the match.");
        source.ShouldContain("[global::System.CodeDom.Compiler.GeneratedCode(\"RuleGen\",");
    }

    [Fact]
    public void Output_SameUnderEveryCulture()
    {
        const string rule = "process where process.pid > 1.5 and process.pid < 100 and process.name : \"a*\"";
        CultureInfo original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            string invariant = GenerateSingle(rule);
            CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            string french = GenerateSingle(rule);
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
            string arabic = GenerateSingle(rule);

            french.ShouldBe(invariant);
            arabic.ShouldBe(invariant);
            invariant.ShouldContain("1.5D");
            invariant.ShouldContain("100L");
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Output_UsesOnlyLineFeeds()
    {
        string source = GenerateSingle("// @name CRLF rule\r\nprocess where\r\n  process.name : \"a\"\r\n");

        source.ShouldNotContain("\r");
    }

    [Fact]
    public void RuleText_CannotBreakGeneratedCode()
    {
        const string rule = "// @name Tricky */ \"name\" \\ <tag>\nprocess where process.name : \"*/\\\\\\\"\u2028x\" // end */\n";

        var (run, compilerDiagnostics) = GeneratorHarness.Run(GeneratorHarness.Rule("tricky.eql", rule));

        run.Diagnostics.ShouldBeEmpty();
        compilerDiagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Namespace_FromBuildProperty()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.Rule("a.eql", "any where true") }, "Acme.Rules");

        GeneratorDriverRunResult run = driver.RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult();

        run.GeneratedTrees.ShouldAllBe(tree => tree.ToString().Contains("namespace Acme.Rules;"));
    }

    // A filter tests only whether its condition is true, so 'not (a or b)' becomes "a is false and b is false".
    [Fact]
    public void NotOr_WrittenAsBothFalse()
    {
        string source = GenerateSingle("process where not (process.name == \"a\" or process.pid == 4)");

        source.ShouldContain("""
                    bool condition = (
                        // process.name == "a"
                        global::RuleGen.Matching.EqlString.Equal(e.Process?.Name, "a", ignoreCase: false).IsFalse
                        // process.pid == 4
                        && global::RuleGen.Matching.EqlCompare.Compare(e.Process?.Pid, global::RuleGen.Matching.EqlComparison.Equal, 4L).IsFalse
                    );
                    return condition;
            """);
    }

    // Scanning every argument costs more than one comparison, so the comparison runs first.
    [Fact]
    public void AndOperands_CheapestFirst()
    {
        string source = GenerateSingle("process where process.args : \"*x*\" and process.name == \"a\"");

        source.ShouldContain("""
                    // process.name == "a"
                    bool term0 = global::RuleGen.Matching.EqlString.Equal(e.Process?.Name, "a", ignoreCase: false).IsTrue;
            """);
        source.ShouldContain("""
                    // process.args : "*x*"
                    bool term1 = global::RuleGen.Matching.EqlString.Contains(e.Process?.Args, "x", ignoreCase: true).IsTrue;
            """);
    }

    private static string GenerateSingle(string rule)
    {
        var (run, compilerDiagnostics) = GeneratorHarness.Run(GeneratorHarness.Rule("rules/rule.eql", rule));
        compilerDiagnostics.ShouldBeEmpty();
        return run.Results.Single().GeneratedSources.Single(source => source.HintName.StartsWith("RuleDetector.")).SourceText.ToString();
    }
}
