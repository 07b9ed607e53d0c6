using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RuleGen.Eql.Binding;
using RuleGen.Eql.Metadata;
using RuleGen.Eql.Schema;

namespace RuleGen.Generators.Emit;

/// <summary>Writes the detector class of one rule.</summary>
internal static class DetectorEmitter
{
    private const string RuleInfoType = "global::RuleGen.RuleInfo";

    /// <param name="model">The bound rule.</param>
    /// <param name="className">The detector's class name.</param>
    /// <param name="namespaceName">The namespace of the generated code.</param>
    /// <param name="sourcePath">The rule file's path relative to the project, with '/' separators.</param>
    /// <param name="interfaceName">The detector interface as the class names it: the generated <c>IDetector</c>.</param>
    /// <param name="modifiers">The class's modifiers, with a trailing space; empty for a user's partial class, whose own declaration sets them.</param>
    /// <param name="access">The event type the detector reads; <see cref="EventAccess.Ecs"/> when null.</param>
    public static string Emit(RuleModel model, string className, string namespaceName, string sourcePath, string interfaceName = "IDetector", string modifiers = "internal sealed ", EventAccess? access = null)
    {
        access ??= EventAccess.Ecs;
        var writer = new SourceWriter();
        GeneratedFile.WriteHeader(writer);
        if (namespaceName.Length > 0)
        {
            writer.Line($"namespace {namespaceName};");
            writer.Line();
        }

        RuleMetadataSpec metadata = model.Metadata;
        writer.Line($"/// <summary>Detector for the rule \"{CSharpLiterals.Xml(CSharpLiterals.Comment(metadata.Name))}\" ({CSharpLiterals.Xml(sourcePath)}).</summary>");
        writer.Line("/// <remarks>");
        writer.Line("/// Compiled from this EQL query:");
        writer.Line("/// <code>");
        foreach (string line in model.QueryText.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            writer.Line(("/// " + CSharpLiterals.Xml(DocumentationLine(line))).TrimEnd());
        }

        writer.Line("/// </code>");
        writer.Line("/// </remarks>");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        using (writer.Block($"{modifiers}partial class {className} : {interfaceName}"))
        {
            WriteRuleInfo(writer, metadata, sourcePath, model.QueryText);
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public {RuleInfoType} Rule => RuleInfo;");
            writer.Line();

            var conditions = new ConditionEmitter(access);
            switch (model.Query)
            {
                case EventQueryPlan eventQuery:
                    WriteEventQuery(writer, eventQuery, conditions);
                    break;
                case SequencePlan sequence:
                    SequenceEmitter.Write(writer, sequence, conditions);
                    break;
                case SamplePlan sample:
                    SampleEmitter.Write(writer, sample, conditions);
                    break;
            }

            writer.Line();
            WritePipes(writer, model.Pipes, access.AlertType);

            foreach (string field in conditions.Fields)
            {
                writer.Line();
                writer.Lines(field);
            }
        }

        return writer.ToString();
    }

    private static void WriteRuleInfo(SourceWriter writer, RuleMetadataSpec metadata, string sourcePath, string query)
    {
        writer.Line("/// <summary>The rule's metadata, from the comment tags of its .eql file.</summary>");
        writer.Line($"public static {RuleInfoType} RuleInfo {{ get; }} = new {RuleInfoType}(");
        writer.Indent();
        writer.Line($"id: {CSharpLiterals.String(metadata.Id)},");
        writer.Line($"name: {CSharpLiterals.String(metadata.Name)},");
        writer.Line($"description: {CSharpLiterals.String(metadata.Description)},");
        writer.Line($"severity: {CSharpLiterals.String(metadata.Severity)},");
        writer.Line("mitre: new global::RuleGen.MitreTechnique[]");
        writer.Line("{");
        writer.Indent();
        foreach (MitreTechniqueSpec technique in metadata.Mitre)
        {
            writer.Line($"new global::RuleGen.MitreTechnique({CSharpLiterals.String(technique.Id)}, {CSharpLiterals.String(technique.Tactic)}, {CSharpLiterals.String(technique.Technique)}, {CSharpLiterals.String(technique.Subtechnique)}),");
        }

        writer.Unindent();
        writer.Line("},");
        WriteStringArray(writer, "falsePositives", metadata.FalsePositives);
        WriteStringArray(writer, "references", metadata.References);
        WriteStringArray(writer, "authors", metadata.Authors);
        writer.Line($"sourcePath: {CSharpLiterals.String(sourcePath)},");
        writer.Line($"query: {CSharpLiterals.String(query)});");
        writer.Unindent();
    }

