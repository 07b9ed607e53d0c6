using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RuleGen.Eql.Binding;
using RuleGen.Eql.Schema;

namespace RuleGen.Generators.Emit;

/// <summary>
/// Writes the members of a sequence detector: the join key type, the sequence state, <c>Process</c>, the time
/// members, one filter and one key collector per term, and those of the <c>until</c> and <c>not sequence</c> clauses.
/// </summary>
internal static class SequenceEmitter
{
    // Term comments sit inside nested blocks, so they are cut shorter than a filter's summary.
    private const int MaxClauseLength = 100;

    public static void Write(SourceWriter writer, SequencePlan plan, ConditionEmitter conditions)
    {
        EventAccess access = conditions.Event;
        int stages = plan.Terms.Count;
        int positives = plan.Terms.Count(term => !term.IsMissing);
        bool hasMissing = positives < stages;
        string maxspan = plan.MaxspanMilliseconds is { } milliseconds
            ? $"global::System.TimeSpan.FromMilliseconds({DetectorEmitter.Number(milliseconds)})"
            : "null";

        WriteKeyType(writer, plan.Terms, plan.KeyKinds, "sequence");
        writer.Line();
        writer.Line(plan.MaxspanMilliseconds is null
            ? "// The sequence has no maxspan: a partial match waits for its next event without a time limit."
            : $"// {CSharpLiterals.Comment(plan.MaxspanText)}: a partial match expires when its next event comes later than this after its first.");
        writer.Line($"private readonly global::RuleGen.Sequences.SequenceTracker<JoinKey, {access.TypeName}> sequence = new(stageCount: {positives}, maxspan: {maxspan});");
        if (plan.Suppression is not null)
        {
            writer.Line($"private readonly global::RuleGen.Sequences.SuppressionWindow<JoinKey> suppression = new(maxspan: {maxspan});");
        }

        if (hasMissing)
        {
            string positions = string.Join(", ", MissingPositions(plan).Select(position => position.ToString(CultureInfo.InvariantCulture)));
            writer.Line();
            writer.Line("// Missing-event terms: for each, the index of the positive term it follows (-1 before the first).");
            writer.Line($"private readonly global::RuleGen.Sequences.MissingEventTracker<JoinKey, {access.TypeName}> missing = new(positions: new[] {{ {positions} }}, positiveCount: {positives}, maxspan: {maxspan});");
            writer.Line($"private readonly global::System.Collections.Generic.List<(JoinKey Key, {access.TypeName}[] Events)> released = new();");
        }

        writer.Line("private global::RuleGen.Sequences.EventClock clock;");
        writer.Line();
        writer.Line("// The join keys of the current event; an array key gives one key per distinct element. Reused, so it allocates once.");
        writer.Line("private readonly global::System.Collections.Generic.List<JoinKey> keys = new();");
        writer.Line();

        WriteProcess(writer, plan, access);
        writer.Line();
        WriteTimeMembers(writer, plan, hasMissing, access);
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        using (writer.Block("public void Reset()"))
        {
            writer.Line("sequence.Reset();");
            if (plan.Suppression is not null)
            {
                writer.Line("suppression.Reset();");
            }

            if (hasMissing)
            {
                writer.Line("missing.Reset();");
            }

            writer.Line("clock.Reset();");
            writer.Line("ResetPipes();");
        }

        for (int stage = 0; stage < stages; stage++)
        {
            writer.Line();
            DetectorEmitter.WriteFilter(writer, "Filter" + Index(stage), plan.Terms[stage].Filter, conditions);
            writer.Line();
            WriteKeyCollector(writer, "CollectKeys" + Index(stage), plan.Terms[stage].Keys, plan.KeyKinds, access);
        }

        if (plan.Until is { } until)
        {
            writer.Line();
            DetectorEmitter.WriteFilter(writer, "UntilFilter", until.Filter, conditions);
            writer.Line();
            WriteKeyCollector(writer, "CollectUntilKeys", until.Keys, plan.KeyKinds, access);
        }

        if (plan.Suppression is { } suppression)
        {
            writer.Line();
            DetectorEmitter.WriteFilter(writer, "SuppressionFilter", suppression.Filter, conditions);
            writer.Line();
            WriteKeyCollector(writer, "CollectSuppressionKeys", suppression.Keys, plan.KeyKinds, access);
        }
    }

