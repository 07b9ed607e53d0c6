using System;
using System.Collections.Generic;
using System.Linq;
using RuleGen.Eql.Diagnostics;
using RuleGen.Eql.Schema;
using RuleGen.Eql.Syntax;
using RuleGen.Eql.Text;

namespace RuleGen.Eql.Binding;

/// <summary>
/// Checks a parsed query against the schema and turns it into a <see cref="QueryPlan"/>: every field must exist
/// and have a typed member, every comparison must fit the field's type, and constructs that RuleGen cannot
/// compile yet are reported at their span. The binder reports every problem it finds, not only the first.
/// </summary>
public sealed partial class Binder
{
    private readonly string text;
    private readonly List<EqlDiagnostic> diagnostics;
    private readonly FieldSchema schema;
    private readonly bool requireTypedMembers;

    /// <param name="text">The rule file's text.</param>
    /// <param name="diagnostics">Receives the binder's diagnostics.</param>
    /// <param name="schema">The fields rules may use.</param>
    /// <param name="requireTypedMembers">
    /// True when the rule is compiled to a detector over the typed ECS event, so every field needs a member.
    /// False when a rule is only checked, so custom fields are accepted.
    /// </param>
    public Binder(string text, List<EqlDiagnostic> diagnostics, FieldSchema schema, bool requireTypedMembers)
    {
        this.text = text;
        this.diagnostics = diagnostics;
        this.schema = schema;
        this.requireTypedMembers = requireTypedMembers;
    }

    private int errorCount;

    /// <summary>Binds a statement; returns null when any error was reported, because a wrong matcher is worse than none.</summary>
    public QueryPlan? Bind(StatementSyntax statement)
    {
        QueryPlan? plan = statement.Query switch
        {
            EventQuerySyntax query => new EventQueryPlan(BindFilter(query)),
            SequenceSyntax sequence => BindSequence(sequence),
            SampleSyntax sample => BindSample(sample),
            UnsupportedQuerySyntax unsupported => ReportUnsupportedQuery(unsupported),
            _ => null,
        };

        var pipes = new List<PipePlan>();
        foreach (PipeSyntax pipe in statement.Pipes)
        {
            PipePlan? bound = BindPipe(pipe);
            if (bound is not null)
            {
                pipes.Add(bound);
            }
        }

        Pipes = pipes.ToEquatableArray();
        return errorCount == 0 ? plan : null;
    }

    /// <summary>The pipes of the last statement bound, in the order written.</summary>
    public EquatableArray<PipePlan> Pipes { get; private set; } = EquatableArray<PipePlan>.Empty;

    // Elasticsearch EQL has two pipes, head and tail, each with a positive whole number.
    private PipePlan? BindPipe(PipeSyntax pipe)
    {
        PipeKind kind;
        switch (pipe.Name)
        {
            case "head":
                kind = PipeKind.Head;
                break;
            case "tail":
                kind = PipeKind.Tail;
                break;
            default:
                Report(DiagnosticDescriptors.UnsupportedPipe, pipe.Span, pipe.Name);
                return null;
        }

        if (pipe.Arguments.Count != 1
            || pipe.Arguments[0] is not LiteralSyntax { Kind: LiteralKind.Number } number
            || !int.TryParse(number.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int count)
            || count <= 0)
        {
            Report(DiagnosticDescriptors.UnsupportedPipe, pipe.Span, pipe.Name + " with this argument");
            return null;
        }

        return new PipePlan(kind, count);
    }

    private QueryPlan? ReportUnsupportedQuery(UnsupportedQuerySyntax query)
    {
        Report(DiagnosticDescriptors.InvalidSequence, query.Span, "'join' is not part of Elasticsearch EQL (only of the older Python engine): write a sequence instead");
        return null;
    }

    private string Slice(TextSpan span) => text.Substring(span.Start, span.Length);

    private void Report(DiagnosticDescriptorInfo descriptor, TextSpan span, params object[] arguments)
    {
        if (descriptor.Severity == EqlSeverity.Error)
        {
            errorCount++;
        }

        diagnostics.Add(EqlDiagnostic.Create(descriptor, span, arguments));
    }

    private void ReportNotSupported(TextSpan span, string construct, string hint) =>
        Report(DiagnosticDescriptors.NotSupportedYet, span, construct, hint.Length > 0 ? hint : "; rewrite the rule without it");

    private EventFilterPlan BindFilter(EventQuerySyntax query)
    {
        if (!query.IsAny)
        {
            CheckCategory(query);
            CheckCategoryMember(query);
        }

        BoundExpression condition = BindCondition(query.Condition);
        CheckContradictions(query.Condition);
        return new EventFilterPlan(query.IsAny ? null : query.Category, condition, Slice(query.Span));
    }

