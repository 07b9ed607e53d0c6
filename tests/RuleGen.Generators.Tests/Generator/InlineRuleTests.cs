using System.Linq;
using Microsoft.CodeAnalysis;

namespace RuleGen.Generators.Tests.Generator;

/// <summary>Rules written inline, as <c>[EqlRule("...")]</c> on a partial class.</summary>
public class InlineRuleTests
{
    private static (GeneratorDriverRunResult Run, System.Collections.Immutable.ImmutableArray<Diagnostic> CompilerDiagnostics) Run(string code) =>
        GeneratorHarness.RunWithCode(new[] { ("Detection/Rules.cs", code) });

    private static string Source(GeneratorDriverRunResult run, string hintName) =>
        run.Results.Single().GeneratedSources.Single(source => source.HintName == hintName).SourceText.ToString();

    [Fact]
    public void ValidRule_ExtendsClassAndJoinsRegistry()
    {
        const string code = """
            namespace Agent.Detection;

            [RuleGen.EqlRule("process where process.name : \"nc.exe\"")]
            public partial class NetcatRule { }
            """;

        var (run, compilerDiagnostics) = Run(code);

        run.Diagnostics.ShouldBeEmpty();
        compilerDiagnostics.ShouldBeEmpty();
        string detector = Source(run, "Agent.Detection.NetcatRule.EqlRule.g.cs");
        detector.ShouldContain("namespace Agent.Detection;");
        detector.ShouldContain("partial class NetcatRule : global::RuleGen.Generated.IDetector");
        detector.ShouldContain("sourcePath: \"Detection/Rules.cs\",");
        detector.ShouldContain("name: \"NetcatRule\",");
        Source(run, "RuleGen.Detectors.g.cs").ShouldContain("new global::Agent.Detection.NetcatRule(),");
    }

    [Fact]
    public void UnknownField_ErrorInsideRegularLiteral()
    {
        // Line 2 is the attribute; its literal opens at character 17, and the field starts 14 characters into the value.
        const string code = "namespace Agent;\n[RuleGen.EqlRule(\"process where process.nme : \\\"a\\\\\\\\b\\\"\")]\npublic partial class BadRule { }\n";

        var (run, _) = Run(code);

        Diagnostic error = run.Diagnostics.Single();
        error.Id.ShouldBe("RG1001");
        FileLinePositionSpan position = error.Location.GetLineSpan();
        position.Path.ShouldBe("/src/Consumer/Detection/Rules.cs");
        position.StartLinePosition.ShouldBe(new Microsoft.CodeAnalysis.Text.LinePosition(1, 32));
        position.EndLinePosition.ShouldBe(new Microsoft.CodeAnalysis.Text.LinePosition(1, 43));
        code.Substring(error.Location.SourceSpan.Start, error.Location.SourceSpan.Length).ShouldBe("process.nme");
        run.Results.Single().GeneratedSources.Select(source => source.HintName).ShouldBe(new[] { "RuleGen.Detectors.g.cs", "RuleGen.DetectorPack.g.cs", "RuleGen.EcsEventReader.g.cs" }, ignoreOrder: true);
    }

    [Fact]
    public void UnknownField_ErrorInsideRawLiteral()
    {
        const string code = "namespace Agent;\n[RuleGen.EqlRule(\"\"\"\n    // @severity high\n    sequence by host.name\n      [process where process.nme : \"a\"]\n      [network where true]\n    \"\"\")]\npublic partial class RawRule { }\n";

        var (run, _) = Run(code);

        Diagnostic error = run.Diagnostics.Single();
        error.Id.ShouldBe("RG1001");
        FileLinePositionSpan position = error.Location.GetLineSpan();
        position.StartLinePosition.ShouldBe(new Microsoft.CodeAnalysis.Text.LinePosition(4, 21));
        code.Substring(error.Location.SourceSpan.Start, error.Location.SourceSpan.Length).ShouldBe("process.nme");
    }

    [Fact]
    public void EscapedCharacterBeforeError_ShiftsColumn()
    {
        const string code = "[RuleGen.EqlRule(\"process where process.name : \\u0022x\\u0022 and process.nme : \\\"y\\\"\")]\npartial class EscapedRule { }\n";

        var (run, _) = Run(code);

        Diagnostic error = run.Diagnostics.Single();
        code.Substring(error.Location.SourceSpan.Start, error.Location.SourceSpan.Length).ShouldBe("process.nme");
    }

    [Fact]
    public void NotPartial_ErrorAtClassName()
    {
        const string code = "namespace Agent;\n[RuleGen.EqlRule(\"process where true\")]\npublic class Whole { }\n";

        var (run, _) = Run(code);

        Diagnostic error = run.Diagnostics.Single();
        error.Id.ShouldBe("RG3010");
        error.GetMessage().ShouldBe("The [EqlRule] class 'Whole' must be partial, so that RuleGen can add the detector's members: write 'partial class Whole'");
        error.Location.GetLineSpan().StartLinePosition.ShouldBe(new Microsoft.CodeAnalysis.Text.LinePosition(2, 13));
    }

    [Fact]
    public void NestedClass_Rejected()
    {
        const string code = "namespace Agent;\npublic static class Outer\n{\n    [RuleGen.EqlRule(\"process where true\")]\n    public partial class Inner { }\n}\n";

        var (run, _) = Run(code);

        Diagnostic error = run.Diagnostics.Single();
        error.Id.ShouldBe("RG3010");
        error.GetMessage().ShouldBe("The [EqlRule] class 'Inner' must not be nested in another type: declare it at namespace level");
    }

    [Fact]
    public void ConstructorWithParameters_Rejected()
    {
        const string code = "[RuleGen.EqlRule(\"process where true\")]\npartial class Needy { public Needy(int x) { } }\n";

        var (run, _) = Run(code);

        Diagnostic error = run.Diagnostics.Single();
        error.Id.ShouldBe("RG3010");
        error.GetMessage().ShouldBe("The [EqlRule] class 'Needy' needs a public or internal constructor without parameters, because Detectors.CreateAll() calls it");
    }
}
