using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using RuleGen.Cli.Compilation;

namespace RuleGen.Cli.Conformance;

/// <summary>
/// <c>rulegen conformance</c>: runs a folder of EQL test queries (TOML, in the layout of Elasticsearch's QA suite
/// or of the Python engine's suite) over their event data, compiling each query through the real generator. It
/// evaluates the Python engine's folding cases through the generator as well (see <see cref="FoldRunner"/>), and
/// prints one line per failure and per skip, then <c>N passed, N failed, N skipped</c>.
/// </summary>
internal static class ConformanceCommand
{
    private const string ElasticsearchMapping = "mapping-default.json";
    private const string DefaultData = "test_data.json";

    // Parse errors of the Python engine's own syntax, which Elasticsearch's EQL does not have.
    private static readonly string[] LegacyIds = { "RG0006", "RG0007" };
    private static readonly string[] LegacyWords = { "child of", "descendant of", "event of", "join", "| count", "| unique", "| sort", "| filter", "fork", "arrayContains", "arraySearch", "arrayCount", "matchLite", "match(", "safe(", "?'", "?\"", "wildcard(" };

    // The Python engine's method syntax, 'value:function()', which calls function(value).
    private static readonly Regex MethodCall = new(@":\s*[A-Za-z_][A-Za-z0-9_]*\s*\(", RegexOptions.CultureInvariant);

    private static readonly Regex NullLiteral = new(@"\bnull\b", RegexOptions.CultureInvariant);

    // Documented differences between Elasticsearch's functions and the Python engine's, for folding cases that
    // expect the Python engine's value. RuleGen's between() follows Elasticsearch and returns the empty string when
    // the left or right text is not found (docs/eql-semantics.md), where the Python engine returns null.
    private static readonly ElasticsearchDifference[] ElasticsearchDifferences =
    {
        new(
            foldCase => foldCase.Expression.StartsWith("between(", StringComparison.OrdinalIgnoreCase) && foldCase.Expected is null && !NullLiteral.IsMatch(foldCase.Expression),
            string.Empty,
            "between() without a null argument is the empty string in Elasticsearch when the left or right text is not found, and null in the Python engine"),
    };

    /// <param name="suite">The suite folder.</param>
    /// <param name="minimumPassed">When given, the run fails unless at least this many queries and folding cases pass.</param>
    /// <returns>0 when no query or case failed, or when at least <paramref name="minimumPassed"/> passed; 1 otherwise; 2 when the suite cannot be read.</returns>
    public static int Run(string suite, int? minimumPassed, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(suite))
        {
            error.WriteLine($"error: the suite folder '{suite}' was not found; pass a folder of *.toml query files and their data.");
            return 2;
        }

        bool elasticsearch = File.Exists(Path.Combine(suite, ElasticsearchMapping));
        if (!elasticsearch && !File.Exists(Path.Combine(suite, DefaultData)))
        {
            error.WriteLine($"error: '{suite}' has neither {ElasticsearchMapping} (Elasticsearch's layout) nor {DefaultData} (the Python engine's layout).");
            return 2;
        }

        // Each line of the report in file order: the folding cases of a file, then its queries.
        var results = new List<(string Label, QueryStatus Status, string Reason)>();
        try
        {
            foreach (string file in Directory.EnumerateFiles(suite, "*.toml").Order(StringComparer.Ordinal))
            {
                List<SuiteQuery> queries = SuiteQueries.Read(file, out List<FoldCase> foldCases);
                if (foldCases.Count > 0)
                {
                    results.AddRange(FoldRunner.Run(foldCases, FoldDialectSkip, ElasticsearchDifferences)
                        .Select(outcome => (outcome.Case.Label, outcome.Status, outcome.Reason)));
                }

                if (queries.Count == 0)
                {
                    continue;
                }

                SuiteEvents events = SuiteEvents.Load(DataFor(suite, file, elasticsearch));
                List<QueryOutcome> outcomes = elasticsearch
                    ? ConformanceRunner.Run(queries, events, ResultOrder.ByLastEvent, _ => null, (_, _) => null)
                    : ConformanceRunner.Run(queries, events, ResultOrder.AsEmitted, PythonModeSkip, LegacySyntax);
                results.AddRange(outcomes.Select(outcome => (outcome.Query.Label, outcome.Status, outcome.Reason)));
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {exception.Message}");
            return 2;
        }

        foreach ((string label, QueryStatus status, string reason) in results.Where(result => result.Status != QueryStatus.Passed))
        {
            output.WriteLine($"{(status == QueryStatus.Failed ? "FAIL" : "SKIP")} {label}: {reason}");
        }

        int passed = results.Count(result => result.Status == QueryStatus.Passed);
        int failed = results.Count(result => result.Status == QueryStatus.Failed);
        int skipped = results.Count(result => result.Status == QueryStatus.Skipped);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{passed} passed, {failed} failed, {skipped} skipped"));
        if (minimumPassed is { } minimum)
        {
            if (passed < minimum)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: {passed} queries passed, fewer than the required {minimum}."));
                return 1;
            }

            return 0;
        }

