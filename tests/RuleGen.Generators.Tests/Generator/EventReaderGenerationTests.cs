using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using RuleGen.Eql;
using RuleGen.Generators;
using RuleGen.Generators.Tests.Diagnostics;

namespace RuleGen.Generators.Tests.Generator;

public class EventReaderGenerationTests
{
    private const string ReaderHintName = "RuleGen.EcsEventReader.g.cs";

    [Fact]
    public void Reader_ListsFieldsOfFileAndInlineRules()
    {
        const string inline = "namespace Agent;\n[RuleGen.EqlRule(\"process where process.parent.name : \\\"cmd.exe\\\"\")]\npublic partial class ParentRule { }\n";
        var (run, compilerDiagnostics) = GeneratorHarness.RunWithCode(
            new[] { ("Detection/Rules.cs", inline) },
            GeneratorHarness.Rule("rules/a.eql", "process where process.name : \"a.exe\" and process.pid > 4"),
            GeneratorHarness.Rule("rules/b.eql", "sequence by host.name [process where process.args == \"-x\"] [network where destination.port == 443]"));

        compilerDiagnostics.ShouldBeEmpty();
        string reader = ReaderSource(run);
        FieldNames(reader).ShouldBe(new[]
        {
            "@timestamp",
            "destination.port",
            "event.category",
            "host.name",
            "process.args",
            "process.name",
            "process.parent.name",
            "process.pid",
        });
    }

    [Fact]
    public void Reader_CommentsAndAssignsEachField()
    {
        string reader = Generate(GeneratorHarness.Rule("rules/a.eql", "process where process.parent.name : \"cmd.exe\" and process.args : \"-x\" and process.pid > 4 and process.code_signature.trusted == true"));

        reader.ShouldContain("                    // process.parent.name (keyword)\n");
        reader.ShouldContain("((target.Process ??= new()).Parent ??= new()).Name = value;");
        reader.ShouldContain("                    // process.args (keyword, array)\n");
        reader.ShouldContain("Utf8ValueReader.TryReadStringArray(ref reader, out string[]? value)");
        reader.ShouldContain("                    // process.pid (long)\n");
        reader.ShouldContain("Utf8ValueReader.TryReadLong(ref reader, out long? value)");
        reader.ShouldContain("                    // process.code_signature.trusted (boolean)\n");
        reader.ShouldContain("((target.Process ??= new()).CodeSignature ??= new()).Trusted = value;");
        reader.ShouldContain("                    // @timestamp (date)\n");
        reader.ShouldContain("target.Timestamp = value;");
        reader.ShouldContain("private const int MaxPathLength = 30;");
    }

    [Fact]
    public void Reader_DescendsOnlyUnderRuleFields()
    {
        string reader = Generate(GeneratorHarness.Rule("rules/a.eql", "process where process.parent.name : \"cmd.exe\""));

        string prefixes = reader.Substring(reader.IndexOf("private static bool HasFieldsUnder", System.StringComparison.Ordinal));
        Regex.Matches(prefixes, "SequenceEqual\\(path, \"([^\"]*)\"u8\\)").Select(match => match.Groups[1].Value)
            .ShouldBe(new[] { "event", "process", "process.parent" });
    }

    // JsonLinesEventReader reads an object at an ECS leaf as that leaf's wrong value, never as the parent of a custom
    // field, so the reader must not descend there either.
    [Fact]
    public void Reader_NeverDescendsIntoEcsLeaf()
    {
        string reader = Generate(
            GeneratorHarness.Rule("rules/a.eql", "process where process.name.suffix : \"x\""),
            GeneratorHarness.Rule("fields/a.schema.json", "{\"process.name.suffix\": \"keyword\"}"));

        string prefixes = reader.Substring(reader.IndexOf("private static bool HasFieldsUnder", System.StringComparison.Ordinal));
        Regex.Matches(prefixes, "SequenceEqual\\(path, \"([^\"]*)\"u8\\)").Select(match => match.Groups[1].Value)
            .ShouldBe(new[] { "event", "process" });
        FieldNames(reader).ShouldContain("process.name.suffix");
    }