    // RG5005: two tests in one top-level 'and' that require disjoint values of the same single-valued string
    // field, such as process.name == "a" and process.name == "b". An array field may hold both, so it is left out.
    private void CheckContradictions(ExpressionSyntax condition)
    {
        var conjuncts = new List<ExpressionSyntax>();
        CollectConjuncts(condition, conjuncts);
        var earlier = new Dictionary<string, (List<string> Values, bool IgnoreCase)>(StringComparer.Ordinal);
        foreach (ExpressionSyntax conjunct in conjuncts)
        {
            if (!TryReadRequiredValues(conjunct, out FieldSyntax? field, out List<string>? values, out bool ignoreCase)
                || !schema.TryGet(field!.Path, out FieldDefinition definition)
                || definition.IsArray
                || definition.Kind != FieldKind.String)
            {
                continue;
            }

            if (earlier.TryGetValue(field.Path, out (List<string> Values, bool IgnoreCase) previous))
            {
                StringComparison comparison = ignoreCase || previous.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                if (!values!.Any(value => previous.Values.Any(other => string.Equals(value, other, comparison))))
                {
                    Report(DiagnosticDescriptors.ContradictoryCondition, conjunct.Span, field.Path, Describe(values!), Describe(previous.Values));
                }

                continue;
            }

            earlier[field.Path] = (values!, ignoreCase);
        }
    }

    private static void CollectConjuncts(ExpressionSyntax expression, List<ExpressionSyntax> conjuncts)
    {
        if (expression is LogicalSyntax { Operator: LogicalOperator.And } and)
        {
            CollectConjuncts(and.Left, conjuncts);
            CollectConjuncts(and.Right, conjuncts);
            return;
        }

        conjuncts.Add(expression);
    }

    // The whole values a test requires: 'field == "x"', 'field in (...)', or ':' and 'like' without wildcards.
    private static bool TryReadRequiredValues(ExpressionSyntax test, out FieldSyntax? field, out List<string>? values, out bool ignoreCase)
    {
        field = null;
        values = null;
        ignoreCase = false;
        switch (test)
        {
            case ComparisonSyntax { Operator: ComparisonOperator.Equal, Left: FieldSyntax left, Right: LiteralSyntax { Kind: LiteralKind.String } right }:
                field = left;
                values = new List<string> { right.Value };
                return true;
            case PredicateSyntax { IsNegated: false, Subject: FieldSyntax subject } predicate
                when predicate.Kind is PredicateKind.In or PredicateKind.Colon or PredicateKind.Like
                    && predicate.Values.All(value => value is LiteralSyntax { Kind: LiteralKind.String } literal
                        && (predicate.Kind == PredicateKind.In || (literal.Value.IndexOf('*') < 0 && literal.Value.IndexOf('?') < 0))):
                field = subject;
                values = predicate.Values.Select(value => ((LiteralSyntax)value).Value).ToList();
                ignoreCase = predicate.IsCaseInsensitive;
                return true;
            default:
                return false;
        }
    }

    private static string Describe(List<string> values) =>
        values.Count == 1 ? "\"" + values[0] + "\"" : "one of " + string.Join(", ", values.Select(value => "\"" + value + "\""));

    private QueryPlan? BindSequence(SequenceSyntax sequence)
    {
        CheckMissingTerms(sequence);

        // 'with runs=N' is shorthand for N copies of the term, and Elasticsearch counts clauses after expanding it.
        int clauseCount = sequence.Terms.Sum(term => term.Runs ?? 1);
        if (clauseCount == 1)
        {
            Report(DiagnosticDescriptors.SingleTermSequence, sequence.KeywordSpan);
        }

        // The sequence's own keys are bound once, so a bad key is reported once, and come first in every term.
        TermKeysPlan sequenceKeys = BindKeys(sequence.Keys?.Keys ?? new List<ExpressionSyntax>(), out bool sequenceKeysBound);
        var terms = new List<SequenceTermPlan>();
        List<KeyKindItem>? keyKinds = null;
        foreach (SequenceTermSyntax term in sequence.Terms)
        {
            TermKeysPlan termKeys = BindKeys(term.Keys?.Keys ?? new List<ExpressionSyntax>(), out bool termKeysBound);
            var keys = new TermKeysPlan(sequenceKeys.Fields.Concat(termKeys.Fields).ToEquatableArray());
            if (sequenceKeysBound && termKeysBound)
            {
                CheckKeys(keys, term.Keys?.Span ?? term.Span, ref keyKinds, "this term");
            }
            var plan = new SequenceTermPlan(BindFilter(term.Query), keys, term.IsMissing);
            for (int run = 0; run < (term.Runs ?? 1); run++)
            {
                terms.Add(plan);
            }
        }

        UntilPlan? until = sequence.Until is { } untilTerm ? BindUntil(untilTerm, sequenceKeys, sequenceKeysBound, ref keyKinds) : null;

        SuppressionPlan? suppression = null;
        if (sequence.NotSequence is { } notSequence)
        {
            Report(DiagnosticDescriptors.NotSequenceClause, notSequence.KeywordSpan);
            suppression = BindSuppression(notSequence, ref keyKinds);
        }

        return new SequencePlan(
            terms.ToEquatableArray(),
            (keyKinds ?? new List<KeyKindItem>()).ToEquatableArray(),
            sequence.Maxspan?.Milliseconds,
            sequence.Maxspan is { } maxspan ? Slice(maxspan.Span) : string.Empty,
            suppression,
            until);
    }