        return failed > 0 ? 1 : 0;
    }

    // Elasticsearch's layout: test_<name>.toml runs over data/<name>.data, or over every data/<name>N.data
    // searched together, and the rest over test_data.json. The Python engine's suite has one data file.
    private static List<SuiteDataFile> DataFor(string suite, string queryFile, bool elasticsearch)
    {
        if (!elasticsearch)
        {
            return new List<SuiteDataFile> { new(Path.Combine(suite, DefaultData), null) };
        }

        string stem = Path.GetFileNameWithoutExtension(queryFile);
        string name = stem.StartsWith("test_", StringComparison.Ordinal) ? stem.Substring("test_".Length).Replace('_', '-') : stem;
        string data = Path.Combine(suite, "data");
        if (Directory.Exists(data))
        {
            if (File.Exists(Path.Combine(data, name + ".data")))
            {
                return new List<SuiteDataFile> { WithMapping(Path.Combine(data, name + ".data")) };
            }

            List<SuiteDataFile> numbered = Directory.EnumerateFiles(data, name + "*.data")
                .Where(path => Path.GetFileNameWithoutExtension(path).Substring(name.Length).All(char.IsAsciiDigit))
                .Order(StringComparer.Ordinal)
                .Select(WithMapping)
                .ToList();
            if (numbered.Count > 0)
            {
                return numbered;
            }
        }

        return new List<SuiteDataFile> { new(Path.Combine(suite, DefaultData), Path.Combine(suite, ElasticsearchMapping)) };
    }

    private static SuiteDataFile WithMapping(string dataPath)
    {
        string mapping = Path.ChangeExtension(dataPath, ".mapping");
        return new SuiteDataFile(dataPath, File.Exists(mapping) ? mapping : null);
    }

    // The Python engine ignores case in its default mode, where '==' matches "CMD.EXE" against "cmd.exe". An
    // expectation that holds only in that mode is not Elasticsearch's result, so it is not checked.
    private static string? PythonModeSkip(SuiteQuery query) => query.CaseInsensitiveOnly
        ? "the expected ids hold only in the Python engine's case-insensitive mode, where == ignores case; Elasticsearch's == does not"
        : null;

    // A query of the Python engine's suite is outside Elasticsearch's EQL when it uses that engine's syntax or
    // dialect, when '==' carries a wildcard (a pattern there, a literal in Elasticsearch), or when Elasticsearch
    // rejects it too: unknown fields, field-to-field comparisons, expressions as join keys, array indexes.
    private static string? LegacySyntax(SuiteQuery query, IReadOnlyList<CompileDiagnostic> diagnostics)
    {
        CompileDiagnostic? error = diagnostics.FirstOrDefault(diagnostic => diagnostic.IsError);
        if (PythonDialectReason(query.Query, error) is { } dialect)
        {
            return dialect;
        }

        if (diagnostics.FirstOrDefault(diagnostic => diagnostic.Id == "RG5001") is { } wildcard)
        {
            return "'==' with a wildcard is a pattern in the Python engine and a literal comparison in Elasticsearch (" + ConformanceRunner.Describe(wildcard) + ")";
        }

        if (error is not null && (error.Id.StartsWith("RG1", StringComparison.Ordinal) || (error.Id == "RG0004" && error.Message.Contains("without an index", StringComparison.Ordinal))))
        {
            return "Elasticsearch rejects this query too (" + ConformanceRunner.Describe(error) + ")";
        }

        return null;
    }

    // A folding case is outside Elasticsearch's EQL when it fails to compile because of the Python engine's syntax,
    // its functions or its method syntax '"hello":length()'. A case has no fields, so any other error is a failure.
    private static string? FoldDialectSkip(FoldCase foldCase, IReadOnlyList<CompileDiagnostic> diagnostics)
    {
        CompileDiagnostic? error = diagnostics.FirstOrDefault(diagnostic => diagnostic.IsError);
        if (PythonDialectReason(foldCase.Expression, error) is { } dialect)
        {
            return dialect;
        }

        if (error is not null && MethodCall.Match(foldCase.Expression) is { Success: true } method)
        {
            return $"uses the Python engine's method syntax '{method.Value.Trim()})', which Elasticsearch's EQL does not have ({ConformanceRunner.Describe(error)})";
        }

        return null;
    }

    // The Python engine's syntax (single quotes, '=') and the words of its dialect, when they cause an error.
    private static string? PythonDialectReason(string text, CompileDiagnostic? error)
    {
        if (error is not null && LegacyIds.Contains(error.Id))
        {
            return "written in the Python engine's syntax, not Elasticsearch's (" + ConformanceRunner.Describe(error) + ")";
        }

        string? word = LegacyWords.FirstOrDefault(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));
        if (error is not null && word is not null)
        {
            return $"uses '{word}' of the Python engine's dialect, which Elasticsearch's EQL does not have ({ConformanceRunner.Describe(error)})";
        }

        return null;
    }
}
