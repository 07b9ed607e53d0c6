using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using RuleGen.Cli.Compilation;
using RuleGen.Ecs;

namespace RuleGen.Cli.Conformance;

/// <summary>The outcome of one folding case: passed, failed or skipped, with the reason for the last two.</summary>
internal sealed record FoldOutcome(FoldCase Case, QueryStatus Status, string Reason);

/// <summary>
/// A documented difference between the Python engine and Elasticsearch for a kind of folding case: where
/// <see cref="Applies"/> holds, Elasticsearch's value is <see cref="ElasticsearchValue"/> (null for a null result)
/// rather than the value the file expects.
/// </summary>
internal sealed record ElasticsearchDifference(Func<FoldCase, bool> Applies, object? ElasticsearchValue, string Reason);

/// <summary>
/// Evaluates folding cases through the real generator. Each case becomes a rule over one event that matches
/// exactly when the expression has the expected value, as Elasticsearch's EQL compares it. All cases of a file
/// are compiled together, and a case passes when its detector raises exactly one alert on an empty event.
/// </summary>
internal static class FoldRunner
{
    private static readonly DateTimeOffset EventTime = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static List<FoldOutcome> Run(
        IReadOnlyList<FoldCase> cases,
        Func<FoldCase, IReadOnlyList<CompileDiagnostic>, string?> dialectReason,
        IReadOnlyList<ElasticsearchDifference> differences)
    {
        var outcomes = new Dictionary<FoldCase, FoldOutcome>(ReferenceEqualityComparer.Instance);
        var runnable = new List<FoldCase>();
        foreach (FoldCase foldCase in cases)
        {
            if (foldCase.CaseInsensitiveOnly)
            {
                outcomes[foldCase] = new FoldOutcome(foldCase, QueryStatus.Skipped, "the expected value holds only in the Python engine's case-insensitive mode, where comparisons and string functions ignore case; Elasticsearch's do not");
            }
            else if (RuleFor(foldCase.Expression, foldCase.Expected) is null)
            {
                outcomes[foldCase] = new FoldOutcome(foldCase, QueryStatus.Failed, $"the expected value {Format(foldCase.Expected)} has no EQL literal, so the case cannot be checked");
            }
            else
            {
                runnable.Add(foldCase);
            }
        }

        List<(FoldCase Case, string Rule, int? Alerts, CompileDiagnostic? Error)> results = Evaluate(runnable.Select(foldCase => (foldCase, RuleFor(foldCase.Expression, foldCase.Expected)!)).ToList(), out Dictionary<FoldCase, List<CompileDiagnostic>> diagnostics);
        var mismatched = new List<(FoldCase Case, string Rule, int Alerts)>();
        foreach ((FoldCase foldCase, string rule, int? alerts, CompileDiagnostic? error) in results)
        {
            if (dialectReason(foldCase, diagnostics[foldCase]) is { } dialect)
            {
                outcomes[foldCase] = new FoldOutcome(foldCase, QueryStatus.Skipped, dialect);
            }
            else if (alerts is null)
            {
                string message = error is null ? "no detector was generated" : ConformanceRunner.Describe(error);
                outcomes[foldCase] = new FoldOutcome(foldCase, QueryStatus.Failed, $"the rule `{rule}` does not compile: {message}");
            }
            else if (alerts == 1)
            {
                outcomes[foldCase] = new FoldOutcome(foldCase, QueryStatus.Passed, string.Empty);
            }
            else
            {
                mismatched.Add((foldCase, rule, alerts.Value));
            }
        }

        foreach (FoldOutcome outcome in Explain(mismatched, differences))
        {
            outcomes[outcome.Case] = outcome;
        }

        return cases.Select(foldCase => outcomes[foldCase]).ToList();
    }

    /// <summary>
    /// Writes the rule that matches one event exactly when <paramref name="expression"/> evaluates to
    /// <paramref name="expected"/>; null when the value has no EQL literal. A false result is tested with
    /// <c>not</c>, which keeps a null result null, so that a null does not pass for false.
    /// </summary>
    public static string? RuleFor(string expression, object? expected)
    {
        string? literal = expected switch
        {
            null => "null",
            long number => number.ToString(CultureInfo.InvariantCulture),
            double number => DoubleLiteral(number),
            string text => StringLiteral(text),
            _ => string.Empty,
        };

        return expected switch
        {
            true => $"any where ({expression})",
            false => $"any where not ({expression})",
            _ when literal is null => null,
            _ => $"any where ({expression}) == {literal}",
        };
    }

