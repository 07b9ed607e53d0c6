using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RuleGen.Eql;
using RuleGen.Eql.Binding;

namespace RuleGen.Generators.Emit;

/// <summary>
/// Writes <c>DetectorPack</c>, which runs every detector of the project as one engine: it reads an event's
/// <c>event.category</c> once and hands the event only to the detectors that can use that category, plus those
/// that need every event. Event queries that require one value of the field most rules test, such as
/// <c>host.os.type == "windows"</c>, receive only events with that value.
/// </summary>
internal static class PackEmitter
{
    /// <summary>
    /// The categories whose events a rule needs, sorted; empty when it needs every event: an <c>any where</c>
    /// term, or missing-event terms, whose trailing window any later event may close.
    /// </summary>
    public static EquatableArray<string> Categories(QueryPlan plan)
    {
        IEnumerable<EventFilterPlan> filters = plan switch
        {
            EventQueryPlan query => new[] { query.Filter },
            SequencePlan sequence => sequence.Terms.Select(term => term.Filter)
                .Concat(sequence.Until is { } until ? new[] { until.Filter } : Array.Empty<EventFilterPlan>())
                .Concat(sequence.Suppression is { } suppression ? new[] { suppression.Filter } : Array.Empty<EventFilterPlan>()),
            SamplePlan sample => sample.Terms.Select(term => term.Filter),
            _ => Array.Empty<EventFilterPlan>(),
        };
        List<EventFilterPlan> all = filters.ToList();
        bool everyEvent = all.Count == 0
            || all.Any(filter => filter.Category is null)
            || (plan is SequencePlan withMissing && withMissing.Terms.Any(term => term.IsMissing));
        return everyEvent
            ? EquatableArray<string>.Empty
            : all.Select(filter => filter.Category!).Distinct(StringComparer.Ordinal).OrderBy(category => category, StringComparer.Ordinal).ToEquatableArray();
    }

    /// <summary>
    /// The case-sensitive equality tests on typed string fields among an event query's top-level 'and' operands.
    /// The query can only match an event whose field has one of the values, so the pack may skip it for the others.
    /// Sequences and samples have none: each of their terms tests different things.
    /// </summary>
    public static EquatableArray<DispatchGuard> Guards(QueryPlan plan)
    {
        if (plan is not EventQueryPlan query)
        {
            return EquatableArray<DispatchGuard>.Empty;
        }

        var guards = new List<DispatchGuard>();
        foreach (BoundExpression conjunct in ConditionEmitter.Conjuncts(query.Filter.Condition))
        {
            if (conjunct is BoundStringMatch { IgnoreCase: false } match
                && !match.Field.IsArray
                && match.Field.MemberPath.Length > 0
                && match.Field.Kind == Eql.Schema.FieldKind.String
                && match.Patterns.All(pattern => pattern.Kind == PatternKind.Exact)
                && !guards.Any(guard => guard.Field == match.Field.Name))
            {
                EquatableArray<string> values = match.Patterns.Select(pattern => pattern.Text).Distinct(StringComparer.Ordinal).OrderBy(value => value, StringComparer.Ordinal).ToEquatableArray();
                guards.Add(new DispatchGuard(match.Field.Name, match.Field.MemberPath, values));
            }
        }

        return guards.ToEquatableArray();
    }

    /// <param name="namespaceName">The namespace of the generated code.</param>
    /// <param name="rules">For each detector, in the order of <c>Detectors.CreateAll()</c>, the categories it needs and its guards.</param>
    public static string Emit(string namespaceName, IReadOnlyList<(EquatableArray<string> Categories, EquatableArray<DispatchGuard> Guards)> rules)
    {
        // The pack dispatches on the one field that most rules guard on, once at least two do.
        DispatchGuard? chosen = rules
            .SelectMany(rule => rule.Guards)
            .GroupBy(guard => guard.Field, StringComparer.Ordinal)
            .Where(group => group.Count() >= 2)
            .OrderByDescending(group => group.Count())
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => group.First())
            .FirstOrDefault();

        // The empty category "" lists the detectors that need every event.
        var unguarded = new SortedDictionary<string, List<int>>(StringComparer.Ordinal) { [string.Empty] = new List<int>() };
        var guarded = new SortedDictionary<string, SortedDictionary<string, List<int>>>(StringComparer.Ordinal);
        for (int i = 0; i < rules.Count; i++)
        {
            DispatchGuard? guard = chosen is null ? null : rules[i].Guards.FirstOrDefault(candidate => candidate.Field == chosen.Field);
            IEnumerable<string> categories = rules[i].Categories.Count == 0 ? new[] { string.Empty } : rules[i].Categories;
            foreach (string category in categories)
            {
                if (guard is null)
                {
                    Add(unguarded, category, i);
                    continue;
                }

                if (!guarded.TryGetValue(category, out SortedDictionary<string, List<int>>? byValue))
                {
                    guarded[category] = byValue = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
                }

                foreach (string value in guard.Values)
                {
                    Add(byValue, value, i);
                }
            }
        }