    private QueryPlan? BindSample(SampleSyntax sample)
    {
        if (sample.Terms.Count < 2)
        {
            Report(DiagnosticDescriptors.InvalidSequence, sample.Terms[0].Span, "A sample needs at least two terms; for one kind of event, write an event query");
        }

        // As in a sequence, the sample's own keys come first in every term and pair by position.
        TermKeysPlan sampleKeys = BindKeys(sample.Keys?.Keys ?? new List<ExpressionSyntax>(), out bool sampleKeysBound);
        var terms = new List<SequenceTermPlan>();
        List<KeyKindItem>? keyKinds = null;
        foreach (SequenceTermSyntax term in sample.Terms)
        {
            TermKeysPlan termKeys = BindKeys(term.Keys?.Keys ?? new List<ExpressionSyntax>(), out bool termKeysBound);
            var keys = new TermKeysPlan(sampleKeys.Fields.Concat(termKeys.Fields).ToEquatableArray());
            if (sampleKeysBound && termKeysBound)
            {
                CheckKeys(keys, term.Keys?.Span ?? term.Span, ref keyKinds, "this term");
            }

            terms.Add(new SequenceTermPlan(BindFilter(term.Query), keys));
        }

        return new SamplePlan(terms.ToEquatableArray(), (keyKinds ?? new List<KeyKindItem>()).ToEquatableArray());
    }

    // Missing-event terms need a maxspan and at least one positive term, as in Elasticsearch. RuleGen also
    // limits a sequence to one leading and one trailing missing term.
    private void CheckMissingTerms(SequenceSyntax sequence)
    {
        List<SequenceTermSyntax> missing = sequence.Terms.Where(term => term.IsMissing).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        if (sequence.Maxspan is null)
        {
            Report(DiagnosticDescriptors.InvalidSequence, missing[0].Span, "A missing-event term '![...]' needs the sequence to have a maxspan: add 'with maxspan=...' after 'sequence'");
        }

        if (missing.Count == sequence.Terms.Count)
        {
            Report(DiagnosticDescriptors.InvalidSequence, sequence.KeywordSpan, "A sequence needs at least one term that is not a missing-event term '![...]'");
            return;
        }

        List<SequenceTermSyntax> terms = sequence.Terms.ToList();
        int firstPositive = terms.FindIndex(term => !term.IsMissing);
        int lastPositive = terms.FindLastIndex(term => !term.IsMissing);
        if (firstPositive > 1)
        {
            ReportNotSupported(sequence.Terms[1].Span, "more than one leading missing-event term", string.Empty);
        }

        if (sequence.Terms.Count - 1 - lastPositive > 1)
        {
            ReportNotSupported(sequence.Terms[lastPositive + 2].Span, "more than one trailing missing-event term", string.Empty);
        }

        // 'with runs' repeats a missing term. Between two positive terms the copies check the same interval, so
        // they are allowed. Before the first or after the last, they would make a second leading or trailing term.
        for (int i = 0; i < terms.Count; i++)
        {
            if (terms[i].IsMissing && terms[i].Runs > 1 && (i < firstPositive || i > lastPositive))
            {
                ReportNotSupported(terms[i].RunsSpan, "'with runs' above 1 on a leading or trailing missing-event term", string.Empty);
            }
        }
    }

