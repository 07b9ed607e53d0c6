using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Schema;
using RuleGen.Eql.Text;

namespace RuleGen.Generators.Tests.Generator;

public class SchemaFileTests
{
    private const string Rule = "process where process.Ext.api.name : \"VirtualAlloc*\" and process.Ext.count > 2";

    [Fact]
    public void SchemaFile_DeclaresCustomFields()
    {
        var (run, compilerDiagnostics) = GeneratorHarness.Run(
            GeneratorHarness.Rule("rules/api.eql", Rule),
            GeneratorHarness.Rule("fields/endpoint.schema.json", "{\"process.Ext.api.name\": \"keyword\", \"process\": {\"Ext\": {\"count\": \"long\"}}}"));

        run.Diagnostics.ShouldBeEmpty();
        compilerDiagnostics.ShouldBeEmpty();
        string source = run.Results.Single().GeneratedSources.Single(generated => generated.HintName.StartsWith("ApiDetector.")).SourceText.ToString();
        source.ShouldContain("global::RuleGen.Ecs.CustomFieldValues.Strings(e, \"process.Ext.api.name\")");
        source.ShouldContain("global::RuleGen.Ecs.CustomFieldValues.Longs(e, \"process.Ext.count\")");
    }

    [Fact]
    public void MappingSchemaFile_DeclaresCustomFields()
    {
        const string mapping = """
            {"logs-endpoint": {"mappings": {"dynamic": false, "properties": {
              "process": {"properties": {"Ext": {"properties": {
                "api": {"properties": {"name": {"type": "keyword", "ignore_above": 1024, "fields": {"text": {"type": "text"}}}}},
                "count": {"type": "long"},
                "tags": {"type": "keyword", "copy_to": ["all"]}
              }}}}
            }}}}
            """;

        var (run, compilerDiagnostics) = GeneratorHarness.Run(
            GeneratorHarness.Rule("rules/api.eql", Rule),
            GeneratorHarness.Rule("fields/endpoint.schema.json", mapping));

        run.Diagnostics.ShouldBeEmpty();
        compilerDiagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void SchemaParser_ReadsBothForms()
    {
        var diagnostics = new System.Collections.Generic.List<RuleGen.Eql.Diagnostics.EqlDiagnostic>();

        var flat = RuleGen.Eql.Schema.SchemaFileParser.Parse("{\"a.b\": \"keyword\", \"c\": {\"d\": \"long\"}}", diagnostics);
        var mapping = RuleGen.Eql.Schema.SchemaFileParser.Parse("{\"mappings\": {\"properties\": {\"a\": {\"properties\": {\"b\": {\"type\": \"ip\"}}}}}}", diagnostics);

        diagnostics.ShouldBeEmpty();
        flat.ShouldBe(new[] { new RuleGen.Eql.Schema.SchemaField("a.b", "keyword"), new RuleGen.Eql.Schema.SchemaField("c.d", "long") });
        mapping.ShouldBe(new[] { new RuleGen.Eql.Schema.SchemaField("a", "object"), new RuleGen.Eql.Schema.SchemaField("a.b", "ip") });
    }

    [Fact]
    public void SchemaParser_TypedObjectKeepsChildren()
    {
        var diagnostics = new System.Collections.Generic.List<RuleGen.Eql.Diagnostics.EqlDiagnostic>();

        var fields = RuleGen.Eql.Schema.SchemaFileParser.Parse(
            "{\"properties\": {\"custom\": {\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"keyword\"}}}}}",
            diagnostics);

        diagnostics.ShouldBeEmpty();
        fields.Select(field => field.Name + ":" + field.Type).ShouldBe(new[] { "custom:object", "custom.name:keyword" });
    }

    [Fact]
    public void NoSchemaFile_CustomFieldUnknown()
    {
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.Rule("rules/api.eql", Rule));

        run.Diagnostics.Select(diagnostic => diagnostic.Id).ShouldBe(new[] { "RG1001", "RG1001" });
    }

    [Fact]
    public void InvalidSchemaFile_ErrorAtPosition()
    {
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.Rule("fields/bad.schema.json", "{\n  \"process.Ext.count\": 5\n}"));

