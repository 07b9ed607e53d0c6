using System;
using System.Collections.Generic;
using System.IO;
using RuleGen.Cli.Conformance;

namespace RuleGen.Cli.Tests;

/// <summary>Runs <c>rulegen conformance</c> over small suites written here, in both layouts it reads.</summary>
public sealed class ConformanceRunnerTests : IDisposable
{
    // Windows FILETIME of 1970-01-01T00:00:00Z, and 100 ns ticks per millisecond.
    private const long UnixEpochFileTime = 116444736000000000;
    private const long TicksPerMillisecond = 10_000;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "rulegen-conformance-" + Guid.NewGuid().ToString("N"));

    public ConformanceRunnerTests()
    {
        Directory.CreateDirectory(folder);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(folder, name), text);

    private static string Event(long id, string category, string name, long milliseconds, string extra = "") =>
        $"{{\"serial_event_id\": {id}, \"event_type\": \"{category}\", \"name\": \"{name}\", \"timestamp\": {UnixEpochFileTime + (milliseconds * TicksPerMillisecond)}{extra}}}";

    private (int ExitCode, string Output, string Error) Run(int? minimumPassed = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = ConformanceCommand.Run(folder, minimumPassed, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private void WriteElasticsearchSuite(string queries)
    {
        Write("mapping-default.json", """
            {"properties": {
              "event_type": {"type": "keyword"}, "serial_event_id": {"type": "long"}, "name": {"type": "keyword"},
              "tag": {"type": "keyword", "null_value": "NULL"},
              "event": {"properties": {"category": {"type": "alias", "path": "event_type"}, "sequence": {"type": "alias", "path": "serial_event_id"}}}
            }}
            """);

        // File order differs from time order: the runner sorts by time as Elasticsearch's search does, giving
        // the order 2, 3, 1, 4.
        Write("test_data.json", "[" + string.Join(",\n", Event(1, "process", "a", 3), Event(2, "process", "b", 1), Event(3, "file", "a", 2, ", \"tag\": null"), Event(4, "process", "A", 4)) + "]");
        Write("test_queries.toml", queries);
    }

    [Fact]
    public void ElasticsearchLayout_ComparesIdsInSearchOrder()
    {
        WriteElasticsearchSuite("""
            [[queries]]
            name = "colonIgnoresCase"
            query = 'process where name : "a"'
            expected_event_ids = [1, 4]

            [[queries]]
            name = "nullValueIndexed"
            query = 'any where tag == "NULL"'
            expected_event_ids = [3]

            [[queries]]
            name = "sequenceByName"
            query = 'sequence by name [file where true] [process where true]'
            expected_event_ids = [3, 1]
            join_keys = ["a"]

            [[queries]]
            name = "unmappedOptionalKeyIsNull"
            query = 'sequence by ?nothing [file where true] [process where name == "a"]'
            expected_event_ids = [3, 1]
            join_keys = [null]

            [[queries]]
            name = "missingEventSlot"
            query = 'sequence with maxspan=1h [process where name == "b"] ![process where name == "zzz"] [file where true]'
            expected_event_ids = [2, -1, 3]
            """);

        var (exitCode, output, error) = Run();

        output.ShouldBe("5 passed, 0 failed, 0 skipped" + Environment.NewLine, error);
        exitCode.ShouldBe(0);
    }

    [Fact]
    public void ElasticsearchLayout_PrintsEachFailure()
    {
        WriteElasticsearchSuite("""
            [[queries]]
            name = "wrongExpectation"
            query = 'process where name == "b"'
            expected_event_ids = [4]

            [[queries]]
            name = "unknownField"
            query = 'process where nme == "b"'
            expected_event_ids = []

            [[queries]]
            name = "wrongJoinKeys"
            query = 'sequence by name [file where true] [process where true]'
            expected_event_ids = [3, 1]
            join_keys = ["b"]
            """);

        var (exitCode, output, _) = Run();

        string[] lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(4, output);
        lines[0].ShouldBe("FAIL test_queries.toml:wrongExpectation: expected [4] but got [2]");
        lines[1].ShouldStartWith("FAIL test_queries.toml:unknownField: does not compile: RG1001 at (1,15): Unknown field 'nme'");
        lines[2].ShouldBe("FAIL test_queries.toml:wrongJoinKeys: expected join keys [b] but got [a]");
        lines[3].ShouldBe("0 passed, 3 failed, 0 skipped");
        exitCode.ShouldBe(1);
    }

    // Two indices searched together, each writing the date field 'day' in the format of its own mapping.
    private void WriteDateSuite(string firstDay, string queries)
    {
        Write("mapping-default.json", "{\"properties\": {}}");
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        const string Mapping = """
            {"properties": {
              "day": {"type": "date", "format": "FORMAT"}, "event_type": {"type": "keyword"}, "id": {"type": "long"},
              "event": {"properties": {"category": {"type": "alias", "path": "event_type"}}}
            }}
            """;
        Write(Path.Combine("data", "day1.mapping"), Mapping.Replace("FORMAT", "dd-MM-yyyy", StringComparison.Ordinal));
        Write(Path.Combine("data", "day2.mapping"), Mapping.Replace("FORMAT", "yyyy/MM/dd||epoch_millis", StringComparison.Ordinal));
        Write(Path.Combine("data", "day1.data"), $$"""[{"id": 1, "event_type": "alert", "day": "{{firstDay}}"}, {"id": 2, "event_type": "alert", "day": "18-12-2022"}]""");
        Write(Path.Combine("data", "day2.data"), """[{"id": 3, "event_type": "failure", "day": "2022/12/18"}, {"id": 4, "event_type": "failure", "day": "1671235200000"}]""");
        Write("test_day.toml", queries);
    }

    // 1671235200000 is 2022-12-17T00:00:00Z and 1671321600000 the day after. Elasticsearch reports a sample's
    // date keys as epoch milliseconds and a sequence's as ISO 8601 text.
    [Fact]
    public void ElasticsearchLayout_ReadsDatesInMappingFormats()
    {
        WriteDateSuite("17-12-2022", """
            [[queries]]
            name = "sampleByDay"
            query = 'sample by day [alert where true] [failure where true]'
            expected_event_ids = [1, 4, 2, 3]
            join_keys = ["1671235200000", "1671321600000"]

            [[queries]]
            name = "sequenceByDay"
            query = 'sequence by day [alert where true] [failure where true]'
            expected_event_ids = [2, 3, 1, 4]
            join_keys = ["2022-12-18T00:00:00.000Z", "2022-12-17T00:00:00.000Z"]
            """);

        var (exitCode, output, error) = Run();

        output.ShouldBe("2 passed, 0 failed, 0 skipped" + Environment.NewLine, error);
        exitCode.ShouldBe(0);
    }

    [Fact]
    public void ElasticsearchLayout_DateNotInFormatExitsTwo()
    {
        WriteDateSuite("2022-12-17", """
            [[queries]]
            query = 'sample by day [alert where true] [failure where true]'
            expected_event_ids = []
            """);

        var (exitCode, _, error) = Run();

        exitCode.ShouldBe(2);
        error.ShouldBe($"error: {Path.Combine(folder, "data", "day1.data")}: the value '2022-12-17' of the date field 'day' does not match its format 'dd-MM-yyyy'.{Environment.NewLine}");
    }

    [Fact]
    public void PythonLayout_SkipsDialectAndCaseInsensitiveMode()
    {
        Write("test_data.json", "[" + string.Join(",\n", Event(1, "process", "a.exe", 1), Event(2, "process", "B.EXE", 2)) + "]");
        Write("test_queries.toml", """
            [[queries]]
            query = 'process where name == "b.exe"'
            expected_event_ids = [2]
            case_insensitive = true

            [[queries]]
            query = "process where name = 'a.exe'"
            expected_event_ids = [1]

            [[queries]]
            query = 'process where name : "A.EXE"'
            expected_event_ids = [1]
            """);
        Write("test_folding.toml", """
            [between]
            [[between.fold.tests]]
            expression = 'between("a-b-c", "-", "-")'
            expected = "b"

            [[between.fold.tests]]
            expression = 'between("abc", "x", "y")'
            """);

        var (exitCode, output, _) = Run();

        string[] lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(4, output);
        lines[0].ShouldBe("SKIP test_folding.toml:between#2 `between(\"abc\", \"x\", \"y\")`: between() without a null argument is the empty string in Elasticsearch when the left or right text is not found, and null in the Python engine; RuleGen returns Elasticsearch's value \"\", the file expects null");
        lines[1].ShouldBe("SKIP test_queries.toml:#1: the expected ids hold only in the Python engine's case-insensitive mode, where == ignores case; Elasticsearch's == does not");
        lines[2].ShouldStartWith("SKIP test_queries.toml:#2: written in the Python engine's syntax, not Elasticsearch's (RG0007 at (1,20):");
        lines[3].ShouldBe("2 passed, 0 failed, 3 skipped");
        exitCode.ShouldBe(0);
    }

    [Fact]
    public void PythonLayout_EvaluatesFoldingCases()
    {
        Write("test_data.json", "[" + Event(1, "process", "a.exe", 1) + "]");
        Write("test_folding.toml", """
            [arithmetic]
                [[arithmetic.fold.tests]]
                expression = "7 + -3"
                expected = 4

                [[arithmetic.fold.tests]]
                expression = "-7 / 2"
                expected = -3

                [[arithmetic.fold.tests]]
                expression = "7 / 2.0"
                expected = 3.5

                [[arithmetic.fold.tests]]
                expression = "7 / 2"
                expected = 4

            [logic]
                [[logic.fold.tests]]
                expression = "3 < 4 and true"
                expected = true

                [[logic.fold.tests]]
                expression = "false or null"

                [[logic.fold.tests]]
                expression = '"Foo" == "foo"'
                expected = false

                [[logic.fold.tests]]
                expression = "not null"
                expected = false

                [[logic.fold.tests]]
                expression = "1 < null"

            [strings]
                [[strings.tests]]
                expression = 'concat("a", 1)'
                expected = "a1"

                [[strings.tests]]
                expression = "length('abc')"
                expected = 3

                [[strings.tests]]
                expression = '"abc":length()'
                expected = 3

            [nulls]
                [[nulls.loop]]
                    [nulls.loop.param]
                    name = "value"
                    type = ["bool", "null"]

                    [nulls.loop.fold]
                        [[nulls.loop.fold.tests]]
                        expression = "$value != null"
                        expected = true

            [insensitive]
            case_insensitive = true
                [[insensitive.fold.tests]]
                expression = '"Foo" == "foo"'
                expected = true
            """);

        var (exitCode, output, _) = Run();

        string[] lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(7, output);
        lines[0].ShouldBe("FAIL test_folding.toml:arithmetic#4 `7 / 2`: expected 4, but the rule `any where (7 / 2) == 4` raised 0 alerts on one event; the expression is not null");
        lines[1].ShouldBe("FAIL test_folding.toml:logic#4 `not null`: expected false, but the rule `any where not (not null)` raised 0 alerts on one event; the expression is null");
        lines[2].ShouldBe("SKIP test_folding.toml:strings#2 `length('abc')`: written in the Python engine's syntax, not Elasticsearch's (RG0006 at (1,19): EQL strings use double quotes: write \"abc\" instead of 'abc')");
        lines[3].ShouldStartWith("SKIP test_folding.toml:strings#3 `\"abc\":length()`: uses the Python engine's method syntax ':length()', which Elasticsearch's EQL does not have (RG1003 at (1,11): ");
        lines[4].ShouldBe("FAIL test_folding.toml:nulls.loop1[null]#1 `null != null`: expected true, but the rule `any where (null != null)` raised 0 alerts on one event; the expression is not null");
        lines[5].ShouldBe("SKIP test_folding.toml:insensitive#1 `\"Foo\" == \"foo\"`: the expected value holds only in the Python engine's case-insensitive mode, where comparisons and string functions ignore case; Elasticsearch's do not");
        lines[6].ShouldBe("9 passed, 3 failed, 3 skipped");
        exitCode.ShouldBe(1);
    }

    // A case that expects the Python engine's value is skipped only when the generated code returns the value that
    // the difference names for Elasticsearch. Otherwise it still fails.
    [Fact]
    public void FoldRunner_SkipsOnlyVerifiedDifference()
    {
        var cases = new[]
        {
            new FoldCase("t.toml", "a#1", "-7 / 2", -4L, false, false),
            new FoldCase("t.toml", "a#2", "7 / 2", 4L, false, false),
        };
        var differences = new[]
        {
            new ElasticsearchDifference(foldCase => foldCase.Name == "a#1", -3L, "truncates"),
            new ElasticsearchDifference(foldCase => foldCase.Name == "a#2", 5L, "claims 5"),
        };

        List<FoldOutcome> outcomes = FoldRunner.Run(cases, (_, _) => null, differences);

        outcomes[0].Status.ShouldBe(QueryStatus.Skipped);
        outcomes[0].Reason.ShouldBe("truncates; RuleGen returns Elasticsearch's value -3, the file expects -4");
        outcomes[1].Status.ShouldBe(QueryStatus.Failed);
        outcomes[1].Reason.ShouldBe("expected 4, but the rule `any where (7 / 2) == 4` raised 0 alerts on one event; the expression is not null");
    }

    [Fact]
    public void FoldRunner_RulesForEachValueType()
    {
        FoldRunner.RuleFor("x", 10L).ShouldBe("any where (x) == 10");
        FoldRunner.RuleFor("x", 21.0).ShouldBe("any where (x) == 21.0");
        FoldRunner.RuleFor("x", 2.33333333333333333).ShouldBe("any where (x) == 2.3333333333333335");
        FoldRunner.RuleFor("x", true).ShouldBe("any where (x)");
        FoldRunner.RuleFor("x", false).ShouldBe("any where not (x)");
        FoldRunner.RuleFor("x", null).ShouldBe("any where (x) == null");
        FoldRunner.RuleFor("x", "a\"b\\c\n").ShouldBe("any where (x) == \"a\\\"b\\\\c\\n\"");
        FoldRunner.RuleFor("x", double.NaN).ShouldBeNull();
    }

    [Fact]
    public void MissingSuite_ExitsTwo()
    {
        string missing = Path.Combine(folder, "none");
        var output = new StringWriter();
        var error = new StringWriter();

        ConformanceCommand.Run(missing, null, output, error).ShouldBe(2);
        error.ToString().ShouldBe($"error: the suite folder '{missing}' was not found; pass a folder of *.toml query files and their data.{Environment.NewLine}");
    }
}