    // Compiles the rules together, as the query runner does, and runs each detector over one event. The alert
    // count is null for a rule that did not compile.
    private static List<(FoldCase Case, string Rule, int? Alerts, CompileDiagnostic? Error)> Evaluate(
        IReadOnlyList<(FoldCase Case, string Rule)> rules,
        out Dictionary<FoldCase, List<CompileDiagnostic>> diagnostics)
    {
        diagnostics = new Dictionary<FoldCase, List<CompileDiagnostic>>(ReferenceEqualityComparer.Instance);
        var results = new List<(FoldCase, string, int?, CompileDiagnostic?)>();
        if (rules.Count == 0)
        {
            return results;
        }

        string folder = Path.Combine(Path.GetTempPath(), "rulegen-folding");
        List<SourceFile> files = rules.Select((rule, i) => new SourceFile(Path.Combine(folder, "f" + i.ToString("D4", CultureInfo.InvariantCulture) + ".eql"), rule.Rule)).ToList();
        CompiledRules compiled = InMemoryRuleCompiler.Compile(folder, files, Array.Empty<SourceFile>());
        for (int i = 0; i < rules.Count; i++)
        {
            List<CompileDiagnostic> ruleDiagnostics = compiled.DiagnosticsOf(files[i].Path).ToList();
            diagnostics[rules[i].Case] = ruleDiagnostics;
            CompileDiagnostic? error = ruleDiagnostics.FirstOrDefault(diagnostic => diagnostic.IsError);
            if (!compiled.DetectorsByRulePath.TryGetValue(files[i].Path, out LoadedDetector? detector) || error is not null)
            {
                error ??= compiled.Diagnostics.FirstOrDefault(diagnostic => diagnostic.IsError);
                results.Add((rules[i].Case, rules[i].Rule, null, error));
                continue;
            }

            detector.Reset();
            var alerts = new List<Alert>();
            detector.Process(new EcsEvent { Timestamp = EventTime }, alerts);
            detector.Flush(alerts);
            results.Add((rules[i].Case, rules[i].Rule, alerts.Count, null));
        }

        return results;
    }

    // A case that compiled but did not match is a failure, unless Elasticsearch documents another value for it
    // and the generated code returns that value. A second rule checks that, and a third whether the value is null,
    // so that the failure line states what the generated code returned.
    private static IEnumerable<FoldOutcome> Explain(List<(FoldCase Case, string Rule, int Alerts)> mismatched, IReadOnlyList<ElasticsearchDifference> differences)
    {
        var probes = new List<(FoldCase Case, string Rule)>();
        var nullProbes = new Dictionary<FoldCase, int>(ReferenceEqualityComparer.Instance);
        var differenceProbes = new Dictionary<FoldCase, (int Index, ElasticsearchDifference Difference)>(ReferenceEqualityComparer.Instance);
        foreach ((FoldCase foldCase, _, _) in mismatched)
        {
            if (differences.FirstOrDefault(difference => difference.Applies(foldCase)) is { } difference && RuleFor(foldCase.Expression, difference.ElasticsearchValue) is { } elasticsearchRule)
            {
                differenceProbes[foldCase] = (probes.Count, difference);
                probes.Add((foldCase, elasticsearchRule));
            }

            if (foldCase.Expected is not null)
            {
                nullProbes[foldCase] = probes.Count;
                probes.Add((foldCase, RuleFor(foldCase.Expression, null)!));
            }
        }

        var probeResults = Evaluate(probes, out _);
        foreach ((FoldCase foldCase, string rule, int alerts) in mismatched)
        {
            if (differenceProbes.TryGetValue(foldCase, out var probe) && probeResults[probe.Index].Alerts == 1)
            {
                yield return new FoldOutcome(foldCase, QueryStatus.Skipped, $"{probe.Difference.Reason}; RuleGen returns Elasticsearch's value {Format(probe.Difference.ElasticsearchValue)}, the file expects {Format(foldCase.Expected)}");
                continue;
            }

            string value = !nullProbes.TryGetValue(foldCase, out int index) || probeResults[index].Alerts is not { } nullAlerts
                ? string.Empty
                : nullAlerts == 1 ? "; the expression is null" : "; the expression is not null";
            string count = alerts.ToString(CultureInfo.InvariantCulture) + (alerts == 1 ? " alert" : " alerts");
            yield return new FoldOutcome(foldCase, QueryStatus.Failed, $"expected {Format(foldCase.Expected)}, but the rule `{rule}` raised {count} on one event{value}");
        }
    }

    // A double as an EQL literal that reads back as the same double; '21' gets '.0' so that it stays a float.
    private static string? DoubleLiteral(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return null;
        }

        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOfAny(new[] { '.', 'E', 'e' }) < 0 ? text + ".0" : text;
    }

    // A string as a double-quoted EQL literal, with the escapes Elasticsearch's EQL reads.
    private static string StringLiteral(string value)
    {
        var literal = new StringBuilder("\"");
        foreach (char c in value)
        {
            literal.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u{" + ((int)c).ToString("X2", CultureInfo.InvariantCulture) + "}",
                _ => c.ToString(),
            });
        }

        return literal.Append('"').ToString();
    }

    /// <summary>Formats an expected value as the suite writes it: null, true, 2.5, "text".</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        string text => StringLiteral(text),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };
}