    [Fact]
    public void Reader_CustomFieldKeptAsWritten()
    {
        string reader = Generate(
            GeneratorHarness.Rule("rules/a.eql", "process where process.Ext.level : \"high\""),
            GeneratorHarness.Rule("fields/a.schema.json", "{\"process.Ext.level\": \"keyword\"}"));

        reader.ShouldContain("                    // process.Ext.level (keyword, array, custom field)\n");
        reader.ShouldContain("target.WithCustomField(\"process.Ext.level\", global::RuleGen.Events.Utf8ValueReader.ReadCustomValue(ref reader));");
        FieldNames(reader).ShouldContain("process.Ext.level");
    }

    [Fact]
    public void Reader_NamespaceAndAccessibilityOfRegistry()
    {
        var (run, compilerDiagnostics) = GeneratorHarness.Run(GeneratorHarness.Rule("rules/a.eql", "process where process.name : \"a\""));
        GeneratorHarness.CreateDriver(new[] { GeneratorHarness.Rule("rules/a.eql", "process where process.name : \"a\"") }, "Acme.Rules")
            .RunGenerators(GeneratorHarness.CreateCompilation("class A { }"))
            .GetRunResult().Results.Single().GeneratedSources.Single(source => source.HintName == ReaderHintName).SourceText.ToString()
            .ShouldContain("\nnamespace Acme.Rules;\n");

        compilerDiagnostics.ShouldBeEmpty();
        string reader = ReaderSource(run);
        reader.ShouldContain("\nnamespace RuleGen.Generated;\n");
        reader.ShouldContain("\ninternal static class EcsEventReader\n");
        reader.ShouldContain("public static global::RuleGen.Events.EventReadResult Read(global::System.ReadOnlySpan<byte> utf8Json, long line = 0)");
    }

    // The reader fills EcsEvent, so a project whose detectors read its own event class gets no reader.
    [Fact]
    public void Reader_NotGeneratedForOwnEventType()
    {
        const string code = """
            [assembly: RuleGen.EqlEventType(typeof(Agent.Sample))]
            namespace Agent;
            public sealed class Sample
            {
                public System.DateTimeOffset Timestamp { get; set; }
                public EventInfo Event { get; } = new();
                public ProcessInfo Process { get; } = new();
            }
            public sealed class EventInfo { public string[]? Category { get; set; } }
            public sealed class ProcessInfo { public string? Name { get; set; } }
            """;

        var (run, compilerDiagnostics) = GeneratorHarness.RunWithCode(new[] { ("Agent/Sample.cs", code) }, GeneratorHarness.Rule("rules/a.eql", "process where process.name : \"a\""));

        run.Diagnostics.ShouldBeEmpty();
        compilerDiagnostics.ShouldBeEmpty();
        run.Results.Single().GeneratedSources.Select(source => source.HintName).Where(name => name.StartsWith("RuleGen.", System.StringComparison.Ordinal))
            .ShouldBe(new[] { "RuleGen.Detectors.g.cs", "RuleGen.DetectorPack.g.cs" }, ignoreOrder: true);
    }

    [Fact]
    public void Reader_SameForAnyRuleOrder()
    {
        AdditionalText first = GeneratorHarness.Rule("rules/a.eql", "process where process.name : \"a\" and process.pid > 1");
        AdditionalText second = GeneratorHarness.Rule("rules/b.eql", "file where file.path : \"x\" and host.name != null");

        Generate(first, second).ShouldBe(Generate(second, first));
    }

    [Fact]
    public void Reader_EmptyProjectReadsAlwaysReadFields()
    {
        var (run, compilerDiagnostics) = GeneratorHarness.Run();

        compilerDiagnostics.ShouldBeEmpty();
        FieldNames(ReaderSource(run)).ShouldBe(new[] { "@timestamp", "event.category" });
    }