    // Every alert goes through Raise, which applies the rule's pipes, if any.
    private static void WritePipes(SourceWriter writer, Eql.EquatableArray<PipePlan> pipes, string alertType)
    {
        if (pipes.Count == 0)
        {
            using (writer.Block($"private void Raise({alertType} alert, global::System.Collections.Generic.ICollection<{alertType}> alerts)"))
            {
                writer.Line("alerts.Add(alert);");
            }

            writer.Line();
            using (writer.Block($"private void FlushPipes(global::System.Collections.Generic.ICollection<{alertType}> alerts)"))
            {
                writer.Line("// The rule has no pipes.");
            }

            writer.Line();
            using (writer.Block("private void ResetPipes()"))
            {
                writer.Line("// The rule has no pipes.");
            }

            return;
        }

        string described = string.Join(" ", pipes.Select(pipe => $"| {pipe.Kind.ToString().ToLowerInvariant()} {pipe.Count.ToString(CultureInfo.InvariantCulture)}"));
        string steps = string.Join(", ", pipes.Select(pipe => $"(\"{pipe.Kind.ToString().ToLowerInvariant()}\", {pipe.Count.ToString(CultureInfo.InvariantCulture)})"));
        writer.Line($"// {described}");
        writer.Line($"private readonly global::RuleGen.AlertPipeline<{alertType}> pipeline = new({steps});");
        writer.Line();
        using (writer.Block($"private void Raise({alertType} alert, global::System.Collections.Generic.ICollection<{alertType}> alerts)"))
        {
            writer.Line("pipeline.Offer(alert, alerts);");
        }

        writer.Line();
        using (writer.Block($"private void FlushPipes(global::System.Collections.Generic.ICollection<{alertType}> alerts)"))
        {
            writer.Line("pipeline.Flush(alerts);");
        }

        writer.Line();
        using (writer.Block("private void ResetPipes()"))
        {
            writer.Line("pipeline.Reset();");
        }
    }

    private static void WriteStringArray(SourceWriter writer, string name, IEnumerable<string> values)
    {
        string[] items = values.Select(CSharpLiterals.String).ToArray();
        if (items.Length == 0)
        {
            writer.Line($"{name}: global::System.Array.Empty<string>(),");
            return;
        }

        writer.Line($"{name}: new string[]");
        writer.Line("{");
        writer.Indent();
        foreach (string item in items)
        {
            writer.Line(item + ",");
        }

        writer.Unindent();
        writer.Line("},");
    }

    private static void WriteEventQuery(SourceWriter writer, EventQueryPlan query, ConditionEmitter conditions)
    {
        writer.Line("/// <inheritdoc/>");
        using (writer.Block($"public void Process({conditions.Event.TypeName} e, global::System.Collections.Generic.ICollection<{conditions.Event.AlertType}> alerts)"))
        {
            using (writer.Block("if (Filter(e))"))
            {
                writer.Line($"Raise(new {conditions.Event.AlertType}(RuleInfo, new[] {{ e }}), alerts);");
            }
        }

        writer.Line();
        WriteTimelessMembers(
            writer,
            conditions.Event,
            "// An event query keeps no state between events, so time passing changes nothing.",
            "// An event query raises every alert as its event arrives; only a tail pipe holds alerts back.",
            "// An event query keeps no state between events, except what its pipes count.");

        writer.Line();
        WriteFilter(writer, "Filter", query.Filter, conditions);
    }