        Diagnostic error = run.Diagnostics.Single();
        error.Id.ShouldBe("RG3007");
        error.Location.GetLineSpan().Path.ShouldBe("/src/Consumer/fields/bad.schema.json");
        error.Location.GetLineSpan().StartLinePosition.ShouldBe(new Microsoft.CodeAnalysis.Text.LinePosition(1, 23));
        error.GetMessage().ShouldStartWith("Invalid schema file: the field 'process.Ext.count' must map to a type name such as \"keyword\", or to an object of fields.");
    }

    [Fact]
    public void UnknownSchemaType_EachWarned()
    {
        const string Schema = "{\n  \"process.Ext.bar\": \"keywrd\",\n  \"process.Ext.baz\": \"strange\",\n  \"process.Ext.ok\": \"long\"\n}";

        var (run, _) = GeneratorHarness.Run(GeneratorHarness.Rule("fields/typo.schema.json", Schema));

        run.Diagnostics.Select(diagnostic => diagnostic.Id).ShouldBe(new[] { "RG3008", "RG3008" });
        run.Diagnostics[0].Severity.ShouldBe(DiagnosticSeverity.Warning);
        run.Diagnostics[0].Location.GetLineSpan().StartLinePosition.ShouldBe(new Microsoft.CodeAnalysis.Text.LinePosition(1, 21));
        run.Diagnostics[0].GetMessage().ShouldBe("'process.Ext.bar' has the type \"keywrd\", which is not an Elasticsearch field type, so rules cannot compare it with values; did you mean \"keyword\"?");
        run.Diagnostics[1].Location.GetLineSpan().StartLinePosition.ShouldBe(new Microsoft.CodeAnalysis.Text.LinePosition(2, 21));
        run.Diagnostics[1].GetMessage().ShouldEndWith("; use an Elasticsearch field type such as \"keyword\", \"long\", \"double\", \"boolean\", \"date\" or \"ip\"");
    }

    [Fact]
    public void SchemaConflict_LaterFileWarned()
    {
        var (run, _) = GeneratorHarness.Run(
            GeneratorHarness.Rule("fields/a.schema.json", "{\"process.Ext.level\": \"keyword\"}"),
            GeneratorHarness.Rule("fields/b.schema.json", "{\n  \"process.Ext.level\": \"long\"\n}"));

        Diagnostic warning = run.Diagnostics.Single();
        warning.Id.ShouldBe("RG3009");
        warning.Severity.ShouldBe(DiagnosticSeverity.Warning);
        warning.Location.GetLineSpan().Path.ShouldBe("/src/Consumer/fields/b.schema.json");
        warning.Location.GetLineSpan().StartLinePosition.ShouldBe(new Microsoft.CodeAnalysis.Text.LinePosition(1, 23));
        warning.GetMessage().ShouldBe("'process.Ext.level' is declared here as long, but /src/Consumer/fields/a.schema.json declares it as keyword, which is used: remove or correct this declaration");
    }

    // The files are passed in reverse path order, and the generator still compares them in path order.
    [Fact]
    public void SchemaConflict_PathOrderWins()
    {
        var (run, _) = GeneratorHarness.Run(
            GeneratorHarness.Rule("fields/b.schema.json", "{\"process.Ext.level\": \"long\"}"),
            GeneratorHarness.Rule("fields/a.schema.json", "{\"process.Ext.level\": \"keyword\"}"));

        Diagnostic warning = run.Diagnostics.Single();
        warning.Id.ShouldBe("RG3009");
        warning.Location.GetLineSpan().Path.ShouldBe("/src/Consumer/fields/b.schema.json");
        warning.Location.GetLineSpan().StartLinePosition.ShouldBe(new Microsoft.CodeAnalysis.Text.LinePosition(0, 22));
        warning.GetMessage().ShouldBe("'process.Ext.level' is declared here as long, but /src/Consumer/fields/a.schema.json declares it as keyword, which is used: remove or correct this declaration");
    }

    [Fact]
    public void SchemaConflicts_FileAndFieldIndices()
    {
        var files = new[]
        {
            new SchemaFileFields("a.json", new[] { new SchemaField("custom.level", "keyword"), new SchemaField("process.name", "long") }),
            new SchemaFileFields("b.json", new[] { new SchemaField("custom.count", "long"), new SchemaField("custom.level", "wildcard"), new SchemaField("custom.count", "date") }),
            new SchemaFileFields("c.json", new[] { new SchemaField("process.name", "boolean"), new SchemaField("custom.level", "long") }),
        };

        IReadOnlyList<SchemaFieldConflict> conflicts = SchemaFieldConflicts.Find(files);

        conflicts.ShouldBe(new[]
        {
            new SchemaFieldConflict(1, 2, "custom.count", "date", "b.json", "long"),
            new SchemaFieldConflict(2, 1, "custom.level", "long", "a.json", "keyword"),
        });
    }

    [Fact]
    public void SchemaConflict_DiagnosticAtTypeSpan()
    {
        var conflict = new SchemaFieldConflict(1, 0, "custom.level", "long", "a.json", "keyword");

        EqlDiagnostic diagnostic = conflict.CreateDiagnostic(new TextSpan(17, 6));

        diagnostic.ShouldBe(new EqlDiagnostic(
            "RG3009",
            EqlSeverity.Warning,
            "'custom.level' is declared here as long, but a.json declares it as keyword, which is used: remove or correct this declaration",
            new TextSpan(17, 6)));
    }

    [Fact]
    public void SchemaConflict_SameKindQuiet()
    {
        var (run, _) = GeneratorHarness.Run(
            GeneratorHarness.Rule("fields/a.schema.json", "{\"process.Ext.level\": \"keyword\"}"),
            GeneratorHarness.Rule("fields/b.schema.json", "{\"process.Ext.level\": \"wildcard\", \"process.name\": \"match_only_text\"}"));

        run.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void SchemaConflict_EcsFieldWarned()
    {
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.Rule("fields/a.schema.json", "{\"process.name\": \"long\"}"));

        Diagnostic warning = run.Diagnostics.Single();
        warning.Id.ShouldBe("RG3009");
        warning.Location.GetLineSpan().StartLinePosition.ShouldBe(new Microsoft.CodeAnalysis.Text.LinePosition(0, 17));
        warning.GetMessage().ShouldBe("'process.name' is declared here as long, but the Elastic Common Schema declares it as keyword, which is used: remove or correct this declaration");
    }
}