        var writer = new SourceWriter();
        GeneratedFile.WriteHeader(writer);
        writer.Line($"namespace {namespaceName};");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// Every detector of the project as one engine. An event goes only to the detectors whose rules name one of its");
        writer.Line("/// <c>event.category</c> values, and to those that need every event; the alerts are the ones the detectors");
        writer.Line("/// would raise if each saw every event. Not thread-safe: give each thread its own pack.");
        if (chosen is not null)
        {
            writer.Line($"/// An event query that requires <c>{CSharpLiterals.Xml(chosen.Field)} == value</c> also receives only events with that value.");
        }

        writer.Line("/// </summary>");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        using (writer.Block("internal sealed class DetectorPack"))
        {
            writer.Line("private static readonly int[] NoDetectors = global::System.Array.Empty<int>();");
            writer.Line();
            writer.Line("// Detectors that need every event: 'any where' terms, or missing-event terms whose window any event may close.");
            writer.Line($"private static readonly int[] EveryEvent = {Indexes(unguarded[string.Empty])};");
            var names = new Dictionary<string, string>(StringComparer.Ordinal) { [string.Empty] = "EveryEvent" };
            int number = 0;
            foreach (KeyValuePair<string, List<int>> pair in unguarded.Where(pair => pair.Key.Length > 0))
            {
                string field = "Category" + number++.ToString(CultureInfo.InvariantCulture);
                names[pair.Key] = field;
                writer.Line();
                writer.Line($"// event.category {CSharpLiterals.Comment(CSharpLiterals.String(pair.Key))}");
                writer.Line($"private static readonly int[] {field} = {Indexes(pair.Value)};");
            }

            var guardedNames = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, SortedDictionary<string, List<int>>> pair in guarded)
            {
                string method = (pair.Key.Length == 0 ? "EveryEvent" : "Category" + number++.ToString(CultureInfo.InvariantCulture)) + "When";
                guardedNames[pair.Key] = method;
                writer.Line();
                writer.Line(pair.Key.Length == 0
                    ? $"// Detectors that need every event and test {CSharpLiterals.Comment(chosen!.Field)} == value."
                    : $"// event.category {CSharpLiterals.Comment(CSharpLiterals.String(pair.Key))}, for rules that test {CSharpLiterals.Comment(chosen!.Field)} == value.");
                using (writer.Block($"private static int[] {method}(string? value)"))
                {
                    writer.Line("return value switch");
                    writer.Line("{");
                    writer.Indent();
                    foreach (KeyValuePair<string, List<int>> byValue in pair.Value)
                    {
                        writer.Line($"{CSharpLiterals.String(byValue.Key)} => {FieldName(method, byValue.Key, pair.Value.Keys.ToList())},");
                    }

                    writer.Line("_ => NoDetectors,");
                    writer.Unindent();
                    writer.Line("};");
                }

                foreach (KeyValuePair<string, List<int>> byValue in pair.Value)
                {
                    writer.Line($"private static readonly int[] {FieldName(method, byValue.Key, pair.Value.Keys.ToList())} = {Indexes(byValue.Value)};");
                }
            }

            writer.Line();
            writer.Line("private readonly IDetector[] detectors;");
            writer.Line();
            writer.Line("// For an event with several categories: the event number each detector last received, so it receives the event once.");
            writer.Line("private readonly int[] received;");
            writer.Line("private int eventNumber;");
            writer.Line();
            writer.Line("/// <summary>Creates a pack over fresh instances of every detector, as <see cref=\"Detectors.CreateAll\"/> orders them.</summary>");
            using (writer.Block("public DetectorPack()"))
            {
                writer.Line("detectors = Detectors.CreateAll();");
                writer.Line("received = new int[detectors.Length];");
            }

