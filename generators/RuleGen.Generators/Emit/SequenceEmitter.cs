using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RuleGen.Eql.Binding;

namespace RuleGen.Generators.Emit;

/// <summary>
/// Writes the members of a sequence detector: the join key type, the sequence state, <c>Process</c>, one
/// filter and one key reader per term, and those of the <c>not sequence</c> clause.
/// </summary>
internal static class SequenceEmitter
{
    private const string AlertType = "global::RuleGen.Alert";

    public static void Write(SourceWriter writer, SequencePlan plan, ConditionEmitter conditions)
    {
        int stages = plan.Terms.Count;
        string maxspan = plan.MaxspanMilliseconds is { } milliseconds
            ? $"global::System.TimeSpan.FromMilliseconds({DetectorEmitter.Number(milliseconds)})"
            : "null";

        WriteKeyType(writer, plan);
        writer.Line();
        writer.Line(plan.MaxspanMilliseconds is null
            ? "// The sequence has no maxspan: a partial match waits for its next event without a time limit."
            : $"// {CSharpLiterals.Comment(plan.MaxspanText)}: a partial match expires when its next event comes later than this after its first.");
        writer.Line($"private readonly global::RuleGen.Sequences.SequenceTracker<JoinKey> sequence = new(stageCount: {stages}, maxspan: {maxspan});");
        if (plan.Suppression is not null)
        {
            writer.Line($"private readonly global::RuleGen.Sequences.SuppressionWindow<JoinKey> suppression = new(maxspan: {maxspan});");
        }

        writer.Line("private global::RuleGen.Sequences.EventClock clock;");
        writer.Line();
        writer.Line("// The join keys of the current event; an array key gives one key per distinct element. Reused, so it allocates once.");
        writer.Line("private readonly global::System.Collections.Generic.List<JoinKey> keys = new();");
        writer.Line();

        WriteProcess(writer, plan);
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        using (writer.Block("public void Reset()"))
        {
            writer.Line("sequence.Reset();");
            if (plan.Suppression is not null)
            {
                writer.Line("suppression.Reset();");
            }

            writer.Line("clock.Reset();");
        }

        for (int stage = 0; stage < stages; stage++)
        {
            writer.Line();
            DetectorEmitter.WriteFilter(writer, "Filter" + Index(stage), plan.Terms[stage].Filter, conditions);
            writer.Line();
            WriteKeyCollector(writer, "CollectKeys" + Index(stage), plan.Terms[stage].Keys, plan.KeyKinds);
        }

        if (plan.Until is { } until)
        {
            writer.Line();
            DetectorEmitter.WriteFilter(writer, "UntilFilter", until.Filter, conditions);
            writer.Line();
            WriteKeyCollector(writer, "CollectUntilKeys", until.Keys, plan.KeyKinds);
        }

        if (plan.Suppression is { } suppression)
        {
            writer.Line();
            DetectorEmitter.WriteFilter(writer, "SuppressionFilter", suppression.Filter, conditions);
            writer.Line();
            WriteKeyCollector(writer, "CollectSuppressionKeys", suppression.Keys, plan.KeyKinds);
        }
    }

    private static void WriteKeyType(SourceWriter writer, SequencePlan plan)
    {
        IEnumerable<string> names = plan.Terms.Count > 0 ? plan.Terms[0].Keys.Fields.Select(field => field.Name) : Enumerable.Empty<string>();
        string described = string.Join(", ", names);
        writer.Line(described.Length == 0
            ? "/// <summary>The join key: the sequence has no 'by' keys, so every event shares one key.</summary>"
            : $"/// <summary>The join key values of an event ({CSharpLiterals.Xml(described)}), compared by value and case-sensitively.</summary>");
        string parameters = string.Join(", ", plan.KeyKinds.Select((kind, i) => $"{DetectorEmitter.KeyType(kind.Kind)} Key{Index(i)}"));
        writer.Line($"private readonly record struct JoinKey({parameters});");
    }