    private UntilPlan? BindUntil(SequenceTermSyntax term, TermKeysPlan sequenceKeys, bool sequenceKeysBound, ref List<KeyKindItem>? keyKinds)
    {
        if (term.IsMissing)
        {
            // Elasticsearch parses 'until ![...]' and then treats it as a plain term; an error is clearer.
            Report(DiagnosticDescriptors.InvalidSequence, term.Span, "'until' takes a plain term '[...]', not a missing-event term '![...]'");
            return null;
        }

        if (term.Runs is not null)
        {
            Report(DiagnosticDescriptors.InvalidSequence, term.RunsSpan, "'until' cannot take 'with runs'");
            return null;
        }

        TermKeysPlan termKeys = BindKeys(term.Keys?.Keys ?? new List<ExpressionSyntax>(), out bool termKeysBound);
        var keys = new TermKeysPlan(sequenceKeys.Fields.Concat(termKeys.Fields).ToEquatableArray());
        if (sequenceKeysBound && termKeysBound)
        {
            CheckKeys(keys, term.Keys?.Span ?? term.Span, ref keyKinds, "the 'until' term");
        }
        return new UntilPlan(BindFilter(term.Query), keys, Slice(term.Span));
    }

    private SuppressionPlan? BindSuppression(NotSequenceSyntax notSequence, ref List<KeyKindItem>? keyKinds)
    {
        if (notSequence.Terms.Count != 1)
        {
            Report(DiagnosticDescriptors.InvalidSequence, notSequence.Terms[1].Span, "A 'not sequence' clause takes exactly one bracketed event query");
            return null;
        }

        SequenceTermSyntax term = notSequence.Terms[0];
        if (term.Keys is not null)
        {
            Report(DiagnosticDescriptors.InvalidJoinKey, term.Keys.Span, "Write the join keys of a 'not sequence' clause after 'not sequence by', not after its term");
        }

        TermKeysPlan keys = BindKeys(notSequence.Keys?.Keys ?? new List<ExpressionSyntax>(), out bool keysBound);
        if (keysBound)
        {
            CheckKeys(keys, notSequence.Keys?.Span ?? notSequence.KeywordSpan, ref keyKinds, "the 'not sequence' clause");
        }
        return new SuppressionPlan(BindFilter(term.Query), keys, Slice(notSequence.Span));
    }

    // A category reads event.category, which a project's own event type may lack.
    private void CheckCategoryMember(EventQuerySyntax query)
    {
        if (requireTypedMembers && schema.TryGet("event.category", out FieldDefinition definition) && definition.MemberPath is null)
        {
            Report(DiagnosticDescriptors.FieldNotModeled, query.CategorySpan, "event.category", (definition.UnsupportedReason ?? "it has no typed member") + $", which '{query.Category} where' reads; or write 'any where'");
        }
    }

    // A category is compared exactly with event.category, so 'Process' or 'proces' silently never matches.
    // Only near misses of ECS values are reported: real rules also use categories outside ECS, such as 'dns'.
    private void CheckCategory(EventQuerySyntax query)
    {
        string category = query.Category;
        if (System.Array.IndexOf(EcsFields.EventCategories, category) >= 0)
        {
            return;
        }

        // The categories are sorted, so a tie goes to the first by name. A suggestion must keep at least one
        // character of the category, so a one-letter category is never matched by replacing that letter.
        string? closest = EditDistance.Closest(category, EcsFields.EventCategories, System.Math.Min(2, category.Length - 1));
        if (closest is not null)
        {
            Report(DiagnosticDescriptors.UnknownCategory, query.CategorySpan, category, closest);
        }
    }

    // 'bound' is false when a key could not be bound. The key counts are then not compared, because a
    // mismatch would only repeat the error already reported.
    private TermKeysPlan BindKeys(IReadOnlyList<ExpressionSyntax> keys, out bool bound)
    {
        var fields = new List<BoundField>();
        int errorsBefore = errorCount;
        foreach (ExpressionSyntax key in keys)
        {
            if (key is not FieldSyntax fieldSyntax)
            {
                Report(DiagnosticDescriptors.InvalidJoinKey, key.Span, $"A join key must be a field, but '{Slice(key.Span)}' is an expression; Elasticsearch EQL accepts only fields after 'by'");
                continue;
            }

            BoundField? field = BindField(fieldSyntax);
            if (field is null)
            {
                if (fieldSyntax.IsOptional && !schema.TryGet(fieldSyntax.Path, out _))
                {
                    // An optional key that no schema declares is null on every event. It keeps its position, so the
                    // keys still pair with the other terms' and the alert reports a null there, as Elasticsearch does.
                    fields.Add(new BoundField(fieldSyntax.Path, "null", FieldKind.String, IsArray: false, MemberPath: string.Empty, IsOptional: true, IsUnmapped: true));
                }

                continue;
            }

            // A date key joins on the instant, so texts in different formats or zones that name one instant are
            // one key, as in Elasticsearch.
            if (field.Kind is not (FieldKind.String or FieldKind.Long or FieldKind.Boolean or FieldKind.Date))
            {
                Report(DiagnosticDescriptors.InvalidJoinKey, key.Span, $"The join key '{field.Name}' has type {field.Type}; RuleGen joins on keyword, ip, integer, boolean and date fields");
                continue;
            }

            fields.Add(field);
        }

        bound = errorCount == errorsBefore;
        return new TermKeysPlan(fields.ToEquatableArray());
    }