            writer.Line();
            writer.Line("/// <summary>The detectors of the pack, in the order of <see cref=\"Detectors.CreateAll\"/>.</summary>");
            writer.Line("public global::System.Collections.Generic.IReadOnlyList<IDetector> AllDetectors => detectors;");
            writer.Line();
            writer.Line("/// <summary>Feeds one event to the detectors that can use it. Events must arrive in time order.</summary>");
            using (writer.Block("public void Process(global::RuleGen.Ecs.EcsEvent e, global::System.Collections.Generic.ICollection<global::RuleGen.Alert> alerts)"))
            {
                if (chosen is not null)
                {
                    writer.Line($"// {CSharpLiterals.Comment(chosen.Field)}, read once: a rule that requires one value of it is skipped for the others.");
                    writer.Line($"string? value = e.{chosen.MemberPath.Replace(".", "?.")};");
                }

                Dispatch(writer, "EveryEvent", guarded.ContainsKey(string.Empty) ? "EveryEventWhen" : null, dedupe: false);
                writer.Line();
                writer.Line("string[]? categories = e.Event?.Category;");
                using (writer.Block("if (categories is null || categories.Length == 0)"))
                {
                    writer.Line("return;");
                }

                writer.Line();
                using (writer.Block("if (categories.Length == 1)"))
                {
                    Dispatch(writer, "ForCategory(categories[0])", chosen is null ? null : "ForCategoryWhen(categories[0], value)", dedupe: false, direct: true);
                    writer.Line("return;");
                }

                writer.Line();
                writer.Line("eventNumber++;");
                using (writer.Block("foreach (string category in categories)"))
                {
                    Dispatch(writer, "ForCategory(category)", chosen is null ? null : "ForCategoryWhen(category, value)", dedupe: true, direct: true);
                }
            }

            writer.Line();
            writer.Line("/// <summary>Tells every detector that time has reached <paramref name=\"now\"/>; see <see cref=\"IDetector.AdvanceTime\"/>.</summary>");
            using (writer.Block("public void AdvanceTime(global::System.DateTimeOffset now, global::System.Collections.Generic.ICollection<global::RuleGen.Alert> alerts)"))
            {
                using (writer.Block("foreach (IDetector detector in detectors)"))
                {
                    writer.Line("detector.AdvanceTime(now, alerts);");
                }
            }

            writer.Line();
            writer.Line("/// <summary>Ends the stream for every detector; see <see cref=\"IDetector.Flush\"/>.</summary>");
            using (writer.Block("public void Flush(global::System.Collections.Generic.ICollection<global::RuleGen.Alert> alerts)"))
            {
                using (writer.Block("foreach (IDetector detector in detectors)"))
                {
                    writer.Line("detector.Flush(alerts);");
                }
            }

            writer.Line();
            writer.Line("/// <summary>Forgets the state of every detector, as at the start of a new stream.</summary>");
            using (writer.Block("public void Reset()"))
            {
                using (writer.Block("foreach (IDetector detector in detectors)"))
                {
                    writer.Line("detector.Reset();");
                }
            }

            writer.Line();
            writer.Line("// event.category is compared case-sensitively, as a category filter compares it.");
            WriteCategorySwitch(writer, "ForCategory(string category)", names.Where(pair => pair.Key.Length > 0).Select(pair => (pair.Key, pair.Value)));
            if (chosen is not null)
            {
                writer.Line();
                WriteCategorySwitch(writer, "ForCategoryWhen(string category, string? value)", guardedNames.Where(pair => pair.Key.Length > 0).Select(pair => (pair.Key, pair.Value + "(value)")));
            }
        }

        return writer.ToString();
    }

    // Writes the loops that hand the event to the detectors of an unguarded list and of a guarded one.
    private static void Dispatch(SourceWriter writer, string unguarded, string? guarded, bool dedupe, bool direct = false)
    {
        foreach (string list in guarded is null ? new[] { unguarded } : new[] { unguarded, direct ? guarded : guarded + "(value)" })
        {
            using (writer.Block($"foreach (int index in {list})"))
            {
                if (dedupe)
                {
                    using (writer.Block("if (received[index] != eventNumber)"))
                    {
                        writer.Line("received[index] = eventNumber;");
                        writer.Line("detectors[index].Process(e, alerts);");
                    }
                }
                else
                {
                    writer.Line("detectors[index].Process(e, alerts);");
                }
            }
        }
    }

    private static void WriteCategorySwitch(SourceWriter writer, string signature, IEnumerable<(string Category, string Result)> cases)
    {
        using (writer.Block($"private static int[] {signature}"))
        {
            writer.Line("return category switch");
            writer.Line("{");
            writer.Indent();
            foreach ((string category, string result) in cases)
            {
                writer.Line($"{CSharpLiterals.String(category)} => {result},");
            }

            writer.Line("_ => NoDetectors,");
            writer.Unindent();
            writer.Line("};");
        }
    }

    private static void Add(SortedDictionary<string, List<int>> lists, string key, int index)
    {
        if (!lists.TryGetValue(key, out List<int>? indexes))
        {
            lists[key] = indexes = new List<int>();
        }

        indexes.Add(index);
    }

    // The array of a guarded list: the method's name and the value's position among the sorted values.
    private static string FieldName(string method, string value, List<string> values) =>
        method + values.IndexOf(value).ToString(CultureInfo.InvariantCulture);

    private static string Indexes(List<int> indexes) => indexes.Count == 0
        ? "global::System.Array.Empty<int>()"
        : "{ " + string.Join(", ", indexes.Select(index => index.ToString(CultureInfo.InvariantCulture))) + " }";
}
