using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RuleGen.Generators;

namespace RuleGen.Generators.Tests.Generator;

public class IncrementalCachingTests
{
    private static readonly string[] TrackedSteps =
    {
        RuleGenerator.StepNames.Options,
        RuleGenerator.StepNames.RuleFiles,
        RuleGenerator.StepNames.CompiledRules,
        RuleGenerator.StepNames.Registry,
        RuleGenerator.StepNames.EventReader,
    };

    [Fact]
    public void UnrelatedCodeEdit_EveryStepCached()
    {
        AdditionalText first = GeneratorHarness.Rule("rules/first.eql", "process where process.name : \"a.exe\"");
        AdditionalText second = GeneratorHarness.Rule("rules/second.eql", "file where file.name : \"*.ps1\"");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { first, second }).RunGenerators(compilation);

        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }"));
        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (string step in TrackedSteps)
        {
            result.TrackedSteps[step]
                .SelectMany(run => run.Outputs)
                .ShouldAllBe(output => output.Reason == IncrementalStepRunReason.Cached || output.Reason == IncrementalStepRunReason.Unchanged, step);
        }

        result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs)
            .ShouldAllBe(output => output.Reason == IncrementalStepRunReason.Cached || output.Reason == IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void EditingOneRule_RerunsOnlyThatRule()
    {
        AdditionalText first = GeneratorHarness.Rule("rules/first.eql", "process where process.name : \"a.exe\"");
        AdditionalText second = GeneratorHarness.Rule("rules/second.eql", "file where file.name : \"*.ps1\"");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { first, second }).RunGenerators(compilation);

        AdditionalText firstEdited = GeneratorHarness.Rule("rules/first.eql", "process where process.name : \"b.exe\"");
        driver = driver.ReplaceAdditionalText(first, firstEdited);
        GeneratorRunResult result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        IncrementalStepRunReason[] compiled = result.TrackedSteps[RuleGenerator.StepNames.CompiledRules]
            .SelectMany(run => run.Outputs)
            .Select(output => output.Reason)
            .ToArray();
        compiled.Count(reason => reason == IncrementalStepRunReason.Modified).ShouldBe(1);
        compiled.Count(reason => reason == IncrementalStepRunReason.Cached || reason == IncrementalStepRunReason.Unchanged).ShouldBe(1);

        // Only names reach the registry, so a query edit leaves it unchanged.
        result.TrackedSteps[RuleGenerator.StepNames.Registry]
            .SelectMany(run => run.Outputs)
            .ShouldAllBe(output => output.Reason == IncrementalStepRunReason.Cached || output.Reason == IncrementalStepRunReason.Unchanged);

        // The edit changed the rule's guard value (a.exe to b.exe), which the pack dispatches on, so the pack re-runs.
        result.TrackedSteps[RuleGenerator.StepNames.Pack]
            .SelectMany(run => run.Outputs)
            .Select(output => output.Reason)
            .ShouldBe(new[] { IncrementalStepRunReason.Modified });
    }

    // The event reader depends on the set of fields the rules read, so an edit that changes a value but no field
    // leaves its step unchanged and its file is not generated again.
    [Fact]
    public void EditKeepingFields_EventReaderUnchanged()
    {
        AdditionalText first = GeneratorHarness.Rule("rules/first.eql", "process where process.name : \"a.exe\" and process.pid > 4");
        AdditionalText second = GeneratorHarness.Rule("rules/second.eql", "file where file.name : \"*.ps1\"");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { first, second }).RunGenerators(compilation);
        string before = ReaderSource(driver.GetRunResult());

        AdditionalText firstEdited = GeneratorHarness.Rule("rules/first.eql", "process where process.pid > 7 and process.name : (\"b.exe\", \"c.exe\")");
        driver = driver.ReplaceAdditionalText(first, firstEdited).RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        result.TrackedSteps[RuleGenerator.StepNames.CompiledRules]
            .SelectMany(run => run.Outputs)
            .Count(output => output.Reason == IncrementalStepRunReason.Modified)
            .ShouldBe(1);
        // Each rule's field list compares equal after the edit, so the merge does not even run again.
        result.TrackedSteps[RuleGenerator.StepNames.EventReader]
            .SelectMany(run => run.Outputs)
            .Select(output => output.Reason)
            .ShouldBe(new[] { IncrementalStepRunReason.Cached });
        ReaderSource(driver.GetRunResult()).ShouldBe(before);
    }

    [Fact]
    public void EditAddingField_EventReaderModified()
    {
        AdditionalText first = GeneratorHarness.Rule("rules/first.eql", "process where process.name : \"a.exe\"");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { first }).RunGenerators(compilation);
        ReaderSource(driver.GetRunResult()).ShouldNotContain("process.pid");

        driver = driver.ReplaceAdditionalText(first, GeneratorHarness.Rule("rules/first.eql", "process where process.name : \"a.exe\" and process.pid > 4"))
            .RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        result.TrackedSteps[RuleGenerator.StepNames.EventReader]
            .SelectMany(run => run.Outputs)
            .Select(output => output.Reason)
            .ShouldBe(new[] { IncrementalStepRunReason.Modified });
        ReaderSource(driver.GetRunResult()).ShouldContain("// process.pid (long)");
    }

    [Fact]
    public void InlineRuleEditKeepingFields_EventReaderUnchanged()
    {
        const string before = "[RuleGen.EqlRule(\"process where process.name : \\\"nc.exe\\\"\")] partial class Netcat { }";
        const string after = "[RuleGen.EqlRule(\"process where process.name : \\\"ncat.exe\\\"\")] partial class Netcat { }";
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(before);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(System.Array.Empty<AdditionalText>()).RunGenerators(compilation);

        CSharpCompilation edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText(after, new CSharpParseOptions(LanguageVersion.Latest)));
        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        result.TrackedSteps[RuleGenerator.StepNames.CompiledInlineRules]
            .SelectMany(run => run.Outputs)
            .Select(output => output.Reason)
            .ShouldBe(new[] { IncrementalStepRunReason.Modified });
        // Each rule's field list compares equal after the edit, so the merge does not even run again.
        result.TrackedSteps[RuleGenerator.StepNames.EventReader]
            .SelectMany(run => run.Outputs)
            .Select(output => output.Reason)
            .ShouldBe(new[] { IncrementalStepRunReason.Cached });
    }

    // An inline rule's spec contains strings and positions only, so an edit in another C# file leaves it and its
    // compiled detector cached, and so does an edit of a rule file.
    [Fact]
    public void InlineRule_CachedAcrossOtherEdits()
    {
        const string inline = "[RuleGen.EqlRule(\"process where process.name : \\\"nc.exe\\\"\")] partial class Netcat { }";
        AdditionalText rule = GeneratorHarness.Rule("rules/first.eql", "process where process.name : \"a.exe\"");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(inline, "class A { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { rule }).RunGenerators(compilation);
        driver.GetRunResult().Results.Single().TrackedSteps[RuleGenerator.StepNames.CompiledInlineRules]
            .SelectMany(run => run.Outputs).Single().Reason.ShouldBe(IncrementalStepRunReason.New);

        CSharpCompilation edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Last(), CSharpSyntaxTree.ParseText("class A { int x; }", new CSharpParseOptions(LanguageVersion.Latest)));
        // The edit keeps the rule's category, guard and fields, so the pack and the event reader are unchanged and only
        // the rule's source is new.
        driver = driver.ReplaceAdditionalText(rule, GeneratorHarness.Rule("rules/first.eql", "process where process.name : \"a.exe\" and process.name != \"b.exe\""));
        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // A step whose inputs are all cached does not run, and then has no record; one that runs must not produce
        // anything new.
        foreach (string step in new[] { RuleGenerator.StepNames.InlineRules, RuleGenerator.StepNames.CompiledInlineRules })
        {
            if (result.TrackedSteps.TryGetValue(step, out var runs))
            {
                runs.SelectMany(run => run.Outputs).ShouldAllBe(output => output.Reason == IncrementalStepRunReason.Cached || output.Reason == IncrementalStepRunReason.Unchanged, step);
            }
        }

        result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs)
            .Count(output => output.Reason == IncrementalStepRunReason.New || output.Reason == IncrementalStepRunReason.Modified)
            .ShouldBe(1);
    }

    // Positions of schema fields reach only the conflict step, so reformatting a schema file leaves the merged
    // schema unchanged and every rule cached.
    [Fact]
    public void ReformattedSchema_RulesCached()
    {
        AdditionalText rule = GeneratorHarness.Rule("rules/first.eql", "process where process.Ext.level : \"high\"");
        AdditionalText schema = GeneratorHarness.Rule("fields/a.schema.json", "{\"process.Ext.level\": \"keyword\"}");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { rule, schema }).RunGenerators(compilation);

        AdditionalText reformatted = GeneratorHarness.Rule("fields/a.schema.json", "{\n    \"process.Ext.level\": \"keyword\"\n}");
        GeneratorRunResult result = driver.ReplaceAdditionalText(schema, reformatted).RunGenerators(compilation).GetRunResult().Results.Single();

        result.TrackedSteps[RuleGenerator.StepNames.SchemaFiles].SelectMany(run => run.Outputs)
            .ShouldAllBe(output => output.Reason == IncrementalStepRunReason.Modified);
        foreach (string step in new[] { RuleGenerator.StepNames.Schema, RuleGenerator.StepNames.SchemaConflicts, RuleGenerator.StepNames.CompiledRules })
        {
            result.TrackedSteps[step].SelectMany(run => run.Outputs)
                .ShouldAllBe(output => output.Reason == IncrementalStepRunReason.Cached || output.Reason == IncrementalStepRunReason.Unchanged, step);
        }
    }

    [Fact]
    public void StepOutputs_HoldNoRoslynObjects()
    {
        AdditionalText rule = GeneratorHarness.Rule("rules/first.eql", "sequence by host.name [process where true] [file where file.name == \"x\"]");
        GeneratorRunResult result = GeneratorHarness.CreateDriver(new[] { rule })
            .RunGenerators(GeneratorHarness.CreateCompilation("class A { }"))
            .GetRunResult()
            .Results.Single();

        foreach (string step in TrackedSteps)
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(run => run.Outputs))
            {
                AssertNoRoslynObjects(output.Value, new HashSet<object>(ReferenceEqualityComparer.Instance), step);
            }
        }
    }

    private static string ReaderSource(GeneratorDriverRunResult run) =>
        run.Results.Single().GeneratedSources.Single(source => source.HintName == "RuleGen.EcsEventReader.g.cs").SourceText.ToString();

    // Walks the object graph of a cached value; a compilation, symbol, syntax node or location in it would
    // keep old compilations alive and defeat caching.
    private static void AssertNoRoslynObjects(object? value, HashSet<object> visited, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        value.ShouldNotBeAssignableTo<Compilation>(path);
        value.ShouldNotBeAssignableTo<ISymbol>(path);
        value.ShouldNotBeAssignableTo<SyntaxNode>(path);
        value.ShouldNotBeAssignableTo<SyntaxTree>(path);
        value.ShouldNotBeAssignableTo<Location>(path);
        value.ShouldNotBeAssignableTo<Diagnostic>(path);

        if (value is IEnumerable sequence)
        {
            foreach (object? item in sequence)
            {
                AssertNoRoslynObjects(item, visited, path + "[]");
            }

            return;
        }

        foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), visited, path + "." + field.Name);
        }
    }
}
