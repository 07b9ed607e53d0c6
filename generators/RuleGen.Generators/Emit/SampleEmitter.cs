using System.Globalization;
using System.Linq;
using RuleGen.Eql.Binding;

namespace RuleGen.Generators.Emit;

/// <summary>
/// Writes the members of a sample detector: the join key type, the sample state, <c>Process</c>, the time
/// members, and one filter and one key collector per term.
/// </summary>
internal static class SampleEmitter
{
    private const int MaxClauseLength = 100;
    public static void Write(SourceWriter writer, SamplePlan plan, ConditionEmitter conditions)
    {
        EventAccess access = conditions.Event;
        int terms = plan.Terms.Count;
        SequenceEmitter.WriteKeyType(writer, plan.Terms, plan.KeyKinds, "sample");
        writer.Line();
        writer.Line("// For each join key, the events of each term so far; a key raises one sample, whatever the order of its events.");
        writer.Line($"private readonly global::RuleGen.Sequences.SampleTracker<JoinKey, {access.TypeName}> sample = new(termCount: {terms.ToString(CultureInfo.InvariantCulture)});");
        writer.Line();
        writer.Line("// The join keys of the current event; an array key gives one key per distinct element. Reused, so it allocates once.");
        writer.Line("private readonly global::System.Collections.Generic.List<JoinKey> keys = new();");
        writer.Line();
        writer.Line("// The keys the current event was added under, checked for a complete sample once every term has seen the event.");
        writer.Line("private readonly global::System.Collections.Generic.List<JoinKey> touched = new();");
        writer.Line();

        writer.Line("/// <inheritdoc/>");
        using (writer.Block($"public void Process({access.TypeName} e, global::System.Collections.Generic.ICollection<{access.AlertType}> alerts)"))
        {
            writer.Line("// Every term is tried, because the terms of a sample have no order and one event may fill any of them.");
            writer.Line("touched.Clear();");
            for (int term = 0; term < terms; term++)
            {
                string index = SequenceEmitter.Index(term);
                writer.Line();
                writer.Line($"// Term {term + 1} of {terms}: {CSharpLiterals.Comment(CSharpLiterals.Shorten(plan.Terms[term].Filter.Clause, MaxClauseLength))}");
                using (writer.Block($"if (Filter{index}(e))"))
                {
                    writer.Line("keys.Clear();");
                    writer.Line($"CollectKeys{index}(e, keys);");
                    using (writer.Block("foreach (JoinKey key in keys)"))
                    {
                        using (writer.Block($"if (sample.Add({index}, key, e) && !touched.Contains(key))"))
                        {
                            writer.Line("touched.Add(key);");
                        }
                    }
                }
            }

            writer.Line();
            using (writer.Block("foreach (JoinKey key in touched)"))
            {
                writer.Line($"{access.TypeName}[]? completed = sample.TryComplete(key);");
                using (writer.Block("if (completed is not null)"))
                {
                    writer.Line($"Raise(new {access.AlertType}(RuleInfo, completed, key.Values()), alerts);");
                }
            }
        }

        writer.Line();
        DetectorEmitter.WriteTimelessMembers(
            writer,
            access,
            "// A sample has no maxspan: its events may be any distance apart, so time passing changes nothing.",
            "// A sample raises its alert when its last event arrives; only a tail pipe holds alerts back.",
            "sample.Reset();");

        for (int term = 0; term < terms; term++)
        {
            writer.Line();
            DetectorEmitter.WriteFilter(writer, "Filter" + SequenceEmitter.Index(term), plan.Terms[term].Filter, conditions);
            writer.Line();
            SequenceEmitter.WriteKeyCollector(writer, "CollectKeys" + SequenceEmitter.Index(term), plan.Terms[term].Keys, plan.KeyKinds, access);
        }
    }
}