    // Every member a detector reads must be one the reader fills, and every field RuleFields lists must be read by
    // the detector, over rules that use each kind of bound node.
    [Theory]
    [InlineData("process where process.name : \"a\" and process.pid > 1")]
    [InlineData("process where not (process.parent.name == null) and process.args_count >= 2")]
    [InlineData("process where startsWith(process.executable, \"C:\\\\\") and length(process.command_line) > 10")]
    [InlineData("network where cidrMatch(source.ip, \"10.0.0.0/8\") and destination.port in (22, 443)")]
    [InlineData("file where file.path regex~ \"c:/temp/.*\" and substring(file.name, -4) : \".exe\"")]
    [InlineData("any where null == (process.name : \"a\")")]
    [InlineData("sequence by host.name, ?user.name with maxspan=5m [process where true] by process.entity_id [network where true] by process.entity_id until [process where event.type == \"end\"] by process.entity_id")]
    [InlineData("sample by host.name [process where process.name : \"a\"] [file where file.extension == \"dll\"]")]
    [InlineData("sequence by host.name with maxspan=1m [process where true] ![file where file.name == \"x\"] [network where true]")]
    public void RuleFields_MatchDetectorReads(string rule)
    {
        RuleOutput output = RuleGenerator.Compile(new RuleFile("/p/rule.eql", "rule.eql", rule), new GeneratorOptions("N", "/p/"), default);

        output.Source.ShouldNotBeNull(string.Join("; ", output.Diagnostics.Select(diagnostic => diagnostic.Message)));
        AssertFieldsMatchReads(output);
    }

    [Fact]
    public void RuleFields_MatchDetectorReadsOfProjectRules()
    {
        string[] files = Directory.GetFiles(RepositoryFiles.GetPath("rules"), "*.eql")
            .Concat(Directory.GetFiles(RepositoryFiles.GetPath("tests/RuleGen.Tests/Rules"), "*.eql"))
            .OrderBy(path => path, System.StringComparer.Ordinal)
            .ToArray();
        files.Length.ShouldBeGreaterThan(50);

        // The custom fields of the test rules are declared in a schema file, and are read through CustomFieldValues.
        var schema = new SchemaSpec(new[]
        {
            new RuleGen.Eql.Schema.SchemaField("process.Ext.relative_file_creation_time", "double"),
            new RuleGen.Eql.Schema.SchemaField("process.Ext.token.integrity_level_name", "keyword"),
        }.ToEquatableArray());
        foreach (string path in files)
        {
            RuleOutput output = RuleGenerator.Compile(new RuleFile(path, Path.GetFileName(path), File.ReadAllText(path)), new GeneratorOptions("N", "/p/"), schema, default);
            if (output.Source is not null)
            {
                AssertFieldsMatchReads(output);
            }
        }
    }

    private static void AssertFieldsMatchReads(RuleOutput output)
    {
        string source = output.Source!;
        var members = new SortedSet<string>(
            Regex.Matches(source, @"\be\.((?:[A-Z]\w*\??\.)*[A-Z]\w*)").Select(match => match.Groups[1].Value.Replace("?", string.Empty)),
            System.StringComparer.Ordinal);
        var customs = new SortedSet<string>(
            Regex.Matches(source, "CustomFieldValues\\.\\w+\\(e, \"([^\"]+)\"\\)").Select(match => match.Groups[1].Value),
            System.StringComparer.Ordinal);

        // Detectors read event.category for 'category where' and @timestamp for sequence windows, and the reader always
        // fills both, so they are left out of the comparison.
        var expectedMembers = new SortedSet<string>(output.Fields.Where(field => !field.IsCustom).Select(field => field.MemberPath), System.StringComparer.Ordinal);
        members.ExceptWith(new[] { "Event.Category", "Timestamp", "InputLine" });
        expectedMembers.ExceptWith(new[] { "Event.Category", "Timestamp" });
        members.ShouldBe(expectedMembers, output.RelativePath);
        customs.ShouldBe(output.Fields.Where(field => field.IsCustom).Select(field => field.Name), output.RelativePath);
    }

    private static string Generate(params AdditionalText[] files)
    {
        var (run, compilerDiagnostics) = GeneratorHarness.Run(files);
        compilerDiagnostics.ShouldBeEmpty();
        return ReaderSource(run);
    }

    private static string ReaderSource(GeneratorDriverRunResult run) =>
        run.Results.Single().GeneratedSources.Single(source => source.HintName == ReaderHintName).SourceText.ToString();

    private static string[] FieldNames(string reader)
    {
        int start = reader.IndexOf("FieldNames { get; } = new string[]", System.StringComparison.Ordinal);
        int end = reader.IndexOf("};", start, System.StringComparison.Ordinal);
        return Regex.Matches(reader.Substring(start, end - start), "\"([^\"]+)\",").Select(match => match.Groups[1].Value).ToArray();
    }
}
