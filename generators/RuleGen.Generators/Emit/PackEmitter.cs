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
/// that need every event.
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

    /// <param name="namespaceName">The namespace of the generated code.</param>
    /// <param name="categories">For each detector, in the order of <c>Detectors.CreateAll()</c>, the categories it needs.</param>
    public static string Emit(string namespaceName, IReadOnlyList<EquatableArray<string>> categories)
    {
        var everyEvent = new List<int>();
        var byCategory = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < categories.Count; i++)
        {
            if (categories[i].Count == 0)
            {
                everyEvent.Add(i);
                continue;
            }

            foreach (string category in categories[i])
            {
                if (!byCategory.TryGetValue(category, out List<int>? indexes))
                {
                    byCategory[category] = indexes = new List<int>();
                }

                indexes.Add(i);
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
        writer.Line("/// </summary>");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        using (writer.Block("internal sealed class DetectorPack"))
        {
            writer.Line($"// Detectors that need every event: 'any where' terms, or missing-event terms whose window any event may close.");
            writer.Line($"private static readonly int[] EveryEvent = {Indexes(everyEvent)};");
            writer.Line();
            writer.Line("private static readonly int[] NoDetectors = global::System.Array.Empty<int>();");
            int number = 0;
            var fieldNames = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, List<int>> pair in byCategory)
            {
                string field = "Category" + number++.ToString(CultureInfo.InvariantCulture);
                fieldNames[pair.Key] = field;
                writer.Line();
                writer.Line($"// event.category {CSharpLiterals.Comment(CSharpLiterals.String(pair.Key))}");
                writer.Line($"private static readonly int[] {field} = {Indexes(pair.Value)};");
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
                using (writer.Block("foreach (int index in EveryEvent)"))
                {
                    writer.Line("detectors[index].Process(e, alerts);");
                }

                writer.Line();
                writer.Line("string[]? categories = e.Event?.Category;");
                using (writer.Block("if (categories is null || categories.Length == 0)"))
                {
                    writer.Line("return;");
                }

                writer.Line();
                using (writer.Block("if (categories.Length == 1)"))
                {
                    using (writer.Block("foreach (int index in ForCategory(categories[0]))"))
                    {
                        writer.Line("detectors[index].Process(e, alerts);");
                    }

                    writer.Line();
                    writer.Line("return;");
                }

                writer.Line();
                writer.Line("eventNumber++;");
                using (writer.Block("foreach (string category in categories)"))
                {
                    using (writer.Block("foreach (int index in ForCategory(category))"))
                    {
                        using (writer.Block("if (received[index] != eventNumber)"))
                        {
                            writer.Line("received[index] = eventNumber;");
                            writer.Line("detectors[index].Process(e, alerts);");
                        }
                    }
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
            using (writer.Block("private static int[] ForCategory(string category)"))
            {
                writer.Line("return category switch");
                writer.Line("{");
                writer.Indent();
                foreach (KeyValuePair<string, string> pair in fieldNames)
                {
                    writer.Line($"{CSharpLiterals.String(pair.Key)} => {pair.Value},");
                }

                writer.Line("_ => NoDetectors,");
                writer.Unindent();
                writer.Line("};");
            }
        }

        return writer.ToString();
    }

    private static string Indexes(List<int> indexes) => indexes.Count == 0
        ? "global::System.Array.Empty<int>()"
        : "{ " + string.Join(", ", indexes.Select(index => index.ToString(CultureInfo.InvariantCulture))) + " }";
}
