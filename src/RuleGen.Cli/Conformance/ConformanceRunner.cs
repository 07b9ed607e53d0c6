using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using RuleGen.Cli.Compilation;
using RuleGen.Eql.Syntax;
using RuleGen.Events;

namespace RuleGen.Cli.Conformance;

/// <summary>The outcome of one query: passed, failed or skipped, with the reason for the last two.</summary>
internal sealed record QueryOutcome(SuiteQuery Query, QueryStatus Status, string Reason);

internal enum QueryStatus
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>How a suite orders the results it expects.</summary>
internal enum ResultOrder
{
    /// <summary>
    /// Elasticsearch: matches ordered by the search-order position of their last event, then of their earlier
    /// ones. This is the order the suite's expected sequences are listed in, for example [12, 13, 14] before
    /// [11, 16, 17].
    /// </summary>
    ByLastEvent,

    /// <summary>The Python engine: results in the order the engine emits them, which is completion order.</summary>
    AsEmitted,
}

/// <summary>
/// Runs suite queries through the real generator and compares their alerts with the expected event ids. All
/// queries over one data set are compiled together, as the rule files of one project, and each detector then
/// receives every event of the set.
/// </summary>
internal static class ConformanceRunner
{
    public static List<QueryOutcome> Run(IReadOnlyList<SuiteQuery> queries, SuiteEvents events, ResultOrder order, Func<SuiteQuery, string?> skipReason, Func<SuiteQuery, IReadOnlyList<CompileDiagnostic>, string?> dialectReason)
    {
        var outcomes = new List<QueryOutcome>();
        var runnable = new List<(SuiteQuery Query, SourceFile Rule)>();
        string folder = Path.Combine(Path.GetTempPath(), "rulegen-conformance");
        foreach (SuiteQuery query in queries)
        {
            if (skipReason(query) is { } reason)
            {
                outcomes.Add(new QueryOutcome(query, QueryStatus.Skipped, reason));
                continue;
            }

            string path = Path.Combine(folder, "q" + runnable.Count.ToString("D4", CultureInfo.InvariantCulture) + ".eql");
            runnable.Add((query, new SourceFile(path, query.Query)));
        }

        CompiledRules compiled = InMemoryRuleCompiler.Compile(folder, runnable.Select(pair => pair.Rule).ToList(), events.Schemas);
        foreach ((SuiteQuery query, SourceFile rule) in runnable)
        {
            List<CompileDiagnostic> diagnostics = compiled.DiagnosticsOf(rule.Path).ToList();
            if (dialectReason(query, diagnostics) is { } dialect)
            {
                outcomes.Add(new QueryOutcome(query, QueryStatus.Skipped, dialect));
                continue;
            }

            CompileDiagnostic? error = diagnostics.FirstOrDefault(diagnostic => diagnostic.IsError);
            if (!compiled.DetectorsByRulePath.TryGetValue(rule.Path, out LoadedDetector? detector) || error is not null)
            {
                error ??= compiled.Diagnostics.FirstOrDefault(diagnostic => diagnostic.IsError);
                string message = error is null ? "no detector was generated" : Describe(error);
                outcomes.Add(new QueryOutcome(query, QueryStatus.Failed, "does not compile: " + message));
                continue;
            }

            (List<long> actual, List<string> keys) = Execute(detector, query, events, order);
            if (!query.Expected.Any(expected => expected.SequenceEqual(actual)))
            {
                outcomes.Add(new QueryOutcome(query, QueryStatus.Failed, $"expected [{string.Join(" | ", query.Expected.Select(Format))}] but got [{Format(actual)}]"));
            }
            else if (query.JoinKeys is { } expectedKeys && !expectedKeys.SequenceEqual(keys))
            {
                outcomes.Add(new QueryOutcome(query, QueryStatus.Failed, $"expected join keys [{string.Join(", ", expectedKeys)}] but got [{string.Join(", ", keys)}]"));
            }
            else
            {
                outcomes.Add(new QueryOutcome(query, QueryStatus.Passed, string.Empty));
            }
        }

        // Report in the suite's order, whatever the order of compiling.
        var positions = new Dictionary<SuiteQuery, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < queries.Count; i++)
        {
            positions[queries[i]] = i;
        }