    /// <summary>Writes the <c>JoinKey</c> struct, named after the first term's keys; <paramref name="query"/> is "sequence" or "sample".</summary>
    internal static void WriteKeyType(SourceWriter writer, Eql.EquatableArray<SequenceTermPlan> terms, Eql.EquatableArray<KeyKindItem> kinds, string query)
    {
        IEnumerable<string> names = terms.Count > 0 ? terms[0].Keys.Fields.Select(field => field.Name) : Enumerable.Empty<string>();
        string described = string.Join(", ", names);
        bool hasDate = kinds.Any(kind => kind.Kind == FieldKind.Date);
        writer.Line(described.Length == 0
            ? $"/// <summary>The join key: the {query} has no 'by' keys, so every event shares one key.</summary>"
            : $"/// <summary>The join key values of an event ({CSharpLiterals.Xml(described)}), compared by value and case-sensitively.{(hasDate ? " A date key is its instant in epoch milliseconds." : string.Empty)}</summary>");
        string parameters = string.Join(", ", kinds.Select((kind, i) => $"{DetectorEmitter.KeyType(kind.Kind)} Key{Index(i)}"));
        using (writer.Block($"private readonly record struct JoinKey({parameters})"))
        {
            writer.Line(hasDate
                ? "/// <summary>The key values in the order of the rule's keys, for <see cref=\"global::RuleGen.Alert.JoinKeys\"/>, a date as a UTC <see cref=\"global::System.DateTimeOffset\"/>.</summary>"
                : "/// <summary>The key values in the order of the rule's keys, for <see cref=\"global::RuleGen.Alert.JoinKeys\"/>.</summary>");
            writer.Line(kinds.Count == 0
                ? "public object?[] Values() => global::System.Array.Empty<object?>();"
                : $"public object?[] Values() => new object?[] {{ {string.Join(", ", kinds.Select((kind, i) => KeyValue(kind.Kind, "Key" + Index(i))))} }};");
        }
    }

    // For each missing-event term, the index of the positive term before it: -1 for a leading term.
    private static List<int> MissingPositions(SequencePlan plan)
    {
        var positions = new List<int>();
        int positive = -1;
        foreach (SequenceTermPlan term in plan.Terms)
        {
            if (term.IsMissing)
            {
                positions.Add(positive);
            }
            else
            {
                positive++;
            }
        }

        return positions;
    }

