using System;
using System.IO;
using System.Linq;
using RuleGen.Cli.Conformance;

namespace RuleGen.Cli.Tests;

/// <summary>A fact that runs only when the EQL conformance suites are present; otherwise it is skipped with the reason.</summary>
public sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute()
    {
        if (ConformanceSuiteTests.FindSuite("elasticsearch-eql") is null || ConformanceSuiteTests.FindSuite("endgame-eql") is null)
        {
            Skip = $"The EQL conformance suites {SharedData.Describe(Path.Combine("conformance", "elasticsearch-eql"))} and endgame-eql were not found; they are not part of the repository, so the suite runs are skipped.";
        }
    }
}

/// <summary>
/// Runs the conformance suites of Elasticsearch and of the Python engine through <c>rulegen conformance</c>. Each
/// test names the failing queries, so a query that starts to fail and one that starts to pass both fail it.
/// </summary>
public class ConformanceSuiteTests
{
    internal static string? FindSuite(string name) => SharedData.FindFolder(Path.Combine("conformance", name));

    private static (int ExitCode, string[] Lines, string Error) Run(string suite, int? minimumPassed = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = ConformanceCommand.Run(suite, minimumPassed, output, error);
        return (exitCode, output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), error.ToString());
    }

    [ConformanceFact]
    public void ElasticsearchSuite_FailsOnlyKnownQueries()
    {
        var (exitCode, lines, _) = Run(FindSuite("elasticsearch-eql")!);

        string report = string.Join(Environment.NewLine, lines);
        lines[^1].ShouldBe("285 passed, 2 failed, 0 skipped", report);
        exitCode.ShouldBe(1);
        string[] failed = lines.Where(line => line.StartsWith("FAIL ", StringComparison.Ordinal)).Select(line => line.Substring(5, line.IndexOf(": ", StringComparison.Ordinal) - 5)).ToArray();
        failed.ShouldBe(
            new[]
            {
                // The suite's copy of extra.mapping has no 'version' field, so it is a keyword and compares as text.
                // Elasticsearch's own copy maps it as 'version', which RuleGen does not order as versions either.
                "test_extra.toml:sequenceWithVersionRangeCheck",
                "test_extra.toml:sequenceWithVersionRangeCheck2",
            },
            report);
    }

    [ConformanceFact]
    public void ElasticsearchSuite_MinimumPassedDecidesExitCode()
    {
        Run(FindSuite("elasticsearch-eql")!, minimumPassed: 285).ExitCode.ShouldBe(0);
        var (exitCode, _, error) = Run(FindSuite("elasticsearch-eql")!, minimumPassed: 286);

        exitCode.ShouldBe(1);
        error.ShouldBe("error: 285 queries passed, fewer than the required 286." + Environment.NewLine);
    }

    [ConformanceFact]
    public void EndgameSuite_PassesEveryElasticsearchQuery()
    {
        var (exitCode, lines, _) = Run(FindSuite("endgame-eql")!);

        string report = string.Join(Environment.NewLine, lines);
        lines[^1].ShouldBe("249 passed, 0 failed, 250 skipped", report);
        exitCode.ShouldBe(0);
        string[] queries = lines.Where(line => line.Contains(" test_queries.toml:", StringComparison.Ordinal)).ToArray();
        queries.Length.ShouldBe(172, report);
        queries.ShouldAllBe(line => line.StartsWith("SKIP ", StringComparison.Ordinal), report);
        queries.Count(line => line.Contains("only in the Python engine's case-insensitive mode", StringComparison.Ordinal)).ShouldBe(47, report);
        queries.Count(line => line.Contains("written in the Python engine's syntax", StringComparison.Ordinal)).ShouldBe(63, report);
    }

    // The folding files have 258 cases once their loops are expanded: 180 pass (249 passed minus the 69 queries),
    // and each of the other 78 prints a line.
    [ConformanceFact]
    public void EndgameSuite_FoldingCases()
    {
        var (_, lines, _) = Run(FindSuite("endgame-eql")!);

        string report = string.Join(Environment.NewLine, lines);
        string[] folding = lines.Where(line => line.Contains(" test_folding.toml:", StringComparison.Ordinal) || line.Contains(" test_string_functions.toml:", StringComparison.Ordinal)).ToArray();
        folding.Length.ShouldBe(78, report);
        folding.Count(line => line.StartsWith("FAIL ", StringComparison.Ordinal)).ShouldBe(0, report);

        string[] skipped = folding.Where(line => line.StartsWith("SKIP ", StringComparison.Ordinal)).ToArray();
        skipped.Length.ShouldBe(78, report);
        skipped.Count(line => line.Contains("only in the Python engine's case-insensitive mode", StringComparison.Ordinal)).ShouldBe(20, report);
        skipped.Count(line => line.Contains("written in the Python engine's syntax", StringComparison.Ordinal)).ShouldBe(32, report);
        skipped.Count(line => line.Contains("uses 'match(' of the Python engine's dialect", StringComparison.Ordinal)).ShouldBe(6, report);
        skipped.Count(line => line.Contains("uses 'wildcard(' of the Python engine's dialect", StringComparison.Ordinal)).ShouldBe(13, report);
        skipped.Count(line => line.Contains("uses the Python engine's method syntax ':length()'", StringComparison.Ordinal)).ShouldBe(2, report);
        skipped.Count(line => line.Contains("between() without a null argument is the empty string in Elasticsearch", StringComparison.Ordinal)).ShouldBe(5, report);
    }
}