    private static void WriteProcess(SourceWriter writer, SequencePlan plan)
    {
        writer.Line("/// <inheritdoc/>");
        using (writer.Block($"public void Process({DetectorEmitter.EventType} e, global::System.Collections.Generic.ICollection<{AlertType}> alerts)"))
        {
            writer.Line("long time = clock.TimeOf(e);");
            if (plan.Suppression is { } suppression)
            {
                writer.Line();
                writer.Line($"// {CSharpLiterals.Comment(suppression.Clause)}");
                writer.Line("// Recorded before the terms are tried, so the event that completes a match can suppress it.");
                using (writer.Block("if (SuppressionFilter(e))"))
                {
                    writer.Line("keys.Clear();");
                    writer.Line("CollectSuppressionKeys(e, keys);");
                    using (writer.Block("foreach (JoinKey key in keys)"))
                    {
                        writer.Line("suppression.Record(key, time);");
                    }
                }
            }

            if (plan.Until is { } until)
            {
                writer.Line();
                writer.Line($"// {CSharpLiterals.Comment(Shorten("until " + until.Clause))}");
                writer.Line("// Checked before the terms: a matching event drops its key's pending partials, then may start a new one.");
                using (writer.Block("if (UntilFilter(e))"))
                {
                    writer.Line("keys.Clear();");
                    writer.Line("CollectUntilKeys(e, keys);");
                    using (writer.Block("foreach (JoinKey key in keys)"))
                    {
                        writer.Line("sequence.Cancel(key);");
                    }
                }
            }

            writer.Line();
            writer.Line("// Terms are tried from last to first, so one event never fills two stages of the same partial match.");
            int stages = plan.Terms.Count;
            for (int stage = stages - 1; stage >= 0; stage--)
            {
                string index = Index(stage);
                writer.Line($"// Term {stage + 1} of {stages}: {CSharpLiterals.Comment(Shorten(plan.Terms[stage].Filter.Clause))}");
                using (writer.Block($"if (Filter{index}(e))"))
                {
                    writer.Line("keys.Clear();");
                    writer.Line($"CollectKeys{index}(e, keys);");
                    using (writer.Block("foreach (JoinKey key in keys)"))
                    {
                        if (stage == stages - 1)
                        {
                            writer.Line($"global::RuleGen.Ecs.EcsEvent[]? completed = sequence.Accept({index}, key, e, time);");
                            string condition = plan.Suppression is null
                                ? "completed is not null"
                                : "completed is not null && !suppression.IsSuppressed(key, time)";
                            using (writer.Block($"if ({condition})"))
                            {
                                writer.Line($"alerts.Add(new {AlertType}(RuleInfo, completed));");
                            }
                        }
                        else
                        {
                            writer.Line($"sequence.Accept({index}, key, e, time);");
                        }
                    }
                }

                if (stage > 0)
                {
                    writer.Line();
                }
            }
        }
    }

    // Writes a method that adds the event's join keys to a list. A scalar key gives one value; an array key gives
    // one value per distinct element, as Elasticsearch fans a multi-valued key out, so several array keys give
    // every combination. A required key that is missing (or an empty array) gives no key at all.
    private static void WriteKeyCollector(SourceWriter writer, string name, TermKeysPlan keys, Eql.EquatableArray<KeyKindItem> kinds)
    {
        string described = keys.Fields.Count == 0 ? "no keys" : "by " + string.Join(", ", keys.Fields.Select(field => (field.IsOptional ? "?" : string.Empty) + field.Name));
        writer.Line($"/// <summary>Adds the join keys of an event ({CSharpLiterals.Xml(described)}); none when a required key value is missing.</summary>");
        using (writer.Block($"private static void {name}({DetectorEmitter.EventType} e, global::System.Collections.Generic.List<JoinKey> keys)"))
        {
            var arguments = new List<string>();
            int loops = 0;
            for (int i = 0; i < keys.Fields.Count; i++)
            {
                BoundField field = keys.Fields[i];
                string type = DetectorEmitter.KeyType(kinds[i].Kind);
                string variable = "value" + Index(i);
                if (!field.IsArray)
                {
                    writer.Line($"{type} {variable} = {ConditionEmitter.Access(field)};");
                    if (!field.IsOptional)
                    {
                        writer.Line($"// {CSharpLiterals.Comment(field.Name)} is required: an event without it takes no part in the sequence.");
                        using (writer.Block($"if ({variable} is null)"))
                        {
                            writer.Line("return;");
                        }
                    }
                }
                else
                {
                    string elementType = type.TrimEnd('?');
                    string array = "values" + Index(i);
                    writer.Line($"{elementType}[]? {array} = {ConditionEmitter.Access(field)};");
                    if (field.IsOptional)
                    {
                        writer.Line($"// ?{CSharpLiterals.Comment(field.Name)} is optional: a missing array gives one null key value.");
                        writer.Line($"{type}[] each{Index(i)} = {array} is null || {array}.Length == 0 ? new {type}[] {{ null }} : global::System.Array.ConvertAll({array}, item => ({type})item);");
                    }
                    else
                    {
                        writer.Line($"// {CSharpLiterals.Comment(field.Name)} is a required array: an event without elements takes no part in the sequence.");
                        using (writer.Block($"if ({array} is null || {array}.Length == 0)"))
                        {
                            writer.Line("return;");
                        }
                    }

                    string source = field.IsOptional ? "each" + Index(i) : array;
                    writer.Line($"foreach ({(field.IsOptional ? type : elementType)} {variable} in {source})");
                    writer.Line("{");
                    writer.Indent();
                    loops++;
                }

                arguments.Add(variable);
            }

            writer.Line($"var key = new JoinKey({string.Join(", ", arguments)});");
            using (writer.Block("if (!keys.Contains(key))"))
            {
                writer.Line("keys.Add(key);");
            }

            for (int i = 0; i < loops; i++)
            {
                writer.Unindent();
                writer.Line("}");
            }
        }
    }

    private static string Index(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string clause) => clause.Length <= 100 ? clause : clause.Substring(0, 97) + "...";
}
