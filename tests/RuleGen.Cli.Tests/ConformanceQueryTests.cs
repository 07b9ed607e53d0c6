using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using RuleGen.Cli.Check;
using RuleGen.Eql;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Schema;
using Tomlyn;
using Tomlyn.Model;

namespace RuleGen.Cli.Tests;

/// <summary>A fact that runs only when the EQL conformance suites are present; otherwise it is skipped with the reason.</summary>
public sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute()
    {
        if (ConformanceQueryTests.FindSuite() is null)
        {
            Skip = "The Elasticsearch EQL conformance suite <repository>/../shared/conformance/elasticsearch-eql was not found; it is not part of the repository, so conformance tests are skipped.";
        }
    }
}

/// <summary>
/// Compiles the queries of Elasticsearch's EQL test suite with the suite's own mappings. This checks only that
/// RuleGen accepts each query. Running the queries against the suite's events needs a JSON-backed event type,
/// which does not exist yet. Each test lists the rejected queries by name, so a query that starts to fail and
/// one that starts to pass both fail it.
/// </summary>
public class ConformanceQueryTests
{
    internal static string? FindSuite() => SharedData.FindFolder(Path.Combine("conformance", "elasticsearch-eql"));

    [ConformanceFact]
    public void MainSuite_AllQueriesCompile()
    {
        string suite = FindSuite()!;
        FieldSchema schema = SuiteSchema(Path.Combine(suite, "mapping-default.json"), Path.Combine(suite, "test_data.json"));

        List<(string Query, EqlDiagnostic Error)> errors = CompileAll(schema, out int total, Path.Combine(suite, "test_queries.toml"), Path.Combine(suite, "additional_test_queries.toml"));

        total.ShouldBe(194);
        errors.ShouldBeEmpty(Describe(errors));
    }

    [ConformanceFact]
    public void MissingEventsSuite_OnlyRunsOnMissingRejected()
    {
        string suite = FindSuite()!;
        string data = Path.Combine(suite, "data");
        FieldSchema schema = SuiteSchema(Path.Combine(data, "missing-events.mapping"), Path.Combine(data, "missing-events.data"));

        List<(string Query, EqlDiagnostic Error)> errors = CompileAll(schema, out int total, Path.Combine(suite, "test_missing_events.toml"));

        string report = Describe(errors);
        total.ShouldBe(26);
        errors.Select(pair => pair.Query).ShouldBe(new[] { "withByKey_runsOnMissing" }, report);
        errors.ShouldAllBe(pair => pair.Error.Id == "RG2003" && pair.Error.Message.Contains("'with runs' on a missing-event term"), report);
    }

    [ConformanceFact]
    public void ExtraSuite_OnlyKeywordNumberRejected()
    {
        string suite = FindSuite()!;
        string data = Path.Combine(suite, "data");
        FieldSchema schema = SuiteSchema(Path.Combine(data, "extra.mapping"), Path.Combine(data, "extra.data"));

        // The file writes 'join_keys = [null]', which is not TOML because TOML has no null. The join keys are
        // expected results, which this test does not read, so those lines are dropped.
        string text = Regex.Replace(File.ReadAllText(Path.Combine(suite, "test_extra.toml")), @"^\s*join_keys\s*=\s*\[[^\]]*\]", string.Empty, RegexOptions.Multiline);
        List<(string Query, EqlDiagnostic Error)> errors = CompileTexts(schema, out int total, new[] { text });

        total.ShouldBe(40);
        // TODO: the suite expects '?optional_field_mapping_only == 123' on a keyword field to run and match
        // nothing, while RuleGen rejects a keyword compared with a number (RG1003), as Elasticsearch is believed to
        // outside this case. Find out which type rule Elasticsearch applies here, then match it or document it.
        errors.Select(pair => pair.Query).ShouldBe(new[] { "optionalNoDocsFieldNumericEquality" }, Describe(errors));
        errors.ShouldAllBe(pair => pair.Error.Id == "RG1003", Describe(errors));
    }

