using System;
using System.IO;
using System.Linq;
using RuleGen.Cli.Check;

namespace RuleGen.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rulegen-check-" + Guid.NewGuid().ToString("N"));

    public CheckCommandTests()
    {
        Directory.CreateDirectory(folder);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int ExitCode, string Output, string Error) Run(string[] paths, params string[] schemas)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = CheckCommand.Run(paths, schemas, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void Check_ValidRuleExitsZero()
    {
        string rule = Write("good.eql", "process where process.name : \"cmd.exe\"\n");

        var (exitCode, output, error) = Run(new[] { rule });

        exitCode.ShouldBe(0);
        error.ShouldBeEmpty();
        output.TrimEnd().Split('\n').Last().ShouldBe("1 rule: 1 valid, 0 with errors, 0 with warnings");
    }

    [Fact]
    public void Check_EmptyFolderExitsTwo()
    {
        string empty = Path.Combine(folder, "empty");
        Directory.CreateDirectory(empty);

        var (exitCode, output, error) = Run(new[] { empty });

        exitCode.ShouldBe(2);
        output.TrimEnd().Split('\n').Last().ShouldBe("0 rules: 0 valid, 0 with errors, 0 with warnings");
        error.ShouldBe($"error: no rule was found in '{empty}'; pass .eql files, folders that contain them, or Kibana rule exports (.ndjson).{Environment.NewLine}");
    }

    [Fact]
    public void Check_ErrorAtLineAndColumn()
    {
        string rule = Write("bad.eql", "// @name Bad\nprocess where process.nme == \"x\"\n");

        var (exitCode, output, _) = Run(new[] { rule });

        exitCode.ShouldBe(1);
        output.ShouldContain($"{rule}(2,15): error RG1001: Unknown field 'process.nme': it is not in the Elastic Common Schema; did you mean 'process.name'?");
        output.ShouldContain("Errors by id: RG1001 1");
        output.TrimEnd().Split('\n').Last().ShouldBe("1 rule: 0 valid, 1 with errors, 0 with warnings");
    }

    [Fact]
    public void Check_FolderAndWarnings()
    {
        Write("a.eql", "process where process.name == \"a*\"");
        Write("b.eql", "file where file.name : \"*.ps1\"");
        Write("notes.txt", "not a rule");

        var (exitCode, output, _) = Run(new[] { folder });

        exitCode.ShouldBe(0);
        output.ShouldContain("warning RG5001");
        output.TrimEnd().Split('\n').Last().ShouldBe("2 rules: 2 valid, 0 with errors, 1 with warnings");
    }

    [Fact]
    public void Check_KibanaExportLines()
    {
        string export = Write("rules.ndjson", string.Join("\n",
            "{\"rule_id\":\"r1\",\"name\":\"Good\",\"language\":\"eql\",\"query\":\"process where true\"}",
            "{\"rule_id\":\"r2\",\"name\":\"Kuery\",\"language\":\"kuery\",\"query\":\"process.name: x\"}",
            "{\"rule_id\":\"r3\",\"name\":\"Bad\",\"language\":\"eql\",\"query\":\"process where\\n  custom.flag == true\"}",
            "{\"exported_count\":3}"));

        var (exitCode, output, _) = Run(new[] { export });

        exitCode.ShouldBe(1);
        output.ShouldContain($"{export}(3): error RG1001: rule 'Bad' (r3), query line 2, column 3: Unknown field 'custom.flag'");
        output.ShouldContain("1 exported rule in another language was skipped.");
        output.TrimEnd().Split('\n').Last().ShouldBe("2 rules: 1 valid, 1 with errors, 0 with warnings");
    }

    [Fact]
    public void Check_FlatSchemaAddsFields()
    {
        string rule = Write("custom.eql", "process where custom.flag == true and process.Ext.token.integrity_level_name : \"high\"");
        string schema = Write("schema.json", "{\"custom.flag\": \"boolean\", \"process.Ext.token.integrity_level_name\": \"keyword\"}");

        var (exitCode, output, _) = Run(new[] { rule }, schema);

        exitCode.ShouldBe(0, output);
    }

    [Fact]
    public void Check_MappingSchemaAddsFields()
    {
        string rule = Write("custom.eql", "process where custom.count > 2 and custom.inner.name : \"x\"");
        string schema = Write("mapping.json", """
            {"my-index": {"mappings": {"properties": {
              "custom": {"properties": {
                "count": {"type": "long"},
                "inner": {"properties": {"name": {"type": "keyword", "fields": {"text": {"type": "text"}}}}}
              }}
            }}}}
            """);

        var (exitCode, output, _) = Run(new[] { rule }, schema);

        exitCode.ShouldBe(0, output);
    }

    [Fact]
    public void Check_SchemaTypeChecked()
    {
        string rule = Write("custom.eql", "process where custom.count == \"2\"");
        string schema = Write("schema.json", "{\"custom.count\": \"long\"}");

        var (_, output, _) = Run(new[] { rule }, schema);

        output.ShouldContain("error RG1003: Field 'custom.count' has type long, so it compares with a number, not the string \"2\": write the value without quotes, 2");
    }

    [Fact]
    public void Sarif_ParsesWithResultsAndRules()
    {
        string rule = Write("bad.eql", "// @name Bad\nprocess where process.nme == \"x\"\n");
        var output = new StringWriter();
        var error = new StringWriter();

        int exitCode = CheckCommand.Run(new[] { rule }, Array.Empty<string>(), "sarif", output, error);

        exitCode.ShouldBe(1);
        using var document = System.Text.Json.JsonDocument.Parse(output.ToString());
        var root = document.RootElement;
        root.GetProperty("version").GetString().ShouldBe("2.1.0");
        var run = root.GetProperty("runs")[0];
        run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString().ShouldBe("rulegen");
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        rules.EnumerateArray().Select(item => item.GetProperty("id").GetString()).ShouldContain("RG1001");
        var result = run.GetProperty("results").EnumerateArray().Single();
        result.GetProperty("ruleId").GetString().ShouldBe("RG1001");
        result.GetProperty("level").GetString().ShouldBe("error");
        rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString().ShouldBe("RG1001");
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe(new Uri(rule).AbsoluteUri);
        location.GetProperty("region").GetProperty("startLine").GetInt32().ShouldBe(2);
        location.GetProperty("region").GetProperty("startColumn").GetInt32().ShouldBe(15);
        location.GetProperty("region").GetProperty("endColumn").GetInt32().ShouldBe(26);
        error.ToString().ShouldContain("1 rule: 0 valid, 1 with errors, 0 with warnings");
    }

    [Fact]
    public void Sarif_RuleHasHelpUri()
    {
        string rule = Write("bad.eql", "process where process.nme == \"x\"\n");
        var output = new StringWriter();

        CheckCommand.Run(new[] { rule }, Array.Empty<string>(), "sarif", output, new StringWriter());

        using var document = System.Text.Json.JsonDocument.Parse(output.ToString());
        var run = document.RootElement.GetProperty("runs")[0];
        var reported = run.GetProperty("results").EnumerateArray().Single();
        var descriptor = run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[reported.GetProperty("ruleIndex").GetInt32()];
        descriptor.GetProperty("id").GetString().ShouldBe("RG1001");
        descriptor.GetProperty("helpUri").GetString().ShouldBe("https://github.com/rulegen/rulegen/blob/main/docs/diagnostics.md#rg1001");
    }

    [Fact]
    public void Format_UnknownExitsTwo()
    {
        string rule = Write("good.eql", "process where true");
        var error = new StringWriter();

        CheckCommand.Run(new[] { rule }, Array.Empty<string>(), "xml", new StringWriter(), error).ShouldBe(2);
        error.ToString().ShouldContain("the format 'xml' is not known");
    }

    [Fact]
    public void Check_BrokenLinkExitsTwo()
    {
        string good = Write("good.eql", "process where true");
        string link = Path.Combine(folder, "broken.eql");
        File.CreateSymbolicLink(link, Path.Combine(folder, "no-such-target.eql"));

        var (exitCode, output, error) = Run(new[] { folder });

        exitCode.ShouldBe(2);
        error.ShouldContain($"error: '{link}' could not be read: ");
        output.ShouldContain("1 rule: 1 valid, 0 with errors, 0 with warnings");
    }

    [Fact]
    public void Check_MissingPathExitsTwo()
    {
        var (exitCode, _, error) = Run(new[] { Path.Combine(folder, "missing.eql") });

        exitCode.ShouldBe(2);
        error.ShouldContain("missing.eql' was not found");
    }

    [Fact]
    public void Check_UnknownOptionNamed()
    {
        string rule = Write("good.eql", "process where true");

        var (exitCode, output, error) = Run(new[] { "--bogus", rule });

        exitCode.ShouldBe(2);
        error.ShouldBe("error: '--bogus' is neither a known option nor an existing path; the options are --schema and --format (see 'rulegen check --help')" + Environment.NewLine);
        output.ShouldBeEmpty();
    }

    [Fact]
    public void Check_FileOfAnotherKindRefused()
    {
        string notes = Write("notes.md", "# not a rule");

        var (exitCode, _, error) = Run(new[] { notes });

        exitCode.ShouldBe(2);
        error.ShouldContain($"error: '{notes}' is neither an .eql file nor a Kibana rule export (.ndjson), so it was not checked;");
    }

    [Fact]
    public void Check_MissingPathWinsOverRuleError()
    {
        string rule = Write("bad.eql", "process where process.nme == \"x\"");

        var (exitCode, output, _) = Run(new[] { rule, Path.Combine(folder, "missing.eql") });

        exitCode.ShouldBe(2);
        output.ShouldContain("error RG1001");
    }

    [Fact]
    public void Check_InvalidSchemaExitsTwo()
    {
        string rule = Write("good.eql", "process where true");
        string schema = Write("schema.json", "{\"custom.count\": 5}");

        var (exitCode, _, error) = Run(new[] { rule }, schema);

        exitCode.ShouldBe(2);
        error.ShouldContain("is invalid; fix these problems:");
        error.ShouldContain("schema.json(1,18): error RG3007: Invalid schema file: the field 'custom.count' must map to a type name such as \"keyword\", or to an object of fields.");
    }

    [Fact]
    public void Check_UnknownSchemaTypeWarns()
    {
        string rule = Write("good.eql", "process where true");
        string schema = Write("schema.json", "{\"custom.count\": \"lnog\"}");

        var (exitCode, _, error) = Run(new[] { rule }, schema);

        exitCode.ShouldBe(0);
        error.ShouldContain("schema.json(1,18): warning RG3008: 'custom.count' has the type \"lnog\", which is not an Elasticsearch field type, so rules cannot compare it with values; did you mean \"long\"?");
    }

    [Fact]
    public void SchemaConflict_LaterFileWarned()
    {
        string rule = Write("custom.eql", "process where custom.level : \"high\"");
        string first = Write("a.json", "{\"custom.level\": \"keyword\"}");
        string second = Write("b.json", "{\n  \"custom.level\": \"long\"\n}");

        var (exitCode, output, error) = Run(new[] { rule }, first, second);

        error.ShouldBe($"{second}(2,19): warning RG3009: 'custom.level' is declared here as long, but {first} declares it as keyword, which is used: remove or correct this declaration{Environment.NewLine}");
        exitCode.ShouldBe(0, output);
    }

    // The command line, not the path, decides which file wins: here b.json is first, so custom.level is a long.
    [Fact]
    public void SchemaConflict_CommandLineOrderWins()
    {
        string rule = Write("custom.eql", "process where custom.level : \"high\"");
        string first = Write("b.json", "{\"custom.level\": \"long\"}");
        string second = Write("a.json", "{\"custom.level\": \"keyword\"}");

        var (exitCode, output, error) = Run(new[] { rule }, first, second);

        error.ShouldBe($"{second}(1,18): warning RG3009: 'custom.level' is declared here as keyword, but {first} declares it as long, which is used: remove or correct this declaration{Environment.NewLine}");
        exitCode.ShouldBe(1);
        output.ShouldContain($"{rule}(1,28): error RG1003: ':' matches strings, but field 'custom.level' has type long: use == or 'in' to compare it");
    }

    [Fact]
    public void SchemaConflict_EachLaterDeclarationWarned()
    {
        string rule = Write("good.eql", "process where true");
        string mapping = Write("mapping.json", """
            {"mappings": {"properties": {
              "custom": {"properties": {
                "count": {"type": "long"}
              }}
            }}}
            """);
        string flat = Write("flat.json", "{\"custom.count\": \"keyword\", \"custom.flag\": \"boolean\"}");
        string nested = Write("nested.json", "{\"custom\": {\"flag\": \"keyword\", \"count\": \"integer\"}}");

        var (exitCode, _, error) = Run(new[] { rule }, mapping, flat, nested);

        exitCode.ShouldBe(0);
        error.Split(Environment.NewLine).ShouldBe(new[]
        {
            $"{flat}(1,18): warning RG3009: 'custom.count' is declared here as keyword, but {mapping} declares it as long, which is used: remove or correct this declaration",
            $"{nested}(1,21): warning RG3009: 'custom.flag' is declared here as keyword, but {flat} declares it as boolean, which is used: remove or correct this declaration",
            string.Empty,
        });
    }

    [Fact]
    public void SchemaConflict_SameKindQuiet()
    {
        string rule = Write("good.eql", "process where true");
        string first = Write("a.json", "{\"custom.level\": \"keyword\", \"custom.count\": \"long\"}");
        string second = Write("b.json", "{\"custom.level\": \"wildcard\", \"custom.count\": \"integer\"}");

        var (exitCode, _, error) = Run(new[] { rule }, first, second);

        exitCode.ShouldBe(0);
        error.ShouldBeEmpty();
    }

    // The parser reports an ECS field declared with another kind of value in each file, and the comparison of
    // files adds nothing for it.
    [Fact]
    public void SchemaConflict_EcsFieldWarnedOncePerFile()
    {
        string rule = Write("good.eql", "process where true");
        string first = Write("a.json", "{\"process.name\": \"long\"}");
        string second = Write("b.json", "{\"process.name\": \"keyword\"}");

        var (exitCode, _, error) = Run(new[] { rule }, first, second);

        exitCode.ShouldBe(0);
        error.ShouldBe($"{first}(1,18): warning RG3009: 'process.name' is declared here as long, but the Elastic Common Schema declares it as keyword, which is used: remove or correct this declaration{Environment.NewLine}");
    }

    // The build accepts nested names in a flat schema, so the command must too.
    [Fact]
    public void Check_NestedFlatSchemaAccepted()
    {
        string rule = Write("custom.eql", "process where process.Ext.relative_file_creation_time > 1.5");
        string schema = Write("schema.json", "{\"process\": {\"Ext\": {\"relative_file_creation_time\": \"double\"}}}");

        var (exitCode, output, _) = Run(new[] { rule }, schema);

        exitCode.ShouldBe(0, output);
    }
}
