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
/// that need every event. A rule that requires values of one of the fields many rules test, such as
/// <c>host.os.type == "windows"</c>, receives only events with one of those values.
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
    /// The equality tests (<c>==</c>, <c>in</c>, or <c>:</c> without wildcards) on typed string fields that a rule
    /// makes on every event it needs. The rule can only use an event whose field equals one of the values, at least
    /// without case, so the pack may skip it for the others. For an event query they are the tests among the
    /// filter's top-level 'and' operands. For a sequence or sample they are the fields that every term tests, and
    /// the until and not-sequence clauses too, with the values of all of them. A sequence with missing-event terms
    /// has none, because any later event may close its trailing window.
    /// </summary>
    public static EquatableArray<DispatchGuard> Guards(QueryPlan plan)
    {
        List<EventFilterPlan> filters;
        switch (plan)
        {
            case EventQueryPlan query:
                return FilterGuards(query.Filter).ToEquatableArray();
            case SequencePlan sequence when !sequence.Terms.Any(term => term.IsMissing):
                filters = sequence.Terms.Select(term => term.Filter).ToList();
                if (sequence.Until is { } until)
                {
                    filters.Add(until.Filter);
                }

                if (sequence.Suppression is { } suppression)
                {
                    filters.Add(suppression.Filter);
                }

                break;
            case SamplePlan sample:
                filters = sample.Terms.Select(term => term.Filter).ToList();
                break;
            default:
                return EquatableArray<DispatchGuard>.Empty;
        }

        List<List<DispatchGuard>> perFilter = filters.Select(FilterGuards).ToList();
        var guards = new List<DispatchGuard>();
        foreach (DispatchGuard first in perFilter[0])
        {
            List<DispatchGuard?> same = perFilter.Select(list => (DispatchGuard?)list.FirstOrDefault(guard => guard.Field == first.Field)).ToList();
            if (same.All(guard => guard is not null))
            {
                EquatableArray<string> values = same.SelectMany(guard => guard!.Values).Distinct(StringComparer.Ordinal).OrderBy(value => value, StringComparer.Ordinal).ToEquatableArray();
                guards.Add(new DispatchGuard(first.Field, first.MemberPath, values));
            }
        }

        return guards.ToEquatableArray();
    }

    private static List<DispatchGuard> FilterGuards(EventFilterPlan filter)
    {
        var guards = new List<DispatchGuard>();
        foreach (BoundExpression conjunct in ConditionEmitter.Conjuncts(filter.Condition))
        {
            if (conjunct is BoundStringMatch match
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

        return guards;
    }

    /// <param name="namespaceName">The namespace of the generated code.</param>
    /// <param name="rules">For each detector, in the order of <c>Detectors.CreateAll()</c>, the categories it needs and its guards.</param>
    /// <param name="access">The event type the detectors read; <see cref="EventAccess.Ecs"/> when null.</param>
    public static string Emit(string namespaceName, IReadOnlyList<(EquatableArray<string> Categories, EquatableArray<DispatchGuard> Guards)> rules, EventAccess? access = null)
    {
        access ??= EventAccess.Ecs;
        // The pack reads the fields that the most rules require. A rule files under the most selective of its
        // guards among them, so they are kept in order of their number of distinct values, most first.
        List<DispatchGuard> fields = rules
            .SelectMany(rule => rule.Guards)
            .GroupBy(guard => guard.Field, StringComparer.Ordinal)
            .Where(group => group.Count() >= MinimumRulesPerField)
            .OrderByDescending(group => group.Count())
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .Take(MaximumFields)
            .OrderByDescending(group => group.SelectMany(guard => guard.Values).Distinct(StringComparer.OrdinalIgnoreCase).Count())
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => group.First())
            .ToList();

        // Category "" stands for the detectors that need every event.
        var unguarded = new SortedDictionary<string, List<int>>(StringComparer.Ordinal) { [string.Empty] = new List<int>() };
        var guarded = new SortedDictionary<string, SortedDictionary<int, List<(string Value, int Detector)>>>(StringComparer.Ordinal);
        for (int i = 0; i < rules.Count; i++)
        {
            int field = fields.FindIndex(candidate => rules[i].Guards.Any(guard => guard.Field == candidate.Field));
            DispatchGuard? guard = field < 0 ? null : rules[i].Guards.First(candidate => candidate.Field == fields[field].Field);
            IEnumerable<string> categories = rules[i].Categories.Count == 0 ? new[] { string.Empty } : rules[i].Categories;
            foreach (string category in categories)
            {
                if (guard is null)
                {
                    if (!unguarded.TryGetValue(category, out List<int>? list))
                    {
                        unguarded[category] = list = new List<int>();
                    }

                    list.Add(i);
                    continue;
                }

                if (!guarded.TryGetValue(category, out SortedDictionary<int, List<(string, int)>>? byField))
                {
                    guarded[category] = byField = new SortedDictionary<int, List<(string, int)>>();
                }

                if (!byField.TryGetValue(field, out List<(string, int)>? entries))
                {
                    byField[field] = entries = new List<(string, int)>();
                }

                entries.AddRange(guard.Values.Select(value => (value, i)));
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
        if (fields.Count > 0)
        {
            writer.Line($"/// An event query that requires a value of {CSharpLiterals.Xml(string.Join(", ", fields.Select(field => field.Field)))} receives only events with that value.");
        }

        writer.Line("/// </summary>");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        using (writer.Block("internal sealed class DetectorPack"))
        {
            var categoryNames = new Dictionary<string, string>(StringComparer.Ordinal) { [string.Empty] = "EveryEvent" };
            int number = 0;
            foreach (string category in unguarded.Keys.Concat(guarded.Keys).Where(category => category.Length > 0).Distinct(StringComparer.Ordinal).OrderBy(category => category, StringComparer.Ordinal))
            {
                categoryNames[category] = "Category" + number++.ToString(CultureInfo.InvariantCulture);
            }

            foreach (KeyValuePair<string, string> pair in categoryNames.OrderBy(pair => pair.Value, StringComparer.Ordinal))
            {
                string category = pair.Key;
                writer.Line(category.Length == 0
                    ? "// Detectors that need every event: 'any where' terms, or missing-event terms whose window any event may close."
                    : $"// event.category {CSharpLiterals.Comment(CSharpLiterals.String(category))}");
                writer.Line($"private static readonly int[] {pair.Value} = {Indexes(unguarded.TryGetValue(category, out List<int>? list) ? list : new List<int>())};");
                if (guarded.TryGetValue(category, out SortedDictionary<int, List<(string Value, int Detector)>>? byField))
                {
                    foreach (KeyValuePair<int, List<(string Value, int Detector)>> entry in byField)
                    {
                        writer.Line($"private static readonly global::RuleGen.Matching.DispatchTable {pair.Value}By{FieldName(fields[entry.Key])} = new(");
                        writer.Indent();
                        var byValue = entry.Value.GroupBy(item => item.Value, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal).ToList();
                        for (int i = 0; i < byValue.Count; i++)
                        {
                            string separator = i < byValue.Count - 1 ? "," : ");";
                            writer.Line($"({CSharpLiterals.String(byValue[i].Key)}, {Indexes(byValue[i].Select(item => item.Detector).ToList(), asArray: true)}){separator}");
                        }

                        writer.Unindent();
                    }
                }

                writer.Line();
            }

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
            using (writer.Block($"public void Process({access.TypeName} e, global::System.Collections.Generic.ICollection<{access.AlertType}> alerts)"))
            {
                string arguments = string.Concat(fields.Select((_, i) => ", value" + i.ToString(CultureInfo.InvariantCulture)));
                for (int i = 0; i < fields.Count; i++)
                {
                    writer.Line($"string? value{i.ToString(CultureInfo.InvariantCulture)} = {EventAccess.Read(fields[i].MemberPath)}; // {CSharpLiterals.Comment(fields[i].Field)}");
                }

                writer.Line($"Dispatch(string.Empty, e, alerts, dedupe: false{arguments});");
                // An event type without an event.category member has only rules without a category ('any where'),
                // which the line above dispatches.
                if (access.Category is not null && !access.CategoryIsArray)
                {
                    writer.Line($"string? category = {access.Category};");
                    using (writer.Block("if (category is not null)"))
                    {
                        writer.Line($"Dispatch(category, e, alerts, dedupe: false{arguments});");
                    }
                }
                else if (access.Category is not null)
                {
                    writer.Line($"string[]? categories = {access.Category};");
                    using (writer.Block("if (categories is null || categories.Length == 0)"))
                    {
                        writer.Line("return;");
                    }

                    writer.Line();
                    using (writer.Block("if (categories.Length == 1)"))
                    {
                        writer.Line($"Dispatch(categories[0], e, alerts, dedupe: false{arguments});");
                        writer.Line("return;");
                    }

                    writer.Line();
                    writer.Line("eventNumber++;");
                    using (writer.Block("foreach (string category in categories)"))
                    {
                        writer.Line($"Dispatch(category, e, alerts, dedupe: true{arguments});");
                    }
                }
            }

            writer.Line();
            writer.Line("/// <summary>Tells every detector that time has reached <paramref name=\"now\"/>; see <see cref=\"IDetector.AdvanceTime\"/>.</summary>");
            using (writer.Block($"public void AdvanceTime(global::System.DateTimeOffset now, global::System.Collections.Generic.ICollection<{access.AlertType}> alerts)"))
            {
                using (writer.Block("foreach (IDetector detector in detectors)"))
                {
                    writer.Line("detector.AdvanceTime(now, alerts);");
                }
            }

            writer.Line();
            writer.Line("/// <summary>Ends the stream for every detector; see <see cref=\"IDetector.Flush\"/>.</summary>");
            using (writer.Block($"public void Flush(global::System.Collections.Generic.ICollection<{access.AlertType}> alerts)"))
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

                // Numbering restarts with the stream. The assignment also keeps the field assigned when the event type's
                // single-valued category never needs it, which would otherwise be warning CS0649 in the user's build.
                writer.Line("eventNumber = 0;");
                writer.Line("global::System.Array.Clear(received);");
            }

            writer.Line();
            writer.Line("// Hands the event to the detectors of one category (\"\" for those that need every event): those without a guard,");
            writer.Line("// and those whose guard value the event has. event.category compares case-sensitively, as a category filter does.");
            string parameters = string.Concat(fields.Select((_, i) => ", string? value" + i.ToString(CultureInfo.InvariantCulture)));
            using (writer.Block($"private void Dispatch(string category, {access.TypeName} e, global::System.Collections.Generic.ICollection<{access.AlertType}> alerts, bool dedupe{parameters})"))
            {
                using (writer.Block("switch (category)"))
                {
                    foreach (KeyValuePair<string, string> pair in categoryNames.OrderBy(pair => pair.Value, StringComparer.Ordinal))
                    {
                        writer.Line($"case {CSharpLiterals.String(pair.Key)}:");
                        writer.Indent();
                        writer.Line($"Run({pair.Value}, e, alerts, dedupe);");
                        if (guarded.TryGetValue(pair.Key, out SortedDictionary<int, List<(string Value, int Detector)>>? byField))
                        {
                            foreach (int field in byField.Keys)
                            {
                                writer.Line($"Run({pair.Value}By{FieldName(fields[field])}.Get(value{field.ToString(CultureInfo.InvariantCulture)}), e, alerts, dedupe);");
                            }
                        }

                        writer.Line("break;");
                        writer.Unindent();
                    }
                }
            }

            writer.Line();
            using (writer.Block($"private void Run(int[] indexes, {access.TypeName} e, global::System.Collections.Generic.ICollection<{access.AlertType}> alerts, bool dedupe)"))
            {
                using (writer.Block("foreach (int index in indexes)"))
                {
                    using (writer.Block("if (dedupe)"))
                    {
                        using (writer.Block("if (received[index] == eventNumber)"))
                        {
                            writer.Line("continue;");
                        }

                        writer.Line();
                        writer.Line("received[index] = eventNumber;");
                    }

                    writer.Line();
                    writer.Line("detectors[index].Process(e, alerts);");
                }
            }
        }

        return writer.ToString();
    }

    private const int MinimumRulesPerField = 2;
    private const int MaximumFields = 8;

    // process.parent.name gives ProcessParentName, a suffix of a member name.
    private static string FieldName(DispatchGuard field) =>
        string.Concat(field.Field.Split('.', '_').Where(part => part.Length > 0).Select(part => char.ToUpperInvariant(part[0]) + part.Substring(1)));

    private static string Indexes(List<int> indexes, bool asArray = false) => indexes.Count == 0
        ? "global::System.Array.Empty<int>()"
        : (asArray ? "new[] " : string.Empty) + "{ " + string.Join(", ", indexes.Select(index => index.ToString(CultureInfo.InvariantCulture))) + " }";
}