        return outcomes.OrderBy(outcome => positions[outcome.Query]).ToList();
    }

    // Returns the ids of the results, flattened, and their join key values, flattened the same way.
    private static (List<long> Ids, List<string> Keys) Execute(LoadedDetector detector, SuiteQuery query, SuiteEvents events, ResultOrder order)
    {
        detector.Reset();
        var alerts = new List<Alert>();
        using var reader = new JsonLinesEventReader(new StringReader(events.JsonLines));
        while (reader.TryReadNext(out EventReadResult? result))
        {
            if (result.Event is not null)
            {
                detector.Process(result.Event, alerts);
            }
        }

        detector.Flush(alerts);
        QuerySyntax? syntax = Parser.Parse(query.Query).Statement?.Query;
        bool[] slots = Slots(syntax);
        IEnumerable<Alert> ordered = alerts;
        if (syntax is SampleSyntax)
        {
            // Elasticsearch finds samples by a composite aggregation over the join keys, so it returns them in
            // ascending key order, a null key first.
            ordered = alerts.OrderBy(alert => alert.JoinKeys, KeyComparer.Instance);
        }
        else if (order == ResultOrder.ByLastEvent)
        {
            ordered = alerts.OrderBy(alert => alert.Events.Select(e => e.InputLine).Reverse().ToArray(), PositionComparer.Instance);
        }

        if (query.Size is { } size)
        {
            ordered = ordered.Take(size);
        }

        List<Alert> results = ordered.ToList();
        bool sample = syntax is SampleSyntax;
        return (
            results.SelectMany(alert => Ids(alert, slots, events.Ids)).ToList(),
            results.SelectMany(alert => alert.JoinKeys.Select(key => KeyText(key, sample))).ToList());
    }

    // The suite writes join key values as strings, "null" for a null key, and numbers and booleans as text.
    // Elasticsearch's EQL plugin reports a date key of a sample as epoch milliseconds, because the composite
    // aggregation returns the key as a long (CompositeKeyExtractor). A sequence reads its keys from the hits
    // as UTC dates (FieldHitExtractor), which the response writes as ISO 8601 text with milliseconds.
    private static string KeyText(object? value, bool sample) => value switch
    {
        null => "null",
        bool flag => flag ? "true" : "false",
        DateTimeOffset date when sample => date.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        DateTimeOffset date => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };

    // The result of a sequence lists an id per term, with -1 for a missing-event term, while an alert carries only
    // the events that matched. The slots mark the missing-event terms; 'with runs=N' repeats its term N times.
    private static bool[] Slots(QuerySyntax? query)
    {
        if (query is not SequenceSyntax sequence)
        {
            return Array.Empty<bool>();
        }

        return sequence.Terms.SelectMany(term => Enumerable.Repeat(term.IsMissing, term.Runs ?? 1)).ToArray();
    }

    private static long[] Ids(Alert alert, bool[] slots, long[] ids)
    {
        if (slots.Length == 0 || !slots.Contains(true))
        {
            return alert.Events.Select(e => ids[e.InputLine - 1]).ToArray();
        }

        var result = new long[slots.Length];
        int next = 0;
        for (int i = 0; i < slots.Length; i++)
        {
            result[i] = slots[i] || next >= alert.Events.Count ? -1 : ids[alert.Events[next++].InputLine - 1];
        }

        return result;
    }

    /// <summary>Describes a diagnostic as <c>RGnnnn at (line,col): message</c>.</summary>
    public static string Describe(CompileDiagnostic diagnostic) =>
        string.Create(CultureInfo.InvariantCulture, $"{diagnostic.Id} at ({diagnostic.Line},{diagnostic.Column}): {diagnostic.Message}");

    private static string Format(IEnumerable<long> ids) => string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    // Orders join key lists value by value, null first. The keys at one position have one type: strings compare
    // ordinally, and numbers, booleans and dates by value.
    private sealed class KeyComparer : IComparer<IReadOnlyList<object?>>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(IReadOnlyList<object?>? x, IReadOnlyList<object?>? y)
        {
            for (int i = 0; i < Math.Min(x!.Count, y!.Count); i++)
            {
                int order = (x[i], y[i]) switch
                {
                    (null, null) => 0,
                    (null, _) => -1,
                    (_, null) => 1,
                    (string left, string right) => string.CompareOrdinal(left, right),
                    (long left, long right) => left.CompareTo(right),
                    (bool left, bool right) => left.CompareTo(right),
                    (DateTimeOffset left, DateTimeOffset right) => left.CompareTo(right),
                    var (left, right) => string.CompareOrdinal(Convert.ToString(left, CultureInfo.InvariantCulture), Convert.ToString(right, CultureInfo.InvariantCulture)),
                };
                if (order != 0)
                {
                    return order;
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }

    private sealed class PositionComparer : IComparer<long[]>
    {
        public static readonly PositionComparer Instance = new();

        public int Compare(long[]? x, long[]? y)
        {
            for (int i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                int order = x[i].CompareTo(y[i]);
                if (order != 0)
                {
                    return order;
                }
            }

            return x.Length.CompareTo(y.Length);
        }
    }
}
