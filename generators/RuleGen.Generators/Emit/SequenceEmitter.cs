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
            WriteKeyReader(writer, "TryGetKey" + Index(stage), plan.Terms[stage].Keys, plan.KeyKinds);
        }

        if (plan.Until is { } until)
        {
            writer.Line();
            DetectorEmitter.WriteFilter(writer, "UntilFilter", until.Filter, conditions);
            writer.Line();
            WriteKeyReader(writer, "TryGetUntilKey", until.Keys, plan.KeyKinds);
        }

        if (plan.Suppression is { } suppression)
        {
            writer.Line();
            DetectorEmitter.WriteFilter(writer, "SuppressionFilter", suppression.Filter, conditions);
            writer.Line();
            WriteKeyReader(writer, "TryGetSuppressionKey", suppression.Keys, plan.KeyKinds);
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
                using (writer.Block("if (SuppressionFilter(e) && TryGetSuppressionKey(e, out JoinKey suppressionKey))"))
                {
                    writer.Line("suppression.Record(suppressionKey, time);");
                }
            }

            if (plan.Until is { } until)
            {
                writer.Line();
                writer.Line($"// {CSharpLiterals.Comment(Shorten("until " + until.Clause))}");
                writer.Line("// Checked before the terms: a matching event drops its key's pending partials, then may start a new one.");
                using (writer.Block("if (UntilFilter(e) && TryGetUntilKey(e, out JoinKey untilKey))"))
                {
                    writer.Line("sequence.Cancel(untilKey);");
                }
            }

            writer.Line();
            writer.Line("// Terms are tried from last to first, so one event never fills two stages of the same partial match.");
            int stages = plan.Terms.Count;
            for (int stage = stages - 1; stage >= 0; stage--)
            {
                string index = Index(stage);
                writer.Line($"// Term {stage + 1} of {stages}: {CSharpLiterals.Comment(Shorten(plan.Terms[stage].Filter.Clause))}");
                using (writer.Block($"if (Filter{index}(e) && TryGetKey{index}(e, out JoinKey key{index}))"))
                {
                    if (stage == stages - 1)
                    {
                        writer.Line($"global::RuleGen.Ecs.EcsEvent[]? completed = sequence.Accept({index}, key{index}, e, time);");
                        string condition = plan.Suppression is null
                            ? "completed is not null"
                            : $"completed is not null && !suppression.IsSuppressed(key{index}, time)";
                        using (writer.Block($"if ({condition})"))
                        {
                            writer.Line($"alerts.Add(new {AlertType}(RuleInfo, completed));");
                        }
                    }
                    else
                    {
                        writer.Line($"sequence.Accept({index}, key{index}, e, time);");
                    }
                }

                if (stage > 0)
                {
                    writer.Line();
                }
            }
        }
    }

    private static void WriteKeyReader(SourceWriter writer, string name, TermKeysPlan keys, Eql.EquatableArray<KeyKindItem> kinds)
    {
        string described = keys.Fields.Count == 0 ? "no keys" : "by " + string.Join(", ", keys.Fields.Select(field => (field.IsOptional ? "?" : string.Empty) + field.Name));
        writer.Line($"/// <summary>Reads the join key of an event ({CSharpLiterals.Xml(described)}); false when a required key value is missing.</summary>");
        using (writer.Block($"private static bool {name}({DetectorEmitter.EventType} e, out JoinKey key)"))
        {
            var arguments = new List<string>();
            for (int i = 0; i < keys.Fields.Count; i++)
            {
                Eql.Binding.BoundField field = keys.Fields[i];
                string variable = "value" + Index(i);
                writer.Line($"{DetectorEmitter.KeyType(kinds[i].Kind)} {variable} = {ConditionEmitter.Access(field)};");
                if (!field.IsOptional)
                {
                    writer.Line($"// {CSharpLiterals.Comment(field.Name)} is required: an event without it takes no part in the sequence.");
                    using (writer.Block($"if ({variable} is null)"))
                    {
                        writer.Line("key = default;");
                        writer.Line("return false;");
                    }
                }

                arguments.Add(variable);
            }

            writer.Line($"key = new JoinKey({string.Join(", ", arguments)});");
            writer.Line("return true;");
        }
    }

    private static string Index(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string clause) => clause.Length <= 100 ? clause : clause.Substring(0, 97) + "...";
}