    /// <summary>
    /// Writes <c>AdvanceTime</c>, <c>Flush</c> and <c>Reset</c> for a query that time does not affect: each with its
    /// explaining comment, where a flush releases only what a tail pipe kept. <paramref name="resetState"/> is the
    /// reset's first line, a comment or a call.
    /// </summary>
    public static void WriteTimelessMembers(SourceWriter writer, EventAccess access, string advanceComment, string flushComment, string resetState)
    {
        writer.Line("/// <inheritdoc/>");
        using (writer.Block($"public void AdvanceTime(global::System.DateTimeOffset now, global::System.Collections.Generic.ICollection<{access.AlertType}> alerts)"))
        {
            writer.Line(advanceComment);
        }

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        using (writer.Block($"public void Flush(global::System.Collections.Generic.ICollection<{access.AlertType}> alerts)"))
        {
            writer.Line(flushComment);
            writer.Line("FlushPipes(alerts);");
        }

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        using (writer.Block("public void Reset()"))
        {
            writer.Line(resetState);
            writer.Line("ResetPipes();");
        }
    }

    /// <summary>Writes a static method that tests an event against one event filter.</summary>
    public static void WriteFilter(SourceWriter writer, string name, EventFilterPlan filter, ConditionEmitter conditions)
    {
        writer.Line($"/// <summary>Tests <c>{CSharpLiterals.Xml(CSharpLiterals.Comment(CSharpLiterals.Shorten(filter.Clause, 120)))}</c>.</summary>");
        using (writer.Block($"internal static bool {name}({conditions.Event.TypeName} e)"))
        {
            if (filter.Category is { } category)
            {
                writer.Line($"// {CSharpLiterals.Comment(category)} where: event.category must include {CSharpLiterals.Comment(CSharpLiterals.String(category))} (case-sensitive).");
                using (writer.Block($"if (!global::RuleGen.Matching.EqlString.Equal({conditions.Event.Category}, {CSharpLiterals.String(category)}, ignoreCase: false).IsTrue)"))
                {
                    writer.Line("return false;");
                }

                writer.Line();
            }

            if (filter.Condition is BoundConstant { Value: true })
            {
                writer.Line("// where true");
                writer.Line("return true;");
                return;
            }

            writer.Line("// The event matches only when the condition is true; false and null (unknown) both reject it.");
            List<BoundExpression> conjuncts = ConditionEmitter.CheapestFirst(ConditionEmitter.Conjuncts(filter.Condition));
            if (conjuncts.Count == 1)
            {
                conditions.EmitTest(writer, filter.Condition, wantTrue: true, "bool condition = ", ";");
                writer.Line("return condition;");
                return;
            }

            // An 'and' is true only when every operand is true, so the first operand that is not true (false, or
            // null for a missing field) decides, and the rest is not evaluated.
            writer.Line("// Each operand of the top-level 'and' must be true; the cheapest tests run first.");
            for (int i = 0; i < conjuncts.Count; i++)
            {
                string term = "term" + i.ToString(CultureInfo.InvariantCulture);
                conditions.EmitTest(writer, conjuncts[i], wantTrue: true, $"bool {term} = ", ";");
                if (i < conjuncts.Count - 1)
                {
                    using (writer.Block($"if (!{term})"))
                    {
                        writer.Line("return false;");
                    }

                    writer.Line();
                }
                else
                {
                    writer.Line($"return {term};");
                }
            }
        }
    }

    // Keeps a query line's indentation but removes characters that would end a '///' comment line.
    private static string DocumentationLine(string line)
    {
        var builder = new System.Text.StringBuilder(line.Length);
        foreach (char c in line)
        {
            builder.Append(c == '\t' ? "    " : char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085' ? " " : c.ToString());
        }

        return builder.ToString().TrimEnd();
    }


    /// <summary>
    /// The C# type of a join key value. A date key is its instant in milliseconds since the Unix epoch, the
    /// precision of Elasticsearch's date type, so two texts that name one instant are one key.
    /// </summary>
    public static string KeyType(FieldKind kind) => kind switch
    {
        FieldKind.Long or FieldKind.Date => "long?",
        FieldKind.Boolean => "bool?",
        _ => "string?",
    };

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