    [ConformanceFact]
    public void SampleSuite_AllRejectedAsSample()
    {
        string suite = FindSuite()!;
        string data = Path.Combine(suite, "data");
        FieldSchema schema = SuiteSchema(Path.Combine(data, "sample1.mapping"), Path.Combine(data, "sample1.data"));
        foreach (string index in new[] { "sample2", "sample3" })
        {
            schema = schema.WithCustomFields(SchemaLoader.Load(Path.Combine(data, index + ".mapping"), TextWriter.Null));
        }

        List<(string Query, EqlDiagnostic Error)> errors = CompileAll(schema, out int total, Path.Combine(suite, "test_sample.toml"));

        string report = Describe(errors);
        total.ShouldBe(25);
        errors.Count.ShouldBe(25, report);
        errors.ShouldAllBe(pair => pair.Error.Id == "RG2003" && pair.Error.Message.Contains("'sample'"), report);
    }

    private static List<(string Query, EqlDiagnostic Error)> CompileAll(FieldSchema schema, out int total, params string[] files) =>
        CompileTexts(schema, out total, files.Select(File.ReadAllText).ToArray());

    private static List<(string Query, EqlDiagnostic Error)> CompileTexts(FieldSchema schema, out int total, string[] suiteTexts)
    {
        RuleCompilerOptions options = new(schema, RequireTypedMembers: false);
        var errors = new List<(string Query, EqlDiagnostic Error)>();
        total = 0;
        foreach (string suiteText in suiteTexts)
        {
            TomlTable model = TomlSerializer.Deserialize<TomlTable>(suiteText, (TomlSerializerOptions?)null)!;
            foreach (TomlTable query in ((TomlTableArray)model["queries"]).OfType<TomlTable>())
            {
                total++;
                string name = (string)query["name"];
                RuleCompilation compilation = RuleCompiler.Compile((string)query["query"], name, options);
                errors.AddRange(compilation.Diagnostics
                    .Where(diagnostic => diagnostic.Severity == EqlSeverity.Error)
                    .Select(error => (name, error)));
            }
        }

        return errors;
    }

    private static string Describe(IEnumerable<(string Query, EqlDiagnostic Error)> errors) =>
        string.Join(Environment.NewLine, errors.Select(pair => $"{pair.Query}: {pair.Error.Id} {pair.Error.Message}"));

    // Elasticsearch maps the fields that a mapping leaves out dynamically, by the type of their first value.
    // The test does the same from the suite's events: strings as keyword, whole numbers as long.
    private static FieldSchema SuiteSchema(string mapping, string events)
    {
        // Elasticsearch's test harness replaces this placeholder with keyword, constant_keyword or wildcard.
        string mappingText = File.ReadAllText(mapping).Replace("[runtime_random_keyword_type]", "keyword");
        List<KeyValuePair<string, string>> fields = SchemaLoader.Parse(mappingText, mapping, TextWriter.Null);
        var known = new HashSet<string>(fields.Select(field => field.Key), StringComparer.Ordinal);
        // The missing-events data file carries // comments.
        var readOptions = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip };
        using JsonDocument data = JsonDocument.Parse(File.ReadAllText(events), readOptions);
        foreach (JsonElement item in data.RootElement.EnumerateArray())
        {
            foreach (JsonProperty property in item.EnumerateObject())
            {
                JsonElement value = property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() > 0
                    ? property.Value[0]
                    : property.Value;
                string? type = value.ValueKind switch
                {
                    JsonValueKind.String => "keyword",
                    JsonValueKind.Number => value.TryGetInt64(out _) ? "long" : "double",
                    JsonValueKind.True or JsonValueKind.False => "boolean",
                    _ => null,
                };
                if (type is not null && known.Add(property.Name))
                {
                    fields.Add(new KeyValuePair<string, string>(property.Name, type));
                }
            }
        }

        return FieldSchema.Ecs.WithCustomFields(fields);
    }
}