    // Keys pair by position, so every term needs the same number of keys, of the same type at each position.
    private void CheckKeys(TermKeysPlan keys, TextSpan span, ref List<KeyKindItem>? keyKinds, string where)
    {
        var kinds = keys.Fields.Select(field => new KeyKindItem(field.Kind, field.IsOptional, field.IsUnmapped)).ToList();
        if (keyKinds is null)
        {
            keyKinds = kinds;
            return;
        }

        if (kinds.Count != keyKinds.Count)
        {
            Report(DiagnosticDescriptors.JoinKeyMismatch, span, $"Inconsistent number of join keys: the first term has {keyKinds.Count}, {where} has {kinds.Count}; keys pair by position, so give every term the same number");
            return;
        }

        for (int i = 0; i < kinds.Count; i++)
        {
            // An unmapped optional key is always null, so it pairs with a key of any type, which then decides.
            if (kinds[i].IsUnmapped)
            {
                keyKinds[i] = keyKinds[i] with { AllowsNull = true };
                continue;
            }

            if (keyKinds[i].IsUnmapped)
            {
                keyKinds[i] = kinds[i] with { AllowsNull = true };
                continue;
            }

            if (kinds[i].Kind != keyKinds[i].Kind)
            {
                Report(DiagnosticDescriptors.JoinKeyMismatch, span, $"Join key {i + 1} of {where} is '{keys.Fields[i].Name}' ({keys.Fields[i].Type}), which cannot equal join key {i + 1} of the first term ({keyKinds[i].Kind.ToString().ToLowerInvariant()})");
            }
            else if (kinds[i].AllowsNull)
            {
                keyKinds[i] = kinds[i];
            }
        }
    }

    /// <summary>Resolves a field against the schema; null (after a diagnostic) when it cannot be read.</summary>
    private BoundField? BindField(FieldSyntax field)
    {
        if (!schema.TryGet(field.Path, out FieldDefinition definition))
        {
            if (field.IsOptional)
            {
                return null;
            }

            IReadOnlyList<string> suggestions = schema.Suggest(field.Path);
            string hint = ContainerHint(field.Path) ?? (suggestions.Count == 0
                ? "; check the spelling, declare the field in a *.schema.json file, or write ?" + field.Path + " for a field that may be absent (an optional field missing from the schema is always null)"
                : "; did you mean " + string.Join(" or ", suggestions.Select(name => "'" + name + "'")) + "?");
            Report(DiagnosticDescriptors.UnknownField, FieldNameSpan(field), field.Path, schema.Description, hint);
            return null;
        }

        if (definition.MemberPath is null && requireTypedMembers)
        {
            Report(DiagnosticDescriptors.FieldNotModeled, FieldNameSpan(field), field.Path, definition.UnsupportedReason ?? "it has no typed member");
            return null;
        }

        return new BoundField(definition.Name, definition.Type, definition.Kind, definition.IsArray, definition.MemberPath ?? string.Empty, field.IsOptional);
    }

    // A field under a declared object or flattened field is a common near miss: the schema declares the parent but not
    // this key. Elasticsearch EQL rejects sub-fields of a flattened field ("unsupported type [flattened]").
    private string? ContainerHint(string path)
    {
        for (int dot = path.LastIndexOf('.'); dot > 0; dot = path.LastIndexOf('.', dot - 1))
        {
            if (schema.TryGet(path.Substring(0, dot), out FieldDefinition parent))
            {
                return parent.Type switch
                {
                    "flattened" => $"; its parent '{parent.Name}' is a flattened field, whose keys Elasticsearch EQL cannot read",
                    "object" or "nested" => $"; its parent '{parent.Name}' is an {parent.Type} field, so declare '{path}' with its type in a *.schema.json file, or write ?{path} for a key that may be absent",
                    _ => null,
                };
            }
        }

        return null;
    }

    // The span of the name itself, without a leading '?', so the error points at the misspelled text.
    private TextSpan FieldNameSpan(FieldSyntax field)
    {
        if (field.IsOptional && text[field.Span.Start] == '?')
        {
            return TextSpan.FromBounds(field.Span.Start + 1, field.Span.End);
        }

        return field.Span;
    }
}
