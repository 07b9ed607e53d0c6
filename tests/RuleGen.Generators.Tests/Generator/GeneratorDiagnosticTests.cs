using System.Linq;
using Microsoft.CodeAnalysis;
using RuleGen.Generators;

namespace RuleGen.Generators.Tests.Generator;

public class GeneratorDiagnosticTests
{
    [Fact]
    public void UnknownField_ErrorAtFieldWithSuggestion()
    {
        const string rule = "// @name Bad field\nprocess where process.nme == \"x\"\n";

        var (run, compilerDiagnostics) = GeneratorHarness.Run(GeneratorHarness.Rule("rules/bad.eql", rule));

        Diagnostic error = run.Diagnostics.Single();
        error.Id.ShouldBe("RG1001");
        error.Severity.ShouldBe(DiagnosticSeverity.Error);
        FileLinePositionSpan position = error.Location.GetLineSpan();
        position.Path.ShouldBe("/src/Consumer/rules/bad.eql");
        position.StartLinePosition.Line.ShouldBe(1);
        position.StartLinePosition.Character.ShouldBe(14);
        position.EndLinePosition.Character.ShouldBe(25);
        error.GetMessage().ShouldBe("Unknown field 'process.nme': it is not in the Elastic Common Schema; did you mean 'process.name'?");
        compilerDiagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void RuleWithError_GeneratesNoDetector()
    {
        var (run, compilerDiagnostics) = GeneratorHarness.Run(
            GeneratorHarness.Rule("rules/bad.eql", "process where process.nme == \"x\""),
            GeneratorHarness.Rule("rules/good.eql", "process where process.name == \"x\""));

        string[] hintNames = run.Results.Single().GeneratedSources.Select(source => source.HintName).OrderBy(name => name).ToArray();
        hintNames.Length.ShouldBe(4);
        hintNames[0].ShouldStartWith("GoodDetector.");
        hintNames[1].ShouldBe("RuleGen.DetectorPack.g.cs");
        hintNames[2].ShouldBe("RuleGen.Detectors.g.cs");
        hintNames[3].ShouldBe("RuleGen.EcsEventReader.g.cs");
        string registry = run.Results.Single().GeneratedSources.Single(source => source.HintName == "RuleGen.Detectors.g.cs").SourceText.ToString();
        registry.ShouldContain("public const int Count = 1;");
        registry.ShouldContain("new GoodDetector(),");
        compilerDiagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void SameFileNameTwoFolders_DuplicateClassError()
    {
        var (run, compilerDiagnostics) = GeneratorHarness.Run(
            GeneratorHarness.Rule("rules/windows/child.eql", "process where process.name == \"a\""),
            GeneratorHarness.Rule("rules/linux/child.eql", "process where process.name == \"b\""),
            GeneratorHarness.Rule("rules/other.eql", "process where process.name == \"c\""));

        Diagnostic[] duplicates = run.Diagnostics.OrderBy(diagnostic => diagnostic.Location.GetLineSpan().Path).ToArray();
        duplicates.Select(diagnostic => diagnostic.Id).ShouldBe(new[] { "RG3005", "RG3005" });
        duplicates[0].Location.GetLineSpan().Path.ShouldBe("/src/Consumer/rules/linux/child.eql");
        duplicates[0].GetMessage().ShouldBe("The rules 'rules/linux/child.eql' and 'rules/windows/child.eql' both generate the class 'ChildDetector': rename one of the files");
        duplicates[1].Location.GetLineSpan().Path.ShouldBe("/src/Consumer/rules/windows/child.eql");
        run.Results.Single().Exception.ShouldBeNull();

        // Neither colliding class is emitted, so the only errors are the two located ones.
        run.Results.Single().GeneratedSources.Count(source => source.HintName.StartsWith("ChildDetector.")).ShouldBe(0);
        run.Results.Single().GeneratedSources.Count(source => source.HintName.StartsWith("OtherDetector.")).ShouldBe(1);
        compilerDiagnostics.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("My-Agent")]
    [InlineData("Acme.class")]
    [InlineData("Acme..Rules")]
    [InlineData("1Rules")]
    public void InvalidNamespace_ErrorAndDefaultUsed(string namespaceName)
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.Rule("a.eql", "any where true") }, namespaceName);

        GeneratorDriverRunResult run = driver.RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult();

        Diagnostic error = run.Diagnostics.Single();
        error.Id.ShouldBe("RG3006");
        error.GetMessage().ShouldContain($"RuleGenNamespace is '{namespaceName}'");
        run.GeneratedTrees.ShouldAllBe(tree => tree.ToString().Contains("namespace RuleGen.Generated;"));
    }

    [Fact]
    public void ExtensionWarnings_AtTheirKeywords()
    {
        string rule = "sequence by host.name with maxspan=1m\n  [process where true]\nnot sequence by host.name\n  [process where true]\n";

        var (run, compilerDiagnostics) = GeneratorHarness.Run(GeneratorHarness.Rule("r.eql", rule));

        Diagnostic[] warnings = run.Diagnostics.OrderBy(diagnostic => diagnostic.Id).ToArray();
        warnings.Select(warning => warning.Id).ShouldBe(new[] { "RG2001", "RG2002" });
        warnings.ShouldAllBe(warning => warning.Severity == DiagnosticSeverity.Warning);
        warnings[0].Location.GetLineSpan().StartLinePosition.ShouldBe(new Microsoft.CodeAnalysis.Text.LinePosition(0, 0));
        warnings[1].Location.GetLineSpan().StartLinePosition.ShouldBe(new Microsoft.CodeAnalysis.Text.LinePosition(2, 0));
        warnings[0].GetMessage().ShouldContain("Elasticsearch rejects");
        warnings[1].GetMessage().ShouldContain("Elasticsearch rejects");
        compilerDiagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Errors_AreNotConfigurable()
    {
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.Rule("bad.eql", "process where process.nme == \"x\""));

        run.Diagnostics.Single().Descriptor.CustomTags.ShouldContain(WellKnownDiagnosticTags.NotConfigurable);
    }

    [Fact]
    public void UnreadableFile_InternalErrorDiagnostic()
    {
        var output = RuleGenerator.Compile(new RuleFile("/p/x.eql", "x.eql", null), new GeneratorOptions("N", "/p/"), default);

        output.Source.ShouldBeNull();
        output.Diagnostics.Single().Id.ShouldBe("RG9001");
        output.Diagnostics.Single().Message.ShouldContain("could not read");
    }

    [Fact]
    public void EmptyProject_RegistryStillCompiles()
    {
        var (run, compilerDiagnostics) = GeneratorHarness.Run();

        run.Diagnostics.ShouldBeEmpty();
        run.Results.Single().GeneratedSources.Select(source => source.HintName).ShouldBe(new[] { "RuleGen.Detectors.g.cs", "RuleGen.DetectorPack.g.cs", "RuleGen.EcsEventReader.g.cs" }, ignoreOrder: true);
        compilerDiagnostics.ShouldBeEmpty();
    }
}