    private static void WriteProcess(SourceWriter writer, SequencePlan plan, EventAccess access)
    {
        bool hasMissing = plan.Terms.Any(term => term.IsMissing);
        writer.Line("/// <inheritdoc/>");
        using (writer.Block($"public void Process({access.TypeName} e, global::System.Collections.Generic.ICollection<{access.AlertType}> alerts)"))
        {
            writer.Line($"long time = clock.TimeOf({access.Timestamp});");
            if (hasMissing)
            {
                writer.Line();
                writer.Line("// Matches whose trailing missing-event window closed before this event are released first.");
                writer.Line("missing.Release(time, released);");
                writer.Line("EmitReleased(alerts);");
            }

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

            int stages = plan.Terms.Count;
            int missingIndex = 0;
            for (int stage = 0; stage < stages; stage++)
            {
                if (!plan.Terms[stage].IsMissing)
                {
                    continue;
                }

                string index = Index(stage);
                writer.Line();
                writer.Line($"// Missing-event term {stage + 1} of {stages}: ![{CSharpLiterals.Comment(CSharpLiterals.Shorten(plan.Terms[stage].Filter.Clause, MaxClauseLength))}]");
                using (writer.Block($"if (Filter{index}(e))"))
                {
                    writer.Line("keys.Clear();");
                    writer.Line($"CollectKeys{index}(e, keys);");
                    using (writer.Block("foreach (JoinKey key in keys)"))
                    {
                        writer.Line($"missing.Record({missingIndex.ToString(CultureInfo.InvariantCulture)}, key, time, released);");
                    }

                    writer.Line("EmitReleased(alerts);");
                }

                missingIndex++;
            }

            writer.Line();
            writer.Line("// Terms are tried from last to first, so one event never fills two stages of the same partial match.");
            var positiveIndexes = new List<int>();
            for (int stage = 0; stage < stages; stage++)
            {
                if (!plan.Terms[stage].IsMissing)
                {
                    positiveIndexes.Add(stage);
                }
            }

            for (int position = positiveIndexes.Count - 1; position >= 0; position--)
            {
                int stage = positiveIndexes[position];
                string index = Index(stage);
                string trackerStage = Index(position);
                writer.Line($"// Term {stage + 1} of {stages}: {CSharpLiterals.Comment(CSharpLiterals.Shorten(plan.Terms[stage].Filter.Clause, MaxClauseLength))}");
                using (writer.Block($"if (Filter{index}(e))"))
                {
                    writer.Line("keys.Clear();");
                    writer.Line($"CollectKeys{index}(e, keys);");
                    using (writer.Block("foreach (JoinKey key in keys)"))
                    {
                        if (position == positiveIndexes.Count - 1)
                        {
                            writer.Line($"{access.TypeName}[]? completed = sequence.Accept({trackerStage}, key, e, time, out long[]? times);");
                            var conditions = new List<string> { "completed is not null" };
                            if (plan.Suppression is not null)
                            {
                                conditions.Add("!suppression.IsSuppressed(key, time)");
                            }

                            if (hasMissing)
                            {
                                conditions.Add("missing.Check(key, completed, times!)");
                            }

                            using (writer.Block($"if ({string.Join(" && ", conditions)})"))
                            {
                                writer.Line($"Raise(new {access.AlertType}(RuleInfo, completed, key.Values()), alerts);");
                            }
                        }
                        else
                        {
                            writer.Line($"sequence.Accept({trackerStage}, key, e, time);");
                        }
                    }
                }

                if (position > 0)
                {
                    writer.Line();
                }
            }

            if (plan.Until is { } until)
            {
                writer.Line();
                writer.Line($"// {CSharpLiterals.Comment(CSharpLiterals.Shorten("until " + until.Clause, MaxClauseLength))}");
                writer.Line("// Checked after the terms, as Elasticsearch does: the event itself still completes or advances a match, then");
                writer.Line("// every partial of its key that is still pending, one this event advanced or started included, is dropped.");
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
        }
    }

    private static void WriteTimeMembers(SourceWriter writer, SequencePlan plan, bool hasMissing, EventAccess access)
    {
        writer.Line("/// <inheritdoc/>");
        using (writer.Block($"public void AdvanceTime(global::System.DateTimeOffset now, global::System.Collections.Generic.ICollection<{access.AlertType}> alerts)"))
        {
            writer.Line("long time = now.UtcTicks;");
            writer.Line("sequence.Expire(time);");
            if (plan.Suppression is not null)
            {
                writer.Line("suppression.Expire(time);");
            }

            if (hasMissing)
            {
                writer.Line("missing.Release(time, released);");
                writer.Line("EmitReleased(alerts);");
            }
        }

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        using (writer.Block($"public void Flush(global::System.Collections.Generic.ICollection<{access.AlertType}> alerts)"))
        {
            if (hasMissing)
            {
                writer.Line("missing.Flush(released);");
                writer.Line("EmitReleased(alerts);");
            }

            writer.Line("FlushPipes(alerts);");
        }

        if (hasMissing)
        {
            writer.Line();
            using (writer.Block($"private void EmitReleased(global::System.Collections.Generic.ICollection<{access.AlertType}> alerts)"))
            {
                using (writer.Block($"foreach ((JoinKey key, {access.TypeName}[] events) in released)"))
                {
                    writer.Line($"Raise(new {access.AlertType}(RuleInfo, events, key.Values()), alerts);");
                }

                writer.Line("released.Clear();");
            }
        }
    }

    // Writes a method that adds the event's join keys to a list. A scalar key gives one value. An array key gives
    // one value per distinct element, as Elasticsearch fans a multi-valued key out, so several array keys give
    // every combination. A required key that is missing (or an empty array) gives no key at all.
    internal static void WriteKeyCollector(SourceWriter writer, string name, TermKeysPlan keys, Eql.EquatableArray<KeyKindItem> kinds, EventAccess access)
    {
        string described = keys.Fields.Count == 0 ? "no keys" : "by " + string.Join(", ", keys.Fields.Select(field => (field.IsOptional ? "?" : string.Empty) + field.Name));
        writer.Line($"/// <summary>Adds the join keys of an event ({CSharpLiterals.Xml(described)}); none when a required key value is missing.</summary>");
        using (writer.Block($"private static void {name}({access.TypeName} e, global::System.Collections.Generic.List<JoinKey> keys)"))
        {
            var arguments = new List<string>();
            int loops = 0;
            for (int i = 0; i < keys.Fields.Count; i++)
            {
                BoundField field = keys.Fields[i];
                string type = DetectorEmitter.KeyType(kinds[i].Kind);
                string variable = "value" + Index(i);
                if (field.IsUnmapped)
                {
                    writer.Line($"// ?{CSharpLiterals.Comment(field.Name)} is in no schema, so it is null on every event.");
                    writer.Line($"{type} {variable} = null;");
                }
                else if (!field.IsArray)
                {
                    if (field.Kind == FieldKind.Date)
                    {
                        writer.Line($"// {CSharpLiterals.Comment(field.Name)} is a date: the key is its instant in epoch milliseconds.");
                    }

                    writer.Line($"{type} {variable} = {KeyAccess(field)};");
                    if (!field.IsOptional)
                    {
                        writer.Line($"// {CSharpLiterals.Comment(field.Name)} is required: an event without it takes no part in the match.");
                        using (writer.Block($"if ({variable} is null)"))
                        {
                            writer.Line("return;");
                        }

                        writer.Line();
                    }
                }
                else
                {
                    string elementType = type.TrimEnd('?');
                    string array = "values" + Index(i);
                    if (field.Kind == FieldKind.Date)
                    {
                        writer.Line($"// {CSharpLiterals.Comment(field.Name)} is a date: each key is an instant in epoch milliseconds.");
                    }

                    writer.Line($"{elementType}[]? {array} = {KeyAccess(field)};");
                    if (field.IsOptional)
                    {
                        writer.Line($"// ?{CSharpLiterals.Comment(field.Name)} is optional: a missing array gives one null key value.");
                        writer.Line($"{type}[] each{Index(i)} = {array} is null || {array}.Length == 0 ? new {type}[] {{ null }} : global::System.Array.ConvertAll({array}, item => ({type})item);");
                    }
                    else
                    {
                        writer.Line($"// {CSharpLiterals.Comment(field.Name)} is a required array: an event without elements takes no part in the match.");
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

    // The value Alert.JoinKeys reports for a key member.
    private static string KeyValue(FieldKind kind, string member) => kind == FieldKind.Date
        ? $"{member} is null ? null : (object)global::System.DateTimeOffset.FromUnixTimeMilliseconds({member}.Value)"
        : member;

    // Reads a key field. A date reads as epoch milliseconds, so two texts that name one instant are one key.
    private static string KeyAccess(BoundField field)
    {
        if (field.Kind != FieldKind.Date)
        {
            return ConditionEmitter.Access(field);
        }

        // The cast admits a member of a project's own event type that is a DateTimeOffset and cannot be null.
        return field.MemberPath.Length > 0
            ? $"((global::System.DateTimeOffset?){ConditionEmitter.Access(field)})?.ToUnixTimeMilliseconds()"
            : $"global::RuleGen.Ecs.CustomFieldValues.EpochMilliseconds(e, {CSharpLiterals.String(field.Name)})";
    }

    internal static string Index(int value) => value.ToString(CultureInfo.InvariantCulture);

}
